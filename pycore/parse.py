"""Text a learner typed or pasted -> numbers with a shape, or an InputError.

A small hand-written tokenizer, not eval and not ast.literal_eval: its time and
memory grow linearly with the text (no pattern here can go back over what it
has read), and every refusal points at a line and column in words a learner
understands. Text means what it means in Python, or it is refused with the
reason. Two spellings are read:

* Python's list and tuple syntax as the textbook writes it:
  ``[[1, 2, 3, 2.5], [2., 5., -1., 2]]``, ``(1, 2)``; also ``inputs = [...]``,
  ``np.array(...)`` and NumPy's printed form ``[[1. 2.]\\n [3. 4.]]``, where
  spaces separate numbers that have no sign (with a sign, ``0.8 -0.5`` is a
  subtraction in Python, so it is refused);
* a pasted grid: numbers split by spaces, commas or tabs, rows by line ends or
  semicolons, as copied from a spreadsheet or a PDF.

Whatever Python would read differently from what it looks like (a decimal
comma, a thousands separator, an invisible or lookalike character) is refused
and named, never guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import NoReturn

from .cache import memo
from .catalog import and_list, say
from .errors import InputError, field_key, field_label, locate

MAX_CHARS = 10_000_000
MAX_NUMBERS = 1_000_000
MAX_INT_DIGITS = 4_300  # Python's own limit for a whole number written in decimal
MAX_NESTING = 100  # brackets open at once; Python itself stops at 200
QUOTE_CHARS = 40  # the most of a learner's text a message repeats

# Text quoted from the learner sits between these two invisible marks (Unicode
# isolates), so that nothing inside it can reorder the rest of the message.
FSI, PDI = "\u2068", "\u2069"

# -- characters -------------------------------------------------------------------
# Every change here maps one character to one character, so that line and column
# numbers still point into the original text.
_SPACE_CHARS = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u2060\ufeff"  # invisible gaps: spaces when nothing but gaps touch them
_VERTICAL = "\x0b\x0c\x85\u2028\u2029"  # line-like, but not a line end a learner typed
_LOOKALIKES = str.maketrans({
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash, used as a minus by some typesetters
    **dict.fromkeys(_SPACE_CHARS + _VERTICAL, " "),
})
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_THOUSANDS_SPACE = re.compile(f"(?<=[0-9])[{_SPACE_CHARS}](?=[0-9])")
_GAP = "\\s\\[\\](),;" + _ZERO_WIDTH
_ZERO_WIDTH_GAP = re.compile(f"(?<![^{_GAP}])[{_ZERO_WIDTH}](?![^{_GAP}])")
_VERTICAL_CHAR = re.compile(f"[{_VERTICAL}]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGITS = frozenset("0123456789")

# -- numbers as Python writes them ------------------------------------------------
# Possessive quantifiers (*+, ++, ?+): each pattern reads a character once and
# never goes back, so a long run of digits costs its length, not its square.
_DIGIT_RUN = r"[0-9]++(?:_[0-9]++)*+"
_UNSIGNED = (rf"(?:{_DIGIT_RUN}(?:\.(?:{_DIGIT_RUN})?+)?+|\.{_DIGIT_RUN})"
             rf"(?:[eE][+-]?+{_DIGIT_RUN})?+")
_NUMBER = re.compile(rf"[+-]?+{_UNSIGNED}")
_SUM = re.compile(rf"[+-]?+{_UNSIGNED}(?:[+-]{_UNSIGNED})++")  # 0.8-0.5: one number to Python
_CHAIN = re.compile(rf"[+-]{_UNSIGNED}(?:\s*+[+-]{_UNSIGNED})*+")  # -0.5 -0.2, after a number
_TERM = re.compile(rf"[+-]{_UNSIGNED}")
_COMPLEX = re.compile(rf"[+-]?+{_UNSIGNED}[jJ]")
_BASE = re.compile(r"[+-]?+0(?:[xX][0-9a-fA-F_]++|[oO][0-7_]++|[bB][01_]++)")
_NONZERO_MANTISSA = re.compile(r"[+-]?+[0._]*+[1-9]")
_SMALL_INT = re.compile(r"[+-]?+[0-9]{1,3}")
_THOUSANDS_TAIL = re.compile(r"[0-9]{3}\.[0-9]*+(?:[eE][+-]?[0-9]++)?+")
_INT = re.compile(r"[+-]?+[0-9]++")
_RIGHT_DIGITS = re.compile(r"[0-9]++")

_TOKEN = re.compile(r"[ \t]*+(?:(?P<punct>[\[\](),;\n])|(?P<chunk>[^\s\[\](),;]++))")
_BRACKETS = re.compile(r"[\[\]()]")
_NUMBER_START = re.compile(r"(?<![\w.])[+-]?\.?[0-9]")
# `inputs = `, `np.array(` ... `)`: what comes along when copying code or a
# printed array from the textbook.
_PREFIX = re.compile(r"\s*(?:[A-Za-z_]\w*\s*=(?!=))?\s*(?:(?:np|numpy)\s*\.\s*)?(?:array\s*\()?")

_NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity",
               "+infinity", "-infinity", "np.nan", "np.inf", "-np.inf"}


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
        raise InputError(field, "parse.too_long", line=1, column=1, length=len(text), most=MAX_CHARS)
    if len(text) > 2 * MAX_NUMBERS:  # could hold too many numbers: count before building lists
        count = sum(1 for _ in _NUMBER_START.finditer(text))
        if count > MAX_NUMBERS:
            raise InputError(field, "parse.too_many_about", line=1, column=1, count=count, most=MAX_NUMBERS)
    text, vertical = _normalize(text, field)
    text = _unwrap(text, field)
    if not text.strip():
        raise InputError(field, "parse.empty", line=1, column=1)
    nested = _BRACKETS.search(text) is not None
    if vertical is not None and not nested:
        _refuse(text, field, vertical[0], "parse.line_like", char=_char_name(vertical[1]))
    if nested:
        fast = _fast_nested(text, max_ndim)
        if fast is not None:
            return Array(*fast)
    return _read(text, field, max_ndim)


def _read(text: str, field: str, max_ndim: int) -> Array:
    """The token-by-token reader: reads everything, and says where anything is wrong.
    ``text`` has been through _normalize."""
    reader = _Reader(text, field, max_ndim)
    if _BRACKETS.search(text):
        values, shape = reader.nested()
    else:
        values, shape = reader.grid()
    if reader.saw_float:  # as NumPy does: one float makes the whole array float
        if reader.huge is not None:
            pos, token = reader.huge
            reader.fail(pos, "parse.float_overflow", written=_number_text(token))
        if reader.saw_int:
            values = _to_float(values)
    return Array(values, shape)


@memo(12)
def _parse_again(text: str, key: str, max_ndim: int) -> Array:
    """parse(), remembered for the last few fields: an edit of one field does not read
    the others again (the arrays are never changed once read)."""
    return parse(text, key, max_ndim)


def read_fields(inputs: str, layers: list[tuple[str, str]]):
    """Read every field, each on its own, so that a mistake in one field does not
    hide a mistake in another. Returns (inputs, [(weights, biases), ...], errors),
    the errors in page order, top to bottom; a field with an error reads as None,
    and an empty Biases field as None too: that layer adds no biases."""
    errors: list[InputError] = []

    def attempt(text: str, key: str, max_ndim: int) -> Array | None:
        try:
            return _parse_again(text, key, max_ndim)
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


# -- decimal commas, for the shape checks -------------------------------------------

_DECIMAL_COMMA = re.compile(r"(?<![0-9A-Za-z_.,+-])[+-]?+[0-9]++,[0-9]++(?![0-9A-Za-z_.]|,[0-9])")


def decimal_commas(text: str) -> tuple[list[str], int | None]:
    """Spellings such as ``-0,5`` that look like a decimal comma (Python reads two
    numbers, -0 and 5), and how many numbers the text would hold, per row (or in
    all, for a list), if each were a decimal; None when that text would not read."""
    found = [m.group() for m in _DECIMAL_COMMA.finditer(text)]
    if not found:
        return [], None
    fixed = _DECIMAL_COMMA.sub(lambda m: m.group().replace(",", "."), text)
    try:
        shape = parse(fixed, "inputs", 2).shape
    except InputError:
        return found, None
    return found, shape[-1] if shape else 1


def decimal_comma_note(text: str, fits: int) -> str:
    """A sentence for a count that does not fit: when the text's decimal-comma
    spellings, read as decimals, would make it hold ``fits`` numbers (per row)."""
    found, count = decimal_commas(text)
    if not found or count != fits:
        return ""
    shown = [_short(spelling) for spelling in found[:3]]
    fixed = [spelling.replace(",", ".") for spelling in shown]
    first, second = (_short(part) for part in found[0].split(","))
    if len(found) == 1:
        return say("parse.decimal_comma", written=shown[0], first=first, second=second, fixed=fixed[0])
    more = [say("parse.more", count=len(found) - 3)] if len(found) > 3 else []
    return say("parse.decimal_commas", spellings=and_list(shown + more), written=shown[0], first=first,
               second=second, fixes=and_list(fixed + ([say("parse.so_on")] if more else [])))


# -- helpers -----------------------------------------------------------------------

def _refuse(text: str, key: str, pos: int, message_id: str, /, **values) -> NoReturn:
    """Raise the InputError ``message_id`` of the field ``key``, at character ``pos`` of its text."""
    line, column = locate(text, pos)
    raise InputError(key, message_id, line=line, column=column, **values)


def _normalize(text: str, field: str) -> tuple[str, tuple[int, str] | None]:
    """Line ends as LF, lookalike characters as the ASCII ones they stand for, and
    a refusal for any character that could be misread. Keeps every position.
    Also returns where the first line-like character (form feed, U+2028...) was:
    a space inside brackets, but not clear in a grid."""
    if "\r" in text:  # CR LF and a lone CR are line ends too
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if text[:1] == "\ufeff":  # a byte-order mark at the start says nothing
        text = " " + text[1:]
    found = _BIDI.search(text)
    if found:
        _refuse(text, field, found.start(), "parse.bidi", char=_char_name(found.group()))
    found = _CONTROL.search(text)
    if found:
        _refuse(text, field, found.start(), "parse.control", char=_char_name(found.group()))
    if not text.isascii():
        found = _THOUSANDS_SPACE.search(text)
        if found:
            pos = found.start()
            window = text[max(0, pos - 12):pos]
            left = window[len(window.rstrip("0123456789")):]
            right = _RIGHT_DIGITS.match(text, pos + 1).group()[:12]
            _refuse(text, field, pos, "parse.thousands_space", char=_char_name(found.group()), left=left,
                    right=right)
        text = _ZERO_WIDTH_GAP.sub(" ", text)  # one touching a number stays, and is named below
    vertical = _VERTICAL_CHAR.search(text)
    if vertical is not None or not text.isascii():
        text = text.translate(_LOOKALIKES)
    return text, (vertical.start(), vertical.group()) if vertical else None


def _unwrap(text: str, field: str) -> str:
    """Blank out `name =` and `np.array(` ... `)` around the numbers, keeping every
    newline so that lines and columns still point into the original text."""
    start = _PREFIX.match(text).end()
    if not start:
        return text
    if not text[:start].rstrip().endswith("("):
        return _blank(text[:start]) + text[start:]
    end = len(text.rstrip())
    if end <= start or text[end - 1] != ")":
        _refuse(text, field, start - 1, "parse.never_closed", opening="(", closing=")")
    return _blank(text[:start]) + text[start:end - 1] + _blank(text[end - 1:])


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


def _to_float(values):
    if isinstance(values, list):
        return [_to_float(v) for v in values]
    return float(values)


def _char_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: a character named so that it can be found."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def _quote(text: str) -> str:
    """The learner's text inside a message: isolated, and at most QUOTE_CHARS long."""
    if len(text) <= QUOTE_CHARS:
        return f"'{FSI}{text}{PDI}'"
    return say("parse.quote_long", quote=f"'{FSI}{text[:QUOTE_CHARS - 10]}…{PDI}'", length=len(text))


