"""Near-valid input, generated: almost-right matrices, then mutated the way pastes go wrong.

For every text and both field kinds (max_ndim 2 and 1) the reader gives numbers or an
InputError that names the field, says why and points inside the text; never anything
else. Whatever it accepts that Python's own literal reader also reads is exactly what
Python reads (after NumPy's promotion: one float makes every number a float).
"""

import ast
import math
import re
import warnings
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pycore import InputError, parse

FSI, PDI = "\u2068", "\u2069"
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LINE_ENDS = re.compile("\r\n|\r|\n")
COUNTS: Counter = Counter()

# -- almost-right matrices ------------------------------------------------------------

EDGE_NUMBERS = ["1e308", "-1e308", "1.7976931348623157e308", "1e-320", "4.9e-324", "5e-324", "2e-324",
                "1e-400", "1e309", "-0.0", "-0", "0", "0.0", "9007199254740993", "-9007199254740993",
                "123456789012345678901234567890", "1_000", "1_000.5", ".5", "5.", "1E+05", "2.5e-3",
                "00", "1.", "+3", "0e0"]
numbers = st.one_of(
    st.integers(-1000, 1000).map(str),
    st.integers(-10**30, 10**30).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(-1e3, 1e3).map(lambda x: f"{x:.3g}"),
    st.sampled_from(EDGE_NUMBERS),
)
separators = st.sampled_from([", ", ",", " , ", ",\n ", ",\t", ",  "])


@st.composite
def sequences(draw, items: list[str]) -> str:
    """A list or a tuple of the given items, as someone might type it."""
    sep = draw(separators)
    body = sep.join(items)
    if draw(st.booleans()):  # a tuple
        if len(items) == 1 or draw(st.integers(0, 4)) == 0:
            body += ","
        return "(" + body + ")"
    if draw(st.integers(0, 4)) == 0:
        body += ","  # a trailing comma
    return "[" + body + "]"


@st.composite
def matrices(draw) -> str:
    depth = draw(st.integers(0, 2))
    if depth == 0:
        number = draw(numbers)
        return f"({number})" if draw(st.booleans()) else number
    if depth == 1:
        return draw(sequences(draw(st.lists(numbers, min_size=1, max_size=5))))
    width = draw(st.integers(1, 4))
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        size = width if draw(st.integers(0, 9)) else draw(st.integers(1, 5))  # now and then ragged
        rows.append(draw(sequences(draw(st.lists(numbers, min_size=size, max_size=size)))))
    return draw(sequences(rows))


# -- how pastes go wrong --------------------------------------------------------------

def insert(*snippets):
    def mutate(draw, text):
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from(snippets)) + text[at:]
    return mutate


def replace_one(chars, *replacements):
    """Replace one of the characters in ``chars`` (if any) by one of ``replacements``."""
    def mutate(draw, text):
        places = [i for i, c in enumerate(text) if c in chars]
        if not places:
            return text
        at = draw(st.sampled_from(places))
        return text[:at] + draw(st.sampled_from(replacements)) + text[at + 1:]
    return mutate


def replace_all(old, *replacements):
    def mutate(draw, text):
        return text.replace(old, draw(st.sampled_from(replacements)))
    return mutate


def wrap(draw, text):
    depth = draw(st.integers(1, 150))
    opening, closing = draw(st.sampled_from([("[", "]"), ("(", ")"), ("(", ",)")]))
    return opening * depth + text + closing * depth


def without_brackets(draw, text):
    return re.sub(r"[\[\]()]", "", text)


def as_code(draw, text):
    return draw(st.sampled_from(["inputs = {}", "np.array({})", "numpy.array({})", "x = np.array({})",
                                 "array({})", "{}\n", "  {}  "])).format(text)


MUTATIONS = [
    replace_one(",", "", ",,", ", ,", " "),  # a missing or doubled comma
    insert("[", "]", "(", ")", ","),  # a stray bracket or comma
    replace_one("[]()", ""),  # a missing bracket
    replace_all(", ", " ", "\t", "; ", "\n", "\r", "\r\n", " ,", ";"),  # mixed separators
    replace_all("\n", "\r", "\r\n"),
    replace_one(" ", "\t", "\n", "\r", "\r\n", ";"),
    replace_one(".", ","),  # a decimal comma
    replace_all(".", ","),
    replace_one("0123456789", "\u0661", "\u0967", "\uff11", "\u2081", "\u00b2", "\U0001d7d9"),  # Unicode digits
    replace_one("-", "\u2212", "\u2013", "\uff0d", "\u2010", "\u2014"),  # minus signs
    replace_one(".", "\uff0e", "\u00b7"),
    insert("-", "+", " -", " +", "-1", " -1", "1"),
    wrap,  # deep nesting
    insert("\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\u2028", "\u2029"),  # controls
    insert("\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"),  # bidi
    insert("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2064", "\u180e"),  # zero width
    insert("\u00a0", "\u202f", "\u2009", "\u2007", "\u3000"),  # spaces that are not ' '
    insert("<img src=x onerror=alert(1)>", "<b>", "</textarea><script>alert(1)</script>", "&nbsp;"),
    insert("__import__('os').system('x')", "[1]*3", "lambda: 0", "1 if 1 else 2", "x", "True", "None",
           "1j", "0x10", "nan", "inf", "1e", "--1", "...", "'1'", "# comment", "\\"),
    insert("1,234.5", "1 234", "1,5 2,5", "0,5", ",234.5"),  # locale formats
    without_brackets,  # pasted as a grid
    as_code,
]


