"""What the page shows for a state: the one function behind both the build-time
pre-render and the live page, so the first paint and the live result agree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import programs, render_html
from .dense import forward
from .errors import InputError
from .examples import new_layer
from .parse import read_fields
from .state import State
from .steps import engine_note
from .trace import Trace


@dataclass
class View:
    trace: Trace | None = None
    steps: str = ""  # HTML for the Steps region
    outputs: str = ""  # HTML for the Layer outputs region
    code_loops: str = ""  # plain text for a <pre>
    code_numpy: str = ""
    engine: str = ""  # plain text: which engine computed the numbers
    errors: dict[str, str] = field(default_factory=dict)  # field key -> message beside it (plain text)


def complete(state: State) -> State:
    """The state with every newly added layer (None) given its starting fields."""
    layers = []
    for number, layer in enumerate(state.layers, start=1):
        if layer is None:
            previous = layers[-1]["weights"] if layers else ""
            layer = new_layer(previous, number)
        layers.append(layer)
    return replace(state, layers=layers)


def view(state: State, selected: dict[int, tuple[int, int]] | None = None, *,
         use_numpy: bool | None = None, where: str = "browser") -> View:
    trace, errors = _compute(state.inputs, tuple(state.layer_texts()), use_numpy)
    if errors:
        return View(errors={error.key: error.beside for error in errors})
    return View(trace, render_html.render(trace, selected, state.view), render_html.outputs_table(trace),
                programs.loops_program(trace), programs.numpy_program(trace), engine_note(trace, where))


@lru_cache(maxsize=2)  # a cell selected, a step played: the same fields are not computed again
def _compute(inputs: str, layers: tuple[tuple[str, str], ...], use_numpy: bool | None):
    parsed_inputs, parsed_layers, errors = read_fields(inputs, list(layers))  # every field's own mistakes
    if errors:
        return None, tuple(errors)
    try:
        return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy), ()
    except InputError as error:  # or the one field whose shape does not fit
        return None, (error,)