def _short(number: str) -> str:
    """A number's text (ASCII only) cut to at most QUOTE_CHARS characters."""
    return number if len(number) <= QUOTE_CHARS else number[:QUOTE_CHARS - 10] + "…"


def _number_text(token: str) -> str:
    """A number as the learner wrote it, for a message: whole, or named by its length."""
    if len(token) <= QUOTE_CHARS:
        return token
    return say("parse.long_number", length=len(token), start=token[:QUOTE_CHARS - 10])


def _literal(token: str) -> int | float:
    """The value of a number literal, as Python computes it."""
    plain = token.replace("_", "")
    if "." in plain or "e" in plain or "E" in plain:
        return float(plain)
    if len(plain) > MAX_INT_DIGITS + 1:
        raise ValueError("too long")
    return int(plain)


def _show_value(value: int | float) -> str | None:
    if isinstance(value, int):
        return str(value) if abs(value) < 10**30 else None
    return repr(float(f"{value:.12g}"))  # 0.30000000000000004 -> 0.3


def _odd_character(word: str) -> tuple[int, str, dict] | None:
    """The first character of a word that is not ASCII, named, with what to write
    instead when that is clear: (where, message id, its values)."""
    found = _NON_ASCII.search(word)
    if found is None:
        return None
    char, at = found.group(), found.start()
    name, category = _char_name(char), unicodedata.category(char)
    if category == "Cf":
        where = "here" if len(word) == 1 else "inside" if 0 < at < len(word) - 1 else "next"
        return at, f"parse.invisible_{where}", {"char": name}
    if category == "Nd":
        return at, "parse.other_digit", {"char": name, "digit": unicodedata.digit(char)}
    plain = "-" if category == "Pd" else unicodedata.normalize("NFKC", char)
    if len(plain) == 1 and plain in "0123456789+-.,;[]()eE":
        return at, "parse.lookalike", {"char": name, "plain": plain}
    return None


