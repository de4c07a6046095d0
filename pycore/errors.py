"""The one error a learner can cause: InputError names the field, says where and why."""

from __future__ import annotations


class InputError(ValueError):
    """Text in a field that cannot become the numbers a layer needs.

    ``field`` is the editor's name as the page shows it (``Inputs``,
    ``Weights (layer 2)``); ``line``/``column`` (1-based) point into that
    field's text when the mistake has a place there.
    """

    def __init__(self, field: str, reason: str, *, line: int | None = None,
                 column: int | None = None):
        self.field = field
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def where(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}, column {self.column}"

    @property
    def message(self) -> str:
        where = f" ({self.where})" if self.where else ""
        return f"{self.field}{where}: {self.reason}"


def locate(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of character ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column
