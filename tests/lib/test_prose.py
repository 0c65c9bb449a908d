"""Tests of infotheory/prose.py: computed prose in both editions, folded answers."""

import pytest

from infotheory.prose import EDITIONS, PROSE_MIME, Answer, Prose, numbers


def test_the_output_carries_every_edition_and_a_notebook_shows_english():
    bundle = Prose(en="It takes 1.5 bits.", zh="需要 1.5 比特。")._repr_mimebundle_()
    assert bundle["text/markdown"] == "It takes 1.5 bits."
    assert bundle[PROSE_MIME] == {
        "en": "It takes 1.5 bits.",
        "zh_CN": "需要 1.5 比特。",
    }
    assert set(bundle[PROSE_MIME]) == set(EDITIONS)


def test_numbers_are_read_as_written():
    text = "1,059,580 letters; H = 4.085 bits, -0.5, 1e-3 and $2^{10}$ = 1024."
    assert numbers(text) == ["1,059,580", "4.085", "0.5", "1", "3", "2", "10", "1024"]


def test_the_editions_may_order_their_numbers_differently():
    Prose(en="From 2 to 3 bits.", zh="从 2 比特到 3 比特。")
    Prose(en="3 bits, not 2.", zh="是 2 吗？不，是 3 比特。")


@pytest.mark.parametrize(
    ("zh", "named"),
    [
        ("需要 1.50 比特。", "only en writes 1.5 and only zh writes 1.50"),
        ("需要一点五比特。", "only en writes 1.5;"),
        ("需要 1.5 比特，即 2 次。", "only zh writes 2;"),
        ("需要 1.5 比特，1.5 比特。", "only zh writes 1.5;"),
    ],
)
def test_editions_that_write_different_numbers_are_refused(zh, named):
    with pytest.raises(ValueError, match="must write the same numbers") as error:
        Prose(en="It takes 1.5 bits.", zh=zh)
    assert named in str(error.value)


def test_the_answer_is_folded_with_its_markdown_inside():
    answer = Answer(
        en="$p$ = 0.110: a **biased** coin.", zh="$p$ = 0.110：有偏的硬币。"
    )
    bundle = answer._repr_mimebundle_()
    for language, shown in bundle[PROSE_MIME].items():
        opens, summary, blank, text, blank_after, closes = shown.split("\n")
        assert opens == '<details class="answer">'
        assert summary == f"<summary>{Answer.SUMMARY[language]}</summary>"
        assert blank == blank_after == ""  # so Markdown and math render inside
        assert text == answer.text[language]
        assert closes == "</details>"
    assert bundle["text/markdown"] == bundle[PROSE_MIME]["en"]
    assert repr(answer) == "$p$ = 0.110: a **biased** coin."


@pytest.mark.parametrize("text", ["", "  ", None, 3.0, ["1 bit"]])
@pytest.mark.parametrize("kind", [Prose, Answer])
def test_every_edition_needs_its_passage(kind, text):
    with pytest.raises(ValueError, match=r"^zh must be the passage as a non-empty"):
        kind(en="1 bit.", zh=text)
    with pytest.raises(ValueError, match=r"^en must be the passage as a non-empty"):
        kind(en=text, zh="1 比特。")