# -- the fast path -------------------------------------------------------------------

_FAST_ALPHABET = re.compile(r"[0-9 \t\n.,eE+\-\[\]]*+")
_MAYBE_THOUSANDS = re.compile(r"[0-9],[0-9]{3}\.")
_BRACKET = re.compile(r"[\[\]]")


def _fast_nested(text: str, max_ndim: int):
    """A fast path for well-formed list syntax (a huge paste): the numbers of each
    innermost list are converted by C code, not token by token. Returns None on
    anything unusual, and the careful reader then finds and explains it; both
    give the same result whenever this one gives any."""
    if not _FAST_ALPHABET.fullmatch(text) or _MAYBE_THOUSANDS.search(text):
        return None
    floats = any(c in text for c in ".eE")
    convert = float if floats else int
    stack: list[list] = [[]]
    last_end, last_char, count = 0, None, 0
    index = False  # a list right after a list, with only spaces between: maybe [1, 2] [0]
    for m in _BRACKET.finditer(text):
        between = text[last_end:m.start()]
        char = m.group()
        if char == "]" and last_char == "[":  # an innermost list: numbers only
            if "," in between:
                parts = between.split(",")
                if len(parts) > 1 and not parts[-1].strip():
                    parts.pop()  # a trailing comma
            else:
                parts = between.split()
                if ("-" in between or "+" in between) and any(p[0] in "+-" for p in parts[1:]):
                    return None  # 0.8 -0.5 is a subtraction in Python
            if not parts or (index and len(parts) == 1 and not any(c in parts[0] for c in ".eE")):
                return None
            try:
                numbers = list(map(convert, parts))
            except ValueError:  # not a number, or a whole number too long for Python
                return None
            if floats:
                if not all(map(math.isfinite, numbers)):
                    return None
                if 0.0 in numbers and any(_odd_zero(p) for p, v in zip(parts, numbers) if v == 0.0):
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
            index = last_char == "]" and not between.strip()
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


