"""Numbers and arrays as NumPy prints them: the one formatter both renderers use.

NumPy decides once per array whether to summarise it (more than ``THRESHOLD``
numbers: every long axis shows its first and last ``EDGEITEMS``) and one format
for all the numbers it shows: integers right-aligned; floats with at most
``PRECISION`` decimals, aligned on the decimal point, or all in scientific
notation when the magnitudes call for it. ``format_array`` follows those rules,
so ``format_array(a).text()`` is what ``print(np.array(a))`` shows (checked
against NumPy itself in the tests).

Numbers inside sentences (a dot product written out) use ``fmt``: the same
precision, written as Python writes a float (``2.0``, not ``2.``).
"""

from __future__ import annotations

from dataclasses import dataclass

PRECISION = 8  # numpy.get_printoptions()["precision"]
THRESHOLD = 1000  # numpy.get_printoptions()["threshold"]: summarise bigger arrays
EDGEITEMS = 3  # numpy.get_printoptions()["edgeitems"]
TERMS_SHOWN = 10  # a longer dot product is written with its first and last EDGEITEMS terms
INT64 = 2**63


def fmt(x, full: bool = False) -> str:
    """One number in a sentence: at most PRECISION decimals, as Python writes it."""
    if isinstance(x, int):
        return str(x)
    if full:
        return repr(x)
    rounded = round(x, PRECISION)
    if rounded == 0 and x != 0:  # too small for PRECISION decimals: keep its magnitude visible
        return repr(float(f"{x:.{PRECISION - 1}e}"))
    return repr(rounded + 0.0)  # + 0.0 turns -0.0 into 0.0


def scalar_text(x) -> str:
    """A 0-d result as NumPy prints it: every digit (``print(np.float64(x))``)."""
    return str(x) if isinstance(x, int) else repr(x)


def exact_differs(x) -> bool:
    """Is the float itself longer than it is shown in a sentence?"""
    return not isinstance(x, int) and fmt(x) != repr(x)


def shape_text(shape: tuple[int, ...]) -> str:
    return "()" if not shape else "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def summarised(count: int, size: int | None = None, threshold: int = THRESHOLD) -> list[int | None]:
    """Indices to show along one axis of ``count`` items; None stands for the ellipsis.

    An array is summarised only when its total ``size`` passes the threshold;
    then every axis longer than 2 * EDGEITEMS shows its first and last EDGEITEMS.
    """
    total = count if size is None else size
    if total <= threshold or count <= 2 * EDGEITEMS:
        return list(range(count))
    return [*range(EDGEITEMS), None, *range(count - EDGEITEMS, count)]


def terms_shown(count: int) -> list[int | None]:
    """Which terms of a dot product to write out (None: the ellipsis)."""
    return summarised(count, threshold=TERMS_SHOWN)


# -- one array, one format ------------------------------------------------------------

@dataclass(frozen=True)
class ArrayFormat:
    """How one array is shown: which rows and columns, and each shown number's text.

    A vector is one row; a 0-d array has ``shape == ()``. ``rows``/``columns``
    are indices into the array, None where NumPy writes ``...``. Every text in
    ``cells`` has the same width, so the numbers line up in a monospace font.
    """

    shape: tuple[int, ...]
    rows: tuple[int | None, ...]
    columns: tuple[int | None, ...]
    cells: dict[tuple[int, int], str]

    def cell(self, r: int, c: int) -> str:
        return self.cells[(r, c)]

    def text(self, ellipsis: str = "...") -> str:
        """The array as ``print(np.array(values))`` shows it (without line wrapping)."""
        if not self.shape:
            return self.cells[(0, 0)]
        lines = []
        for r in self.rows:
            if r is None:
                lines.append(ellipsis)
                continue
            lines.append(" ".join(ellipsis if c is None else self.cells[(r, c)] for c in self.columns))
        if len(self.shape) == 1:
            return "[" + lines[0] + "]"
        out = []
        for i, line in enumerate(lines):
            if line == ellipsis:
                out.append(" " + ellipsis)
                continue
            opening = "[[" if i == 0 else " ["
            closing = "]]" if i == len(lines) - 1 else "]"
            out.append(opening + line + closing)
        return "\n".join(out)


