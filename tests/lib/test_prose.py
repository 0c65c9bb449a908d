"""Tests of infotheory/answers.py: an exercise's answer, folded in a notebook."""

import pytest

from infotheory.answers import SUMMARY, Answer


def test_the_answer_is_folded_with_its_markdown_inside():
    shown = Answer("$p$ = 0.110: a **biased** coin.")._repr_markdown_()
    opens, summary, blank, text, blank_after, closes = shown.split("\n")
    assert opens == '<details class="answer">'
    assert summary == f"<summary>{SUMMARY}</summary>"
    assert blank == blank_after == ""  # so Markdown and math render inside
    assert text == "$p$ = 0.110: a **biased** coin."
    assert closes == "</details>"


def test_plain_text_is_the_sentence():
    assert repr(Answer("1 bit.")) == "1 bit."


@pytest.mark.parametrize("text", ["", "  ", None, 3.0, ["1 bit"]])
def test_an_answer_needs_a_sentence(text):
    with pytest.raises(ValueError, match=r"^text must be the answer as a non-empty"):
        Answer(text)
