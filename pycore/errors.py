"""The one error a learner can cause: InputError names the field, says where and why."""

from __future__ import annotations

from .catalog import say


class InputError(ValueError):
    """Text in a field that cannot become the numbers a layer needs.

    ``key`` is the field's key, as the link and the command line name it
    (``inputs``, ``weights2``); ``label`` is its name as the page shows it
    (``Inputs``, ``Weights (layer 2)``). ``message_id`` and ``values`` are the
    catalog's message saying why; ``line``/``column`` (1-based) point into that
    field's text when the mistake has a place there.
    """

    def __init__(self, key: str, message_id: str, *, line: int | None = None, column: int | None = None,
                 **values):
        self.key = key
        self.message_id = message_id
        self.values = values
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def reason(self) -> str:
        return say(self.message_id, **self.values)

    @property
    def label(self) -> str:
        return field_label(self.key)

    @property
    def where(self) -> str:
        return "" if self.line is None else say("error.where", line=self.line, column=self.column)

    @property
    def message(self) -> str:
        """The error on its own line, naming the field: the command line prints this."""
        if self.line is None:
            return say("error.named", field=self.label, reason=self.reason)
        return say("error.named_at", field=self.label, where=self.where, reason=self.reason)

    @property
    def beside(self) -> str:
        """The error beside its field, which already names it: the page shows this."""
        reason = self.reason[:1].upper() + self.reason[1:]
        return reason if self.line is None else say("error.beside_at", line=self.line, column=self.column, reason=reason)

    def to_dict(self) -> dict:
        """What a program reading the error needs: the field, the message and its values."""
        return {"key": self.key, "id": self.message_id, "values": {k: _plain(v) for k, v in self.values.items()},
                "line": self.line, "column": self.column, "text": self.beside}


def _plain(value):
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


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
    name = say(f"field.{kind}")
    return name if layer == 1 else say("field.in_layer", name=name, number=layer)


def locate(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of character ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column
