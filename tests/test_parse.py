"""Reading what a learner types: the accepted spellings and every refusal."""

import contextlib
import tracemalloc

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pycore import InputError, parse
from pycore.parse import MAX_CHARS, MAX_NUMBERS


@pytest.mark.parametrize("text, values, shape", [
    ("2", 2, ()),
    ("-0.5", -0.5, ()),
    ("[1, 2, 3, 2.5]", [1.0, 2.0, 3.0, 2.5], (4,)),
    ("[[1, 2, 3, 2.5], [2., 5., -1., 2]]", [[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0]], (2, 4)),
    ("[1, 2, 3,]", [1, 2, 3], (3,)),
    ("[[1, 2,], [3, 4,],]", [[1, 2], [3, 4]], (2, 2)),
    ("[1e-3, 2E2, .5, 5.]", [0.001, 200.0, 0.5, 5.0], (4,)),
    ("[\n  [1,\t2],\n  [3, 4]\n]\n", [[1, 2], [3, 4]], (2, 2)),
    ("1 2 3", [1, 2, 3], (3,)),
    ("1, 2, 3", [1, 2, 3], (3,)),
    ("1\t2\n3\t4\n", [[1, 2], [3, 4]], (2, 2)),
    ("1 2; 3 4", [[1, 2], [3, 4]], (2, 2)),
    ("1,2\r\n3,4\r\n", [[1, 2], [3, 4]], (2, 2)),
    ("\ufeff[\u22121.5, 2]", [-1.5, 2.0], (2,)),
    ("[1,\u00a02,\u202f3]", [1, 2, 3], (3,)),
    ("inputs = [1, 2]", [1, 2], (2,)),
    ("np.array([[1, 2], [3, 4]])", [[1, 2], [3, 4]], (2, 2)),
    ("array([[ 4.8  ,  1.21 ],\n       [ 8.9  , -1.81 ]])", [[4.8, 1.21], [8.9, -1.81]], (2, 2)),
    ("[[ 4.8    1.21 ]\n [ 8.9   -1.81 ]]", [[4.8, 1.21], [8.9, -1.81]], (2, 2)),
])
def test_accepts(text, values, shape):
    array = parse(text, "inputs")
    assert array.values == values and array.shape == shape


def test_one_float_makes_the_whole_array_float_as_numpy_does():
    values = parse("[1, 2.5]", "inputs").values
    assert values == [1.0, 2.5] and all(isinstance(v, float) for v in values)
    assert all(isinstance(v, int) for v in parse("[1, 2]", "inputs").values)


def test_a_column_pasted_into_biases_is_a_vector():
    assert parse("2\n3\n0.5\n", "biases", 1).values == [2.0, 3.0, 0.5]


def refusal(text, key="inputs", max_ndim=2) -> InputError:
    with pytest.raises(InputError) as caught:
        parse(text, key, max_ndim)
    error = caught.value
    assert error.key == key and error.message.startswith(error.label)
    return error


@pytest.mark.parametrize("text, words, line, column", [
    ("[1, abc, 3]", ["'abc' is not a number"], 1, 5),
    ("[1, 2,\n 3x]", ["'3x' is not a number"], 2, 2),
    ("1 2 three", ["'three'"], 1, 5),
    ("[1, 2", ["never closed", "]"], 1, 1),
    ("[1, 2]]", ["no matching '['"], 1, 7),
    ("1, 2]", ["outside the brackets"], 1, 1),
    ("[1,, 2]", ["number is missing"], 1, 4),
    ("[]", ["empty list"], 1, 2),
    ("[[1, 2, 3, 2.5],\n [2, 5, -1]]", ["row 2 has 3 numbers", "row 1 has 4", "homologous"], 2, 2),
    ("1 2 3\n4 5", ["row 2 has 2 numbers", "row 1 has 3", "homologous"], 2, 1),
    ("[[[1]]]", ["3 levels of brackets", "at most 2 dimensions"], 1, 3),
    ("[1, [2]]", ["mixes numbers and lists"], 1, 5),
    ("[1, nan]", ["'nan' is not a finite number"], 1, 5),
    ("[inf, 1]", ["'inf' is not a finite number"], 1, 2),
    ("[1e999]", ["1e999 is too large", "infinity"], 1, 2),
    ("[1, 2] [3]", ["more text after"], 1, 8),
    ("[1; 2]", ["';'"], 1, 3),
])
def test_refuses_with_place_and_reason(text, words, line, column):
    error = refusal(text)
    for word in words:
        assert word in error.reason
    assert (error.line, error.column) == (line, column)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_field(text):
    assert "empty" in refusal(text, "biases", 1).reason


