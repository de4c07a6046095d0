"""What the page shows for a state: the one function behind both the build-time
pre-render and the live page, so the first paint and the live result agree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import diagram, exercise, player, programs, render_html
from .dense import forward
from .errors import InputError
from .examples import new_layer
from .numfmt import fmt
from .parse import read_fields
from .state import State
from .steps import engine_note
from .steps import steps as steps_of
from .trace import Trace


@dataclass
class View:
    trace: Trace | None = None
    outputs: str = ""  # HTML for the Layer outputs region
    code_loops: str = ""  # plain text for a <pre>
    code_numpy: str = ""
    engine: str = ""  # plain text: which engine computed the numbers
    errors: dict[str, str] = field(default_factory=dict)  # field key -> message beside it (plain text)
    problems: list[str] = field(default_factory=list)  # about the link's position keys (plain text)
    predict: str = ""  # HTML: the exercise's question, while the answer is hidden
    step: str | None = None  # the one step a link asks to show, where the fields have it
    shell: str = ""  # the Steps as sections with an empty item per step ...
    chunks: list = field(default_factory=list)  # ... and each step's content: (id, HTML)

    @property
    def steps(self) -> str:
        """HTML for the Steps region, whole (the page puts the chunks in place itself)."""
        return render_html.fill(self.shell, self.chunks)


def complete(state: State) -> State:
    """The state with every newly added layer (None) given its starting fields."""
    layers = []
    for number, layer in enumerate(state.layers, start=1):
        if layer is None:
            previous = layers[-1]["weights"] if layers else ""
            layer = new_layer(previous, number)
        layers.append(layer)
    return replace(state, layers=layers)


WORK_LIMIT: int | None = None  # the page's engine sets the browser's limit (dense.BROWSER_WORK_LIMIT)


def view(state: State, *, use_numpy: bool | None = None, where: str = "browser", revealed: bool = False) -> View:
    """Everything the page shows for a state. With an exercise (``state.predict``) not yet
    answered (``revealed`` False), every number that would give the answer away is left out."""
    trace, errors = _trace(state, use_numpy)
    if errors:
        return View(errors={error.key: error.beside for error in errors})
    positions, problems = {}, []
    for layer, fields in zip(trace.layers, state.layers):
        at, problem = player.position(layer, fields.get("cell"), fields.get("term"))
        problems += [problem] if problem else []
        if at is not None:
            positions[layer.number] = at
    step = state.step
    if step and not any(s.key == step for layer in trace.layers for s in steps_of(layer)):
        problems.append(f"The link shows only the step “{step}”, which these fields do not have (one sample "
                        "needs no transposition; a layer with no activation has no activation step), so every "
                        "step is shown.")
        step = None
    predict = render_html.predict_panel(trace, state.predict, state.layers[-1].get("cell")) if state.predict else ""
    asking = bool(state.predict) and not revealed
    played = None if asking else played_layer(state)
    shell, chunks = render_html.render_parts(trace, positions, state.view, played, asking, sources(state))
    if asking:
        hidden = "# Hidden until you check your prediction above: it would print the answer.\n"
        return View(trace, render_html.hidden_answer(), hidden, hidden, engine_note(trace, where),
                    problems=problems, predict=predict, step=step, shell=shell, chunks=chunks)
    return View(trace, render_html.outputs_table(trace), programs.loops_program(trace),
                programs.numpy_program(trace), engine_note(trace, where), problems=problems, predict=predict,
                step=step, shell=shell, chunks=chunks)


def sources(state: State) -> list[dict]:
    """For each layer, the texts its facts come from (what a rendered step depends on)."""
    out = []
    for number, fields in enumerate(state.layers, start=1):
        before = state.layers[:number - 1]
        out.append({"up": (state.inputs, tuple((f["weights"], f["biases"], f["activation"]) for f in before)),
                    "weights": fields["weights"], "biases": fields["biases"], "activation": fields["activation"],
                    "previous": before[-1]["activation"] if before else None})
    return out


def check(state: State, guess: str) -> exercise.Verdict | None:
    """The learner's prediction, checked (None when the fields do not compute)."""
    trace, errors = _trace(state)
    if errors or not state.predict:
        return None
    return exercise.check(trace, state.predict, guess, state.layers[-1].get("cell"))


def played_layer(state: State) -> int:
    """The layer the player sits in: the first one whose position has a term, else layer 1."""
    return next((n for n, fields in enumerate(state.layers, start=1) if fields.get("term") is not None), 1)


def cells(state: State, number: int, wanted: list) -> list[dict]:
    """The player's data for some cells of one layer: each cell's frames, its dot
    product written out, and the diagram's numbers for its sample."""
    trace, errors = _trace(state)
    if errors or not 0 < number <= len(trace.layers):
        return []
    layer = trace.layers[number - 1]
    rows, columns = layer.grid_shape
    out = []
    for row, column in wanted:
        if not (0 <= row < rows and 0 <= column < columns):
            continue
        sample, neuron = layer.sample_neuron(row, column)
        previous = layer.cell_of(sample - 1, neuron) if sample > 0 else None
        following = layer.cell_of(sample + 1, neuron) if sample + 1 < layer.samples else None
        out.append({"cell": [row, column], "sample": sample, "neuron": neuron,
                    "samples": {"previous": previous, "next": following,
                                "label": f"sample {sample + 1} of {layer.samples}"},
                    "neurons": {j: layer.cell_of(sample, j) for j in range(layer.neurons)},
                    "frames": player.cell_frames(layer, row, column),
                    "detail": render_html.dot_detail(layer, player.Position(row, column)),
                    "inputs": {i: fmt(x) for i, x in enumerate(layer.sample_values(sample))
                               if i < diagram.EDGEITEMS or i >= layer.features - diagram.EDGEITEMS
                               or layer.features <= diagram.LABELLED},
                    "outputs": _diagram_outputs(layer, sample)})
    return out


def _diagram_outputs(layer, sample: int) -> dict:
    outputs = layer.as_grid(layer.outputs)
    shown = {}
    for j in range(layer.neurons):
        r, c = layer.cell_of(sample, j)
        shown[j] = "= " + fmt(outputs[r][c])
    return shown


def _trace(state: State, use_numpy: bool | None = None):
    """The trace of the state's fields and the mistakes in them, computed once for the same fields."""
    return _compute(state.inputs, tuple(state.layer_texts()), tuple(state.activations()), use_numpy, WORK_LIMIT)


@lru_cache(maxsize=2)  # a cell selected, a step played: the same fields are not computed again
def _compute(inputs: str, layers: tuple[tuple[str, str], ...], activations: tuple[str, ...],
             use_numpy: bool | None, work_limit: int | None):  # the limit is part of what is kept
    parsed_inputs, parsed_layers, errors = read_fields(inputs, list(layers))  # every field's own mistakes
    if errors:
        return None, tuple(errors)
    try:
        return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy, texts=(inputs, list(layers)),
                       activations=list(activations), work_limit=work_limit), ()
    except InputError as error:  # or the one field whose shape does not fit
        return None, (error,)