@st.composite
def near_valid(draw) -> str:
    text = draw(matrices())
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), max_size=3)):
        text = mutate(draw, text)
    return text


# -- the properties -------------------------------------------------------------------

def python_reads(text):
    """What ast.literal_eval reads, if it is a number or a (nested) list/tuple of
    numbers; else None. Never evaluates code."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "invalid decimal literal" and the like
            value = ast.literal_eval(text)
    except Exception:  # SyntaxError, ValueError, RecursionError, MemoryError...
        return None

    def numeric(v):
        if isinstance(v, (list, tuple)):
            return all(numeric(x) for x in v)
        return type(v) in (int, float)
    return value if numeric(value) else None


def shape_of(value):
    """The shape of a nested list/tuple, or None when it is not rectangular (or empty)."""
    if not isinstance(value, (list, tuple)):
        return ()
    if not value:
        return None
    shapes = {shape_of(v) for v in value}
    if len(shapes) != 1 or None in shapes:
        return None
    return (len(value), *shapes.pop())


def flat(value) -> list:
    if not isinstance(value, (list, tuple)):
        return [value]
    return [x for v in value for x in flat(v)]


def same_number(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


def check(text: str):
    expected = python_reads(text)
    for max_ndim in (2, 1):
        COUNTS["parses"] += 1
        try:
            array = parse(text, "weights2", max_ndim)
        except InputError as error:
            COUNTS["refused"] += 1
            check_refusal(text, error)
            continue
        COUNTS["accepted"] += 1
        values = flat(array.values)
        assert array.ndim <= max_ndim and shape_of(array.values) == array.shape
        assert all(type(v) in (int, float) for v in values)
        assert len({type(v) for v in values}) == 1  # one float makes every number a float
        assert all(math.isfinite(v) for v in values if isinstance(v, float))
        if expected is not None:
            COUNTS["compared"] += 1
            assert shape_of(expected) == array.shape
            python = flat(expected)
            if any(isinstance(v, float) for v in python):  # NumPy's promotion
                python = [float(v) for v in python]
            assert all(same_number(a, b) for a, b in zip(values, python)), (values, python)


def check_refusal(text: str, error: InputError):
    assert error.key == "weights2" and error.label == "Weights (layer 2)"
    assert error.reason and error.message.startswith("Weights (layer 2) (line ")
    assert type(error.line) is int and type(error.column) is int
    lines = LINE_ENDS.split(text)
    assert 1 <= error.line <= len(lines)
    assert 1 <= error.column <= len(lines[error.line - 1]) + 1
    # quoted text: short, between isolates, and nothing outside them can reorder the message
    assert error.reason.count(FSI) == error.reason.count(PDI)
    quoted = re.findall(f"{FSI}(.*?){PDI}", error.reason, flags=re.S)
    assert all(len(q) <= 60 for q in quoted)
    outside = re.sub(f"{FSI}.*?{PDI}", "", error.reason, flags=re.S)
    assert not BIDI.search(outside)
    assert len(error.reason) < 600


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_valid())
def test_near_valid_input_is_read_as_python_reads_it_or_refused_with_a_place(text):
    COUNTS["examples"] += 1
    check(text)


@settings(max_examples=500, deadline=None)
@given(matrices())
def test_valid_input_is_read_as_python_reads_it_or_refused_with_a_place(text):
    COUNTS["examples"] += 1
    check(text)


def test_the_fuzzing_compared_enough():
    if not COUNTS["examples"]:
        pytest.skip("counts only after the generated tests above")
    print(f"\nfuzz: {COUNTS['examples']} texts, {COUNTS['parses']} parses: {COUNTS['accepted']} accepted, "
          f"{COUNTS['refused']} refused, {COUNTS['compared']} compared with ast.literal_eval")
    assert COUNTS["accepted"] > 200 and COUNTS["refused"] > 200 and COUNTS["compared"] > 100