def test_biases_have_one_dimension():
    assert "at most 1 dimension" in refusal("[[1, 2]]", "biases", 1).reason
    assert "one list of numbers" in refusal("1 2\n3 4", "biases", 1).reason


def peak_bytes(function, *args) -> int:
    tracemalloc.start()
    try:
        function(*args)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_too_long_is_refused_before_reading():
    text = "1," * (MAX_CHARS // 2 + 1)
    assert "at most 10,000,000 characters" in refusal(text).reason
    assert peak_bytes(_refused, text) < 1_000_000  # nothing was copied or built


def test_too_many_numbers_is_refused_before_lists_are_built():
    text = "[" + "1," * (MAX_NUMBERS + 1) + "]"
    error = refusal(text)
    assert "1,000,001" in error.reason and "at most 1,000,000" in error.reason
    # a list of a million numbers costs over 8 MB; the refusal costs next to nothing
    assert peak_bytes(_refused, text) < 1_000_000


def _refused(text):
    with pytest.raises(InputError):
        parse(text, "inputs")


def test_a_million_numbers_are_read():
    array = parse("[" + "1.5," * MAX_NUMBERS + "]", "inputs")
    assert array.shape == (MAX_NUMBERS,)


def test_long_garbage_is_quoted_short():
    error = refusal("x" * 500)
    assert len(error.reason) < 200


# -- the parsing property: numbers or InputError, never another exception ------------

alphabet = st.sampled_from(list("0123456789.,;[] \t\n-+eE") + ["nan", "inf", "\u2212", "\u00a0",
                                                             "\ufeff", "x", "(", ")", "=", "np.array"])


@settings(max_examples=800, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join))
def test_parse_returns_numbers_or_input_error(text):
    _numbers_or_input_error(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_survives_any_unicode(text):
    _numbers_or_input_error(text)


def _numbers_or_input_error(text):
    for max_ndim in (1, 2):
        try:
            array = parse(text, "inputs", max_ndim)
        except InputError as error:
            assert error.reason and error.key == "inputs"
            continue
        assert array.ndim <= max_ndim
        assert _shape_of(array.values) == array.shape


def _shape_of(values):
    if not isinstance(values, list):
        return ()
    return (len(values),) + _shape_of(values[0])


@pytest.mark.parametrize("unit", ["1.25, ", "[1, 2], ", "abc ", "[[[[", "]]]]"])
def test_memory_grows_linearly_with_length(unit):
    # 10x the text costs about 10x the memory, never a syntax tree's worth more
    def peak(count):
        text = "[" + unit * count
        return peak_bytes(_parse_or_refuse, text)
    small, large = peak(3_000), peak(30_000)
    assert large < 15 * max(small, 20_000)
    assert large < 120 * len("[" + unit * 30_000)  # bytes per character of text


def _parse_or_refuse(text):
    with contextlib.suppress(InputError):
        parse(text, "inputs")


# -- the fast path for well-formed pastes gives exactly what the careful reader gives --

from pycore.parse import _read  # noqa: E402

number_text = st.one_of(st.integers(-10**6, 10**6).map(str),
                        st.floats(allow_nan=False, allow_infinity=False).map(repr))
pieces = st.sampled_from(["[", "]", ",", ", ", " ", "\n", "1", "-2.5", "3e2", ".5", "7."])


@settings(max_examples=500, deadline=None)
@given(st.one_of(
    st.lists(st.lists(number_text, min_size=1, max_size=4), min_size=1, max_size=4)
      .map(lambda rows: "[" + ", ".join("[" + ", ".join(r) + "]" for r in rows) + "]"),
    st.lists(number_text, min_size=1, max_size=6).map(lambda r: "[" + ",".join(r) + ",]"),
    st.lists(pieces, max_size=14).map("".join)))
def test_fast_path_agrees_with_the_careful_reader(text):
    assume(text.strip())  # an empty field is refused before either reader runs
    for max_ndim in (1, 2):
        try:
            careful = _read(text, "inputs", max_ndim)
        except InputError as error:
            with pytest.raises(InputError) as caught:
                parse(text, "inputs", max_ndim)
            assert caught.value.message == error.message
            continue
        fast = parse(text, "inputs", max_ndim)
        assert fast == careful
        assert [type(v) for v in _flat(fast.values)] == [type(v) for v in _flat(careful.values)]


def _flat(values):
    if not isinstance(values, list):
        return [values]
    return [x for v in values for x in _flat(v)]