def format_array(values, full: bool = False) -> ArrayFormat:
    """Decide, once for the whole array, what is shown and in which format.

    ``full`` writes every digit of every float (the command line's ``--full``).
    """
    if not isinstance(values, list):
        return ArrayFormat((), (0,), (0,), {(0, 0): scalar_text(values)})
    matrix = isinstance(values[0], list)
    grid = values if matrix else [values]
    size = len(grid) * len(grid[0])
    rows = summarised(len(grid), size) if matrix else [0]
    shape = (len(grid), len(grid[0])) if matrix else (len(values),)
    return format_grid(grid, rows, summarised(len(grid[0]), size), shape, full)


def format_grid(grid: list[list], rows, columns, shape: tuple[int, ...] | None = None,
                full: bool = False) -> ArrayFormat:
    """Rows of numbers, showing the given rows and columns: one format for all of them.
    (A figure made of several arrays, like the product grid, chooses the indices
    of the axes its arrays share once for all of them.)"""
    shown = [(r, c) for r in rows if r is not None for c in columns if c is not None]
    texts = _number_texts([grid[r][c] for r, c in shown], full)
    shape = (len(grid), len(grid[0])) if shape is None else shape
    return ArrayFormat(tuple(shape), tuple(rows), tuple(columns), dict(zip(shown, texts)))


def _number_texts(numbers: list, full: bool) -> list[str]:
    if all(isinstance(x, int) for x in numbers):
        if any(not -INT64 <= x < INT64 for x in numbers):  # NumPy keeps these as Python objects
            return [str(x) for x in numbers]
        width = max(len(str(x)) for x in numbers)
        return [str(x).rjust(width) for x in numbers]
    numbers = [float(x) for x in numbers]
    if full:
        texts = [repr(x) for x in numbers]
        width = max(map(len, texts))
        return [t.rjust(width) for t in texts]
    non_zero = [abs(x) for x in numbers if x != 0]
    if non_zero and (max(non_zero) >= 1e8 or min(non_zero) < 1e-4 or max(non_zero) / min(non_zero) > 1000):
        return _scientific(numbers)
    return _positional(numbers)


def _positional(numbers: list[float]) -> list[str]:
    parts = []
    for x in numbers:
        text = repr(x)
        if "e" in text or len(text.partition(".")[2]) > PRECISION:
            text = f"{x:.{PRECISION}f}".rstrip("0")
        whole, _, fraction = text.partition(".")
        parts.append((whole, fraction.rstrip("0")))  # NumPy writes 2.0 as "2."
    left = max(len(w) for w, _ in parts)
    right = max(len(f) for _, f in parts)
    return [w.rjust(left) + "." + f.ljust(right) for w, f in parts]


def _scientific(numbers: list[float]) -> list[str]:
    """All in scientific notation, with as many decimals as the longest shortest form
    needs (at most PRECISION): a shorter number then shows more of its exact digits, as
    NumPy's dragon4 does; the exponents all as wide (at least two digits)."""
    decimals = max(len(_digits(x)) - 1 for x in numbers)
    parts = []
    for x in numbers:
        mantissa, _, exponent = f"{x:.{decimals}e}".partition("e")
        whole, _, fraction = mantissa.partition(".")
        parts.append((whole, fraction, exponent[0], exponent[1:]))
    left = max(len(w) for w, _, _, _ in parts)
    width = max(2, max(len(e.lstrip("0") or "0") for _, _, _, e in parts))
    return [w.rjust(left) + "." + f + "e" + sign + (e.lstrip("0") or "0").rjust(width, "0")
            for w, f, sign, e in parts]


def _digits(x: float) -> str:
    """The significant digits of x's shortest form (Python's repr, which is NumPy's
    unique form), rounded to PRECISION decimals when it has more."""
    if x == 0:
        return "0"
    mantissa = repr(abs(x)).partition("e")[0]
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0").rstrip("0") or "0"
    if len(digits) - 1 > PRECISION:
        return f"{abs(x):.{PRECISION}e}".partition("e")[0].replace(".", "").rstrip("0") or "0"
    return digits


def flat(values) -> list:
    """The numbers of a nested list (or of one number, or of nothing: None), row by row."""
    if values is None:
        return []
    if not isinstance(values, list):
        return [values]
    return [v for row in values for v in (row if isinstance(row, list) else [row])]
