"""The one error a learner can cause: InputError names the field, says where and why."""

from __future__ import annotations


class InputError(ValueError):
    """Text in a field that cannot become the numbers a layer needs.

    ``key`` is the field's key, as the link and the command line name it
    (``inputs``, ``weights2``); ``label`` is its name as the page shows it
    (``Inputs``, ``Weights (layer 2)``). ``line``/``column`` (1-based) point
    into that field's text when the mistake has a place there.
    """

    def __init__(self, key: str, reason: str, *, line: int | None = None, column: int | None = None):
        self.key = key
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def label(self) -> str:
        return field_label(self.key)

    @property
    def where(self) -> str:
        return "" if self.line is None else f"line {self.line}, column {self.column}"

    @property
    def message(self) -> str:
        """The error on its own line, naming the field: the command line prints this."""
        where = f" ({self.where})" if self.where else ""
        return f"{self.label}{where}: {self.reason}"

    @property
    def beside(self) -> str:
        """The error beside its field, which already names it: the page shows this."""
        where = f"Line {self.line}, column {self.column}: " if self.line is not None else ""
        return where + self.reason[:1].upper() + self.reason[1:]


def field_key(kind: str, layer: int = 1) -> str:
    """``field_key("weights", 2)`` -> ``"weights2"``: the link's and the command line's key."""
    return kind if layer == 1 else f"{kind}{layer}"


def split_key(key: str) -> tuple[str, int]:
    """``"weights2"`` -> ``("weights", 2)``; ``"inputs"`` -> ``("inputs", 1)``."""
    kind = key.rstrip("0123456789")
    return kind, int(key[len(kind):] or 1)


def field_label(key: str) -> str:
    """``"weights2"`` -> ``"Weights (layer 2)"``; layer 1 has the plain name."""
    kind, layer = split_key(key)
    return kind.capitalize() if layer == 1 else f"{kind.capitalize()} (layer {layer})"


def locate(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of character ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column
