"""What the page shows for a state: the one function behind both the build-time
pre-render and the live page, so the first paint and the live result agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import programs, render_html
from .dense import forward
from .errors import InputError
from .fields import key, label
from .layer import read
from .state import State
from .trace import Trace


@dataclass
class View:
    trace: Trace | None = None
    steps: str = ""  # HTML for the Steps region
    outputs: str = ""  # HTML for the Layer outputs region
    code_loops: str = ""  # plain text for a <pre>
    code_numpy: str = ""
    engine: str = ""  # plain text: which engine computed the numbers
    errors: dict[str, str] = field(default_factory=dict)  # field key -> message (plain text)


def field_keys(state: State) -> dict[str, str]:
    """Each field's label (as errors name it) -> its key (as the page and the link name it)."""
    keys = {label("inputs"): "inputs"}
    for number in range(1, len(state.layers) + 1):
        for kind in ("weights", "biases"):
            keys[label(kind, number)] = key(kind, number)
    return keys


def view(state: State, selected: dict[int, tuple[int, int]] | None = None, *,
         use_numpy: bool | None = None, prerendered: bool = False) -> View:
    inputs, layers, errors = read(state.inputs, state.layers)  # every field's own mistakes
    if not errors:
        try:
            trace = forward(inputs, layers, use_numpy=use_numpy)
        except InputError as error:  # or the one field whose shape does not fit
            errors = [error]
    if errors:
        keys = field_keys(state)
        return View(errors={keys.get(error.field, "inputs"): error_text(error) for error in errors})
    return View(trace, render_html.render(trace, selected), render_html.outputs_table(trace),
                programs.loops_program(trace), programs.numpy_program(trace),
                render_html.engine_note(trace, prerendered))


def error_text(error: InputError) -> str:
    """The message beside a field: the field is already named by its label."""
    where = f"Line {error.line}, column {error.column}: " if error.line else ""
    reason = error.reason[0].upper() + error.reason[1:]
    return where + reason
