"""Tests of infotheory.datasets: the digits file of data/ and seeded splits."""

import gzip
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infotheory.datasets import load_digits, split

DIGITS = Path(__file__).resolve().parents[2] / "data" / "digits.csv.gz"


def write(tmp_path, text, name="digits.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def digit_line(pixel=0, label=0):
    return ",".join([str(pixel)] * 64 + [str(label)])


# --------------------------------------------------------------------- the digits file


def test_the_book_s_digits_file():
    pixels, labels = load_digits(DIGITS)
    assert pixels.shape == (1797, 64) and pixels.dtype == np.float64
    assert labels.shape == (1797,) and labels.dtype.kind == "i"
    assert pixels.min() == 0.0 and pixels.max() == 1.0
    np.testing.assert_array_equal(pixels * 16, np.round(pixels * 16))
    assert set(labels.tolist()) == set(range(10))
    assert (np.bincount(labels) >= 170).all()  # about 180 of each digit


def test_the_digits_file_read_independently():
    # numpy's own CSV reader, from the decompressed bytes
    with gzip.open(DIGITS, "rt") as file:
        table = np.loadtxt(file, delimiter=",")
    pixels, labels = load_digits(str(DIGITS))  # a string path works too
    np.testing.assert_array_equal(pixels, table[:, :64] / 16)
    np.testing.assert_array_equal(labels, table[:, 64])


def test_plain_and_compressed_files_read_the_same(tmp_path):
    text = (
        digit_line(3, 7) + "\n" + digit_line(16, 0) + "\n\n"
    )  # a blank line at the end
    plain = write(tmp_path, text)
    packed = tmp_path / "digits.csv.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    for path in (plain, packed):
        pixels, labels = load_digits(path)
        np.testing.assert_array_equal(labels, [7, 0])
        np.testing.assert_array_equal(pixels[0], np.full(64, 3 / 16))
        np.testing.assert_array_equal(pixels[1], np.ones(64))


def test_whole_numbers_written_as_decimals_are_accepted(tmp_path):
    line = ",".join(["2.0"] * 64 + ["5.0"])
    pixels, labels = load_digits(write(tmp_path, line + "\n"))
    np.testing.assert_array_equal(labels, [5])
    assert labels.dtype.kind == "i"
    np.testing.assert_array_equal(pixels, np.full((1, 64), 2 / 16))


def test_a_missing_file_is_named():
    with pytest.raises(FileNotFoundError, match=r"^no digits file at 'nowhere\.csv'"):
        load_digits("nowhere.csv")


BAD_FILES = [
    ("", r"holds no digits; pass the digits file"),
    (
        digit_line() + "\n" + ",".join(["0"] * 64) + "\n",
        r"^line 2 of '.*' has 64 values, but a digit needs 65: 64 pixels, then the "
        r"label",
    ),
    (
        digit_line().replace("0", "x", 1) + "\n",
        r"^line 1 of '.*' holds something other than whole numbers",
    ),
    (
        ",".join(["0.5"] * 64 + ["1"]) + "\n",
        r"^line 1 of '.*' holds something other than whole numbers",
    ),
    (",".join(["nan"] * 65) + "\n", r"holds something other than whole numbers"),
    (",".join(["inf"] * 65) + "\n", r"holds something other than whole numbers"),
    (
        digit_line() + "\n" + digit_line(17, 1) + "\n",
        r"^line 2 of '.*' has a pixel value outside 0 to 16 \(17\)",
    ),
    (digit_line(-1, 1) + "\n", r"has a pixel value outside 0 to 16 \(-1\)"),
    (
        digit_line(0, 10) + "\n",
        r"^line 1 of '.*' ends with the label 10, but a label is a digit from 0 to 9",
    ),
]


@pytest.mark.parametrize("text, pattern", BAD_FILES, ids=[p for _, p in BAD_FILES])
def test_a_bad_file_gets_a_clear_message(tmp_path, text, pattern):
    with pytest.raises(ValueError, match=pattern):
        load_digits(write(tmp_path, text))


# ------------------------------------------------------------------------------- splits


def test_split_sizes_and_cover():
    train, validation, test = split(1797, (0.5, 0.25, 0.25), seed=2026)
    assert (len(train), len(validation), len(test)) == (898, 449, 450)
    together = np.concatenate([train, validation, test])
    np.testing.assert_array_equal(np.sort(together), np.arange(1797))


def test_split_is_reproducible_and_depends_on_the_seed():
    first = split(100, (0.7, 0.3), seed=1)
    again = split(100, (0.7, 0.3), seed=1)
    other = split(100, (0.7, 0.3), seed=2)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], other[0])


def test_split_is_the_seeded_permutation_cut_in_pieces():
    order = np.random.default_rng(5).permutation(20)
    parts = split(20, [0.5, 0.3, 0.2], seed=5)
    np.testing.assert_array_equal(np.concatenate(parts), order)


@given(
    st.integers(3, 500),
    st.lists(st.floats(0.05, 1.0), min_size=1, max_size=3),
    st.integers(0, 2**32),
)
def test_split_parts_are_disjoint_and_cover_everything(n, weights, seed):
    fractions = np.array(weights) / np.sum(weights)
    try:
        parts = split(n, fractions, seed)
    except ValueError as error:  # a part would be empty
        assert "would be empty" in str(error)
        return
    assert len(parts) == len(fractions)
    assert all(len(part) >= 1 for part in parts)
    for part, share in zip(parts[:-1], fractions[:-1]):
        assert len(part) == int(np.floor(share * n))
    np.testing.assert_array_equal(np.sort(np.concatenate(parts)), np.arange(n))


BAD_SPLITS = [
    (lambda: split(0, (1.0,), 0), r"^n must be a whole number of examples, at least 1"),
    (lambda: split(10.0, (1.0,), 0), r"^n must be a whole number of examples"),
    (
        lambda: split(10, (0.5, 0.4), 0),
        r"^fractions must be positive and sum to 1, but got \[0\.5, 0\.4\] \(sum 0\.9",
    ),
    (lambda: split(10, (1.5, -0.5), 0), r"^fractions must be positive and sum to 1"),
    (
        lambda: split(10, [[0.5, 0.5]], 0),
        r"^fractions must be a sequence of shares, one per part",
    ),
    (lambda: split(10, (0.5, np.nan), 0), r"^fractions contains nan at index 1"),
    (
        lambda: split(10, (0.05, 0.95), 0),
        r"^part 0 of the split would be empty: n = 10 examples times "
        r"fractions\[0\] = 0\.05",
    ),
    (lambda: split(10, (0.5, 0.5), -1), r"^seed must be a whole number of 0 or more"),
    (lambda: split(10, (0.5, 0.5), 1.5), r"^seed must be a whole number of 0 or more"),
]


@pytest.mark.parametrize("call, pattern", BAD_SPLITS, ids=[p for _, p in BAD_SPLITS])
def test_bad_split_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