def _odd_zero(part: str) -> bool:
    """A zero the careful reader reads differently: 1e-400 (refused: it underflows)
    or -0 (a whole number, so 0.0, not -0.0, once it becomes a float)."""
    part = part.strip()
    return bool(_NONZERO_MANTISSA.match(part)) or (part[0] == "-" and not any(c in part for c in ".eE"))


# -- the careful reader ----------------------------------------------------------------

class _Frame:
    """One open bracket (or one grid): what has been read in it so far."""

    __slots__ = ("items", "start", "paren", "comma", "child_shape", "after_item",
                 "last_number", "spaced", "tight")

    def __init__(self, start: int, paren: bool = False):
        self.items: list = []
        self.start = start
        self.paren = paren  # ( ... ): a tuple if it holds a comma, else just what is inside
        self.comma = False
        self.child_shape: tuple[int, ...] | None = None
        self.after_item = False  # an item, and no comma after it yet
        self.last_number: tuple[str, int] | None = None  # the last item's text and place, if a number
        self.spaced: int | None = None  # a number set apart from the one before by spaces only
        self.tight: tuple[int, str] | None = None  # the first comma between two digits


class _Reader:
    def __init__(self, text: str, field: str, max_ndim: int):
        self.text, self.field, self.max_ndim = text, field, max_ndim
        self.count = 0
        self.saw_int = self.saw_float = False
        self.huge: tuple[int, str] | None = None  # a whole number too large to become a float
        self.open_dims = 0  # open brackets that are dimensions: [ always, ( once it holds a comma

    # -- shared pieces -------------------------------------------------------------
    def fail(self, pos: int, message_id: str, /, **values) -> NoReturn:
        _refuse(self.text, self.field, pos, message_id, **values)

    def number(self, token: str, pos: int) -> int | float:
        self.count += 1
        if self.count > MAX_NUMBERS:
            self.fail(pos, "parse.too_many", most=MAX_NUMBERS)
        plain = token.replace("_", "") if "_" in token else token
        if "." not in plain and "e" not in plain and "E" not in plain:
            digits = len(plain) - (plain[0] in "+-")
            if digits > MAX_INT_DIGITS:
                self.fail(pos, "parse.int_too_long", digits=digits, start=token[:QUOTE_CHARS - 10],
                          most=MAX_INT_DIGITS)
            value = int(plain)
            if digits > 308 and self.huge is None:
                try:
                    float(value)
                except OverflowError:
                    self.huge = (pos, token)
            self.saw_int = True
            return value
        value = float(plain)
        if math.isinf(value):
            self.fail(pos, "parse.overflow", written=_number_text(token))
        if value == 0.0 and _NONZERO_MANTISSA.match(plain):
            self.fail(pos, "parse.underflow", written=_number_text(token))
        self.saw_float = True
        return value

    def chunk(self, seq: _Frame, token: str, pos: int, nested: bool) -> int | float:
        """Text between separators, as the next item of ``seq``: a number or a refusal."""
        whole = _NUMBER.fullmatch(token) is not None
        if not whole and _SUM.fullmatch(token) is None:
            self.word(token, pos)
        if nested and token[0] in "+-" and seq.after_item and seq.last_number is not None:
            self.missing_comma(seq.last_number[0], " ", self.chain(pos), pos)
        if not whole:
            split = _NUMBER.match(token).end()
            rest = self.chain(pos + split) if nested else token[split:]
            self.missing_comma(token[:split], "", rest, pos + split)
        return self.number(token, pos)

    def chain(self, pos: int) -> str:
        """The signed numbers from ``pos`` on that Python adds to the number before:
        inside brackets, spaces and line ends do not stop it."""
        return _CHAIN.match(self.text, pos).group()

    def missing_comma(self, first: str, space: str, rest: str, pos: int):
        """``0.8 -0.5`` (or ``0.8-0.5``): one subtraction to Python, not two numbers."""
        value = None
        if len(rest) <= 1000:  # else too long to be worth adding up
            try:
                total = _literal(first)
                for term in _TERM.findall(rest):
                    total = total + _literal(term)
                value = _show_value(total)
            except (ValueError, OverflowError):
                pass
        expression = _short(first + space + " ".join(rest[:QUOTE_CHARS * 2].split()))
        a, b = _short(first), _short(_TERM.match(rest).group())
        if value is None:
            self.fail(pos, "parse.missing_comma", first=a, second=b, expression=expression)
        self.fail(pos, "parse.missing_comma_sum", first=a, second=b, expression=expression, value=value)

    def word(self, token: str, pos: int):
        if token.lower() in _NON_FINITE:
            self.fail(pos, "parse.not_finite", quote=_quote(token))
        if token in ("+", "-"):
            self.fail(pos, "parse.lone_sign", sign=token)
        odd = _odd_character(token)
        if odd is not None:
            at, message_id, values = odd
            self.fail(pos + at, message_id, **values)
        if _COMPLEX.fullmatch(token):
            self.fail(pos, "parse.complex", quote=_quote(token))
        if _BASE.fullmatch(token):
            self.fail(pos, "parse.base", quote=_quote(token))
        self.fail(pos, "parse.not_a_number", quote=_quote(token))

    def comma(self, seq: _Frame, pos: int, where: str):
        if not seq.after_item:
            self.fail(pos, "parse.comma_first")
        seq.after_item = False
        text = self.text
        if seq.last_number is None or text[pos - 1] not in _DIGITS or text[pos + 1:pos + 2] not in _DIGITS:
            return
        # a comma between two digits: 1,5 or 1,234.5 -- fine as a separator, unless...
        token = seq.last_number[0]
        if _SMALL_INT.fullmatch(token):
            tail = _THOUSANDS_TAIL.match(text, pos + 1)
            if tail is not None:
                parts = [token, tail.group()]
                self.fail(pos, "parse.thousands_comma", written=_short(",".join(parts)), first=_short(parts[0]),
                          second=_short(parts[1]), without=_short("".join(parts)), spaced=_short(", ".join(parts)))
        if seq.tight is None and _INT.fullmatch(token):
            seq.tight = (pos, token)
            self.decimal_commas(seq, where)

    def spaced_number(self, seq: _Frame, pos: int, where: str):
        if seq.spaced is None:
            seq.spaced = pos
            self.decimal_commas(seq, where)

    def decimal_commas(self, seq: _Frame, where: str):
        """Commas between digits and spaces between numbers, in one list: a paste
        with decimal commas, 1,5 2,5, which Python would read as 1, 5, 2, 5. ``where``:
        "list" (inside brackets) or "grid" (a pasted grid)."""
        if seq.tight is None or seq.spaced is None:
            return
        pos, left = seq.tight
        right = _RIGHT_DIGITS.match(self.text, pos + 1).group()
        left, right = _short(left), _short(right)
        self.fail(pos, f"parse.decimal_commas_{where}", left=left, right=right)

    def too_deep(self, pos: int, ndim: int):
        self.fail(pos, "parse.too_deep", levels=ndim, field=field_label(self.field), count=self.max_ndim,
                  allowed=say(f"parse.ndim.{self.max_ndim}"))

    def ragged(self, pos: int, row: int, length: int, first: int):
        self.fail(pos, "parse.ragged", row=row, count=length, first_row=first)

    # -- list and tuple syntax -------------------------------------------------------
    def nested(self):
        stack: list[_Frame] = []
        result = None
        closed = "]"
        for m in _TOKEN.finditer(self.text):
            kind = m.lastgroup
            pos, token = m.start(kind), m.group(kind)
            if result is not None:
                if token == "\n":
                    continue
                if token in "])":
                    self.fail(pos, "parse.unmatched", closing=token, opening="[" if token == "]" else "(")
                self.fail(pos, "parse.after_end", closing=closed)
            if kind == "chunk":
                if not stack:
                    if _NUMBER.fullmatch(token) is None and _SUM.fullmatch(token) is None:
                        self.word(token, pos)
                    self.fail(pos, "parse.outside")
                frame = stack[-1]
                value = self.chunk(frame, token, pos, nested=True)
                self.add(frame, value, (), pos, token)
            elif token in "[(":
                if len(stack) == MAX_NESTING:
                    self.fail(pos, "parse.too_many_open", most=MAX_NESTING, field=field_label(self.field),
                              count=self.max_ndim)
                if token == "[":
                    if self.open_dims == self.max_ndim:
                        self.too_deep(pos, self.open_dims + 1)
                    self.open_dims += 1
                stack.append(_Frame(pos, paren=token == "("))
            elif token in "])":
                if not stack:
                    self.fail(pos, "parse.unmatched", closing=token, opening="[" if token == "]" else "(")
                frame = stack.pop()
                value, shape, number_text = self.close(frame, token, pos)
                if stack:
                    self.add(stack[-1], value, shape, frame.start, number_text, index=token == "]")
                else:
                    result, closed = (value, shape), token
            elif token == ",":
                if not stack:
                    self.fail(pos, "parse.comma_outside")
                frame = stack[-1]
                self.comma(frame, pos, "list")
                if frame.paren and not frame.comma:  # (x, ...): a tuple, one more dimension
                    frame.comma = True
                    self.open_dims += 1
                    if len(frame.child_shape) + self.open_dims > self.max_ndim:
                        self.too_deep(frame.start, len(frame.child_shape) + self.open_dims)
            elif token == ";":
                self.fail(pos, "parse.semicolon")
        if stack:
            frame = stack[-1]
            opening, closing = ("(", ")") if frame.paren else ("[", "]")
            self.fail(frame.start, "parse.never_closed", opening=opening, closing=closing)
        if result is None:
            self.fail(0, "parse.no_numbers")
        return result

    def close(self, frame: _Frame, token: str, pos: int):
        """A bracket closes: what it held, its shape, and its number's text if it is one."""
        if frame.paren != (token == ")"):
            opening = "(" if frame.paren else "["
            line, column = locate(self.text, frame.start)
            self.fail(pos, "parse.mismatched", closing=token, opening=opening, opened_line=line,
                      opened_column=column, expected=")" if frame.paren else "]")
        if not frame.paren or frame.comma:
            self.open_dims -= 1
        if not frame.items:
            self.fail(pos, "parse.empty_tuple" if frame.paren else "parse.empty_list")
        if frame.paren and not frame.comma:  # (2) is just 2, ([1, 2]) just [1, 2]
            value, shape = frame.items[0], frame.child_shape
            number_text = frame.last_number[0] if frame.last_number else None
        else:
            value, shape, number_text = frame.items, (len(frame.items), *frame.child_shape), None
        if len(shape) + self.open_dims > self.max_ndim:
            self.too_deep(frame.start, len(shape) + self.open_dims)
        return value, shape, number_text

    def add(self, frame: _Frame, value, shape: tuple[int, ...], start: int, number_text: str | None,
            index: bool = False):
        """The next item of an open bracket: a number (shape ()) or a list."""
        if frame.after_item:  # no comma since the item before: only spaces between them
            if frame.paren:
                self.fail(start, "parse.tuple_comma")
            if index and shape == (1,) and isinstance(value[0], int) and frame.child_shape:
                self.fail(start, "parse.index")
            if not shape and frame.last_number is not None:
                self.spaced_number(frame, start, "list")
        if frame.child_shape is None:
            frame.child_shape = shape
        elif frame.child_shape != shape:
            if not shape or not frame.child_shape:
                self.fail(start, "parse.mixed")
            self.ragged(start, len(frame.items) + 1, shape[0], frame.child_shape[0])
        frame.items.append(value)
        frame.after_item = True
        frame.last_number = (number_text, start) if number_text is not None and not shape else None

    # -- pasted grid ---------------------------------------------------------------
    def grid(self):
        rows: list[list] = []
        row_starts: list[int] = []
        seq = _Frame(0)  # the row being read; spaces and commas are counted over the whole grid
        for m in _TOKEN.finditer(self.text):
            kind = m.lastgroup
            pos, token = m.start(kind), m.group(kind)
            if kind == "chunk":
                value = self.chunk(seq, token, pos, nested=False)
                if seq.after_item:
                    self.spaced_number(seq, pos, "grid")
                if not seq.items:
                    seq.start = pos
                seq.items.append(value)
                seq.after_item, seq.last_number = True, (token, pos)
            elif token == ",":
                self.comma(seq, pos, "grid")
            else:  # a line end or ';' ends a row; blank lines are skipped
                if seq.items:
                    rows.append(seq.items)
                    row_starts.append(seq.start)
                seq.items, seq.after_item, seq.last_number = [], False, None
        if seq.items:
            rows.append(seq.items)
            row_starts.append(seq.start)
        if not rows:
            self.fail(0, "parse.no_numbers")
        if len(rows) == 1:
            only = rows[0]
            if len(only) == 1 and "," not in self.text:
                return only[0], ()
            return only, (len(only),)
        first = len(rows[0])
        if self.max_ndim == 1 and all(len(r) == 1 for r in rows):
            return [r[0] for r in rows], (len(rows),)  # a column pasted from a spreadsheet
        if self.max_ndim < 2:
            self.fail(row_starts[1], "parse.rows_in_list", rows=len(rows), field=field_label(self.field))
        for index, r in enumerate(rows[1:], start=2):
            if len(r) != first:
                self.ragged(row_starts[index - 1], index, len(r), first)
        return rows, (len(rows), first)
