"""Text a learner typed or pasted -> numbers with a shape, or an InputError.

A small hand-written tokenizer, not eval and not ast.literal_eval: its time and
memory grow linearly with the text, and every refusal can point at a line and
column in words a learner understands. Two spellings are read:

* list syntax as the textbook writes it: ``[[1, 2, 3, 2.5], [2., 5., -1., 2]]``
  (also NumPy's printed form, ``array([[1. 2.] [3. 4.]])``, and ``inputs = [...]``);
* a pasted grid: numbers split by spaces, commas or tabs, rows by newlines or
  semicolons, as copied from a spreadsheet or a PDF.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import InputError, field_key, field_label, locate

MAX_CHARS = 10_000_000
MAX_NUMBERS = 1_000_000

# What copying from PDFs and web pages brings along. Each maps one character
# to one character, so line and column numbers still point into the original.
_LOOKALIKES = str.maketrans({
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash, used as a minus by some typesetters
    "\ufeff": " ",  # byte-order mark
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
})

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_TOKEN = re.compile(
    r"[^\S\n]*(?:"
    rf"(?P<num>{_NUMBER})(?![\w.+-])"
    r"|(?P<punct>[\[\],;\n])"
    r"|(?P<word>[^\s\[\],;]+)"
    r")"
)
_NUMBER_START = re.compile(r"(?<![\w.])[+-]?\.?\d")
# `inputs = `, `np.array(` ... `)`: what comes along when copying code or a
# printed array from the textbook.
_PREFIX = re.compile(r"\s*(?:[A-Za-z_]\w*\s*=(?!=))?\s*(?:(?:np|numpy)\s*\.\s*)?(?:array\s*\()?")
_SUFFIX = re.compile(r"\)\s*$")

_NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity",
               "+infinity", "-infinity", "np.nan", "np.inf", "-np.inf"}

DIMENSION_NAMES = {0: "a single number", 1: "a list of numbers",
                   2: "a list of lists (a matrix)"}


@dataclass(frozen=True)
class Array:
    """Nested Python lists of numbers (or one number) and their shape."""

    values: object
    shape: tuple[int, ...]

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    def to_dict(self) -> dict:
        return {"values": self.values, "shape": list(self.shape)}


def parse(text: str, field: str, max_ndim: int = 2) -> Array:
    """Read one field, named by its key (``inputs``, ``weights2``). ``max_ndim`` is 2
    for inputs and weights, 1 for biases."""
    if len(text) > MAX_CHARS:
        raise InputError(field, f"this is {len(text):,} characters long; Layer Lens reads at most "
                                f"{MAX_CHARS:,} characters in one field.")
    if len(text) > 2 * MAX_NUMBERS:  # could hold too many numbers: count before building lists
        count = sum(1 for _ in _NUMBER_START.finditer(text))
        if count > MAX_NUMBERS:
            raise InputError(field, f"this holds about {count:,} numbers; Layer Lens reads at most "
                                    f"{MAX_NUMBERS:,} numbers in one field.")
    text = _unwrap(text.translate(_LOOKALIKES))
    if not text.strip():
        raise InputError(field, "this field is empty. Type a number, or a list such as [1, 2, 3].")
    if "[" in text or "]" in text:
        fast = _fast_nested(text, max_ndim)
        if fast is not None:
            return Array(*fast)
    return _read(text, field, max_ndim)


def _read(text: str, field: str, max_ndim: int) -> Array:
    """The token-by-token reader: reads everything, and says where anything is wrong."""
    reader = _Reader(text, field, max_ndim)
    if "[" in text or "]" in text:
        values, shape = reader.nested()
    else:
        values, shape = reader.grid()
    if reader.saw_float and reader.saw_int:
        values = _to_float(values)  # as NumPy does: one float makes the whole array float
    return Array(values, shape)


_FAST_ALPHABET = re.compile(r"[\d\s.,eE+\-\[\]]*")
_BRACKET = re.compile(r"[\[\]]")


def _fast_nested(text: str, max_ndim: int):
    """A fast path for well-formed list syntax (a huge paste): the numbers of each
    innermost list are converted by C code, not token by token. Returns None on
    anything unusual, and the careful reader then finds and explains it; both
    give the same result whenever this one gives any."""
    if not _FAST_ALPHABET.fullmatch(text):
        return None
    floats = any(c in text for c in ".eE")
    convert = float if floats else int
    stack: list[list] = [[]]
    last_end, last_char, count = 0, None, 0
    for m in _BRACKET.finditer(text):
        between = text[last_end:m.start()]
        char = m.group()
        if char == "]" and last_char == "[":  # an innermost list: numbers only
            parts = between.split(",") if "," in between else between.split()
            if len(parts) > 1 and not parts[-1].strip():
                parts.pop()  # a trailing comma
            if not parts or (not floats and any(len(p.strip()) >= 16 for p in parts)):
                return None
            try:
                numbers = list(map(convert, parts))
            except ValueError:
                return None
            if floats and not all(map(math.isfinite, numbers)):
                return None
            count += len(numbers)
            if count > MAX_NUMBERS:
                return None
            stack[-1].extend(numbers)
        else:
            gap = between.strip()
            if gap and not (gap == "," and last_char == "]"):
                return None
        if char == "[":
            if len(stack) > max_ndim:
                return None
            stack.append([])
        else:
            if len(stack) == 1:
                return None
            done = stack.pop()
            if not done:
                return None
            stack[-1].append(done)
        last_end, last_char = m.end(), char
    if len(stack) != 1 or len(stack[0]) != 1 or text[last_end:].strip():
        return None
    values = stack[0][0]
    if isinstance(values[0], list):
        if not all(isinstance(row, list) for row in values):
            return None
        width = len(values[0])
        if any(len(row) != width or not isinstance(row[0], (int, float)) for row in values):
            return None
        return values, (len(values), width)
    if any(isinstance(v, list) for v in values):
        return None
    return values, (len(values),)


def _numbers(count: int) -> str:
    return f"{count} number{'s' if count != 1 else ''}"


def read_fields(inputs: str, layers: list[tuple[str, str]]):
    """Read every field, each on its own, so that a mistake in one field does not
    hide a mistake in another. Returns (inputs, [(weights, biases), ...], errors),
    the errors in page order, top to bottom; a field with an error reads as None,
    and an empty Biases field as None too: that layer adds no biases."""
    errors: list[InputError] = []

    def attempt(text: str, key: str, max_ndim: int) -> Array | None:
        try:
            return parse(text, key, max_ndim)
        except InputError as error:
            errors.append(error)
            return None

    parsed_inputs = attempt(inputs, "inputs", 2)
    parsed_layers = []
    for number, (weights, biases) in enumerate(layers, start=1):
        parsed_weights = attempt(weights, field_key("weights", number), 2)
        parsed_biases = attempt(biases, field_key("biases", number), 1) if biases.strip() else None
        parsed_layers.append((parsed_weights, parsed_biases))
    return parsed_inputs, parsed_layers, errors


def _unwrap(text: str) -> str:
    """Blank out `name =` and `np.array(` ... `)` around the numbers, keeping every
    newline so that lines and columns still point into the original text."""
    head = _PREFIX.match(text)
    start = head.end() if head else 0
    if head and head.group().rstrip().endswith("("):
        tail = _SUFFIX.search(text, start)
        if tail is None:
            return text
        return _blank(text[:start]) + text[start:tail.start()] + _blank(text[tail.start():])
    return _blank(text[:start]) + text[start:]


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


def _to_float(values):
    if isinstance(values, list):
        return [_to_float(v) for v in values]
    return float(values)


class _Frame:
    __slots__ = ("items", "start", "child_shape", "has_lists", "has_numbers", "after_item")

    def __init__(self, start: int):
        self.items: list = []
        self.start = start
        self.child_shape: tuple[int, ...] | None = None
        self.has_lists = self.has_numbers = False
        self.after_item = False


class _Reader:
    def __init__(self, text: str, field: str, max_ndim: int):
        self.text, self.field, self.max_ndim = text, field, max_ndim
        self.count = 0
        self.saw_int = self.saw_float = False

    # -- shared pieces -------------------------------------------------------------
    def fail(self, pos: int, reason: str):
        line, column = locate(self.text, pos)
        raise InputError(self.field, reason, line=line, column=column)

    def tokens(self):
        text, pos, end = self.text, 0, len(self.text)
        match = _TOKEN.match
        while pos < end:
            m = match(text, pos)
            if m is None:  # only spaces are left
                return
            pos = m.end()
            yield m

    def number(self, m) -> int | float:
        token = m.group("num")
        self.count += 1
        if self.count > MAX_NUMBERS:
            self.fail(m.start("num"), f"more than {MAX_NUMBERS:,} numbers; Layer Lens reads at most "
                                      f"{MAX_NUMBERS:,} in one field.")
        if len(token) < 16 and not any(c in token for c in ".eE"):
            self.saw_int = True
            return int(token)
        value = float(token)
        if math.isinf(value):
            self.fail(m.start("num"), f"{token} is too large to compute with: it overflows to "
                                      "infinity. Use numbers smaller than about 1e308.")
        self.saw_float = True
        return value

    def word(self, m):
        token = m.group("word")
        if token.lower() in _NON_FINITE:
            self.fail(m.start("word"), f"'{token}' is not a finite number. A layer computes with "
                                       "ordinary numbers only, such as 2 or -0.5.")
        shown = token if len(token) <= 40 else token[:37] + "..."
        self.fail(m.start("word"), f"'{shown}' is not a number. Write numbers like 2, -0.5 or "
                                   "1e-3, separated by commas.")

    def too_deep(self, pos: int, ndim: int):
        allowed = DIMENSION_NAMES[self.max_ndim]
        self.fail(pos, f"this has {ndim} levels of brackets, but {field_label(self.field)} can have at most "
                       f"{self.max_ndim} dimension{'s' if self.max_ndim != 1 else ''}: "
                       f"write {allowed}.")

    def ragged(self, pos: int, row: int, length: int, first: int):
        self.fail(pos, f"row {row} has {_numbers(length)}, but row 1 has {first}. An array "
                       "must be homologous: every row the same length.")

    # -- list syntax ---------------------------------------------------------------
    def nested(self):
        stack: list[_Frame] = []
        result = None
        for m in self.tokens():
            kind = m.lastgroup
            pos = m.start(kind)
            if result is not None and m.group(kind) == "]":
                self.fail(pos, "this ']' has no matching '['.")
            if result is not None and m.group(kind) != "\n":
                self.fail(pos, "there is more text after the closing ']'. Put everything inside "
                               "one pair of outer brackets.")
            if kind == "num":
                if not stack:
                    self.fail(pos, "this number is outside the brackets. Put every number inside "
                                   "[ ].")
                frame = stack[-1]
                if frame.has_lists:
                    self.fail(pos, "this list mixes numbers and lists. Each level of brackets "
                                   "holds either numbers or lists, not both.")
                frame.has_numbers = True
                frame.items.append(self.number(m))
                frame.after_item = True
                continue
            if kind == "word":
                self.word(m)
            char = m.group("punct")
            if char == "[":
                if len(stack) == self.max_ndim:
                    self.too_deep(pos, len(stack) + 1)
                if stack:
                    parent = stack[-1]
                    if parent.has_numbers:
                        self.fail(pos, "this list mixes numbers and lists. Each level of brackets "
                                       "holds either numbers or lists, not both.")
                    parent.has_lists = True
                stack.append(_Frame(pos))
            elif char == "]":
                if not stack:
                    self.fail(pos, "this ']' has no matching '['.")
                frame = stack.pop()
                if not frame.items:
                    self.fail(pos, "an empty list [] holds no numbers. Put at least one number "
                                   "between the brackets.")
                shape = (len(frame.items),) + (frame.child_shape or ())
                if stack:
                    parent = stack[-1]
                    if parent.child_shape is None:
                        parent.child_shape = shape
                    elif parent.child_shape != shape:
                        self.ragged(frame.start, len(parent.items) + 1, shape[0],
                                    parent.child_shape[0])
                    parent.items.append(frame.items)
                    parent.after_item = True
                else:
                    result = (frame.items, shape)
            elif char == ",":
                if not stack:
                    self.fail(pos, "this comma is outside the brackets.")
                if not stack[-1].after_item:
                    self.fail(pos, "a number is missing before this comma.")
                stack[-1].after_item = False
            elif char == ";":
                self.fail(pos, "';' separates rows only in a pasted grid. Inside brackets, "
                               "write rows as lists: [[1, 2], [3, 4]].")
        if stack:
            self.fail(stack[-1].start, "this '[' is never closed: add the missing ']'.")
        return result

    # -- pasted grid ---------------------------------------------------------------
    def grid(self):
        rows: list[list] = []
        row_starts: list[int] = []
        row: list = []
        row_start = 0
        after_item = False
        for m in self.tokens():
            kind = m.lastgroup
            pos = m.start(kind)
            if kind == "num":
                if not row:
                    row_start = pos
                row.append(self.number(m))
                after_item = True
            elif kind == "word":
                self.word(m)
            elif m.group("punct") == ",":
                if not after_item:
                    self.fail(pos, "a number is missing before this comma.")
                after_item = False
            else:  # newline or ';' ends a row; blank lines are skipped
                if row:
                    rows.append(row)
                    row_starts.append(row_start)
                row, after_item = [], False
        if row:
            rows.append(row)
            row_starts.append(row_start)
        if not rows:
            self.fail(0, "there are no numbers here. Type a number, or a list such as [1, 2, 3].")
        if len(rows) == 1:
            only = rows[0]
            if len(only) == 1 and "," not in self.text:
                return only[0], ()
            return only, (len(only),)
        first = len(rows[0])
        if self.max_ndim == 1 and all(len(r) == 1 for r in rows):
            return [r[0] for r in rows], (len(rows),)  # a column pasted from a spreadsheet
        if self.max_ndim < 2:
            self.fail(row_starts[1], f"this has {len(rows)} rows, but {field_label(self.field)} is one list of "
                                     "numbers: put them on one line.")
        for index, r in enumerate(rows[1:], start=2):
            if len(r) != first:
                self.ragged(row_starts[index - 1], index, len(r), first)
        return rows, (len(rows), first)
