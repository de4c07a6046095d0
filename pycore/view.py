"""What the page shows for a state: the one function behind both the build-time
pre-render and the live page, so the first paint and the live result agree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import cache, exercise, page, player, programs, render_html
from .catalog import say
from .dense import read_and_compute
from .errors import field_key
from .examples import new_layer
from .html import token
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
    problems: list[str] = field(default_factory=list)  # what of a link could not be used (plain text)
    predict: str = ""  # HTML: the exercise's question, while the answer is hidden
    step: str | None = None  # the one step a link asks to show, where the fields have it
    shell: str = ""  # the Steps as sections with an empty item per step ...
    chunks: list = field(default_factory=list)  # ... and each step's content: (id, HTML)
    moments: dict = field(default_factory=dict)  # layer number -> {"cell": cell data, "frame": moment}
    played: int = 1  # the layer the player is in
    positions: dict = field(default_factory=dict)  # the state's position keys, as shown (see player.position)

    @property
    def steps(self) -> str:
        """HTML for the Steps region, whole (the page puts the chunks in place itself)."""
        return render_html.fill(self.shell, self.chunks)

    def parts(self, verdict: str = "") -> list[tuple[str, str]]:
        """Every part the page puts in place, by id, in the page's order (docs/protocol.md)."""
        return [*self.chunks, ("outputs", self.outputs), ("code-loops", self.code_loops),
                ("code-numpy", self.code_numpy), ("engine", self.engine), ("predict", self.predict),
                ("verdict", verdict)]

    def tokens(self) -> dict[str, str]:
        """The token of the shell and of every part: what a page showing this view has."""
        return {"shell": token(self.shell), **{part_id: token(html) for part_id, html in self.parts()}}


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


def view(state: State, *, use_numpy: bool | None = None, where: str = "browser", revealed: bool = False,
         opened: bool = True, answer: str | None = None, exercise: int = 0) -> View:
    """Everything the page shows for a state. With an exercise (``state.predict``) not yet
    answered (``revealed`` False), every number that would give the answer away is left out.
    ``opened``: the state was opened (a link, saved work), so what of it cannot be used is
    said; after an edit, a player position the new fields lack is quietly let go. ``answer``:
    the step that answers a checked exercise, marked for the learner to find; ``exercise``:
    how many times an exercise was opened (each time, a new form)."""
    trace, errors = _trace(state, use_numpy)
    if errors:
        return View(errors={error.key: error.beside for error in errors})
    problems = []
    positions: dict[int, player.Position] = {}
    position_keys = {}
    for layer, fields in zip(trace.layers, state.layers):
        at, problem = player.position(layer, fields.get("cell"), fields.get("term"), fields.get("phase"))
        if problem and opened:
            problems.append(problem)
        positions[layer.number] = at
        # as the state should hold it: the first cell, only selected, is the state's default
        keys = player.link_of(layer, at, 0) if at != player.selected(layer) else {}
        for name in ("cell", "term", "phase"):
            position_keys[field_key(name, layer.number)] = keys.get(field_key(name, layer.number))
    step = state.step
    if step and not any(s.key == step for layer in trace.layers for s in steps_of(layer)):
        problems.append(say("link.step_missing", step=step))
        step = None
    asking = bool(state.predict) and not revealed
    played = next((number for number, at in positions.items() if at.playing), 1)
    context = render_html.Context(view=state.view, asking=asking, played=played, step=step, answer=answer, state=state,
                                  names={layer.number: programs.names(trace, layer) for layer in trace.layers},
                                  sources=cache.sources(state, trace.engine))
    shell, chunks = render_html.render_parts(trace, context)
    moments = {str(layer.number): moment_of(trace, layer.number, positions[layer.number], outputs=not asking)
               for layer in trace.layers}
    predict = page.predict_panel(trace, state.predict, state.layers[-1].get("cell"), exercise) if state.predict else ""
    common = {"engine": engine_note(trace, where), "problems": problems, "predict": predict, "step": step,
              "shell": shell, "chunks": chunks, "moments": moments, "played": played, "positions": position_keys}
    if asking:
        hidden = "# " + say("code.hidden") + "\n"
        return View(trace, render_html.hidden_answer(), hidden, hidden, **common)
    return View(trace, render_html.outputs_table(trace), programs.loops_program(trace),
                programs.numpy_program(trace), **common)


def moment_of(trace: Trace, number: int, at: player.Position, *, outputs: bool = True) -> dict:
    """A layer's moment as the page applies it: the moment, and its cell's data (with the
    cell's dot product written out)."""
    layer = trace.layers[number - 1]
    cell = player.cell_data(layer, at.row, at.column)
    _detail(cell, layer, outputs)
    return {"cell": cell, "frame": player.moment(layer, at, len(trace.layers), outputs=outputs)}


def _detail(cell: dict, layer, outputs: bool) -> None:
    """A cell's dot product written out, and its token: the page puts it in again when it changed."""
    row, column = cell["cell"]
    cell["detail"] = render_html.dot_detail(layer, row, column) if outputs else ""
    cell["token"] = token(cell["detail"])


def cells(state: State, number: int, wanted: list, *, outputs: bool = True) -> list[dict]:
    """The player's data for some cells of one layer: each cell's data (with its dot
    product written out) and every moment of it."""
    trace, errors = _trace(state)
    if errors or not 0 < number <= len(trace.layers):
        return []
    layer = trace.layers[number - 1]
    shown = set(player.cells_on_show(layer))
    out = []
    for row, column in wanted:
        if (row, column) not in shown:
            continue
        cell = player.cell_data(layer, row, column)
        _detail(cell, layer, outputs)
        cell["frames"] = player.cell_moments(layer, row, column, len(trace.layers), outputs=outputs)
        out.append(cell)
    return out


def check(state: State, guess: str) -> exercise.Verdict | None:
    """The learner's prediction, checked (None when the fields do not compute)."""
    trace, errors = _trace(state)
    if errors or not state.predict:
        return None
    return exercise.check(trace, state.predict, guess, state.layers[-1].get("cell"))


def _trace(state: State, use_numpy: bool | None = None):
    """The trace of the state's fields and the mistakes in them, computed once for the same fields."""
    return _compute(state.inputs, tuple(state.layer_texts()), tuple(state.activations()), use_numpy, WORK_LIMIT)


@cache.memo(2)  # a cell selected, a step played: the same fields are not computed again
def _compute(inputs: str, layers: tuple[tuple[str, str], ...], activations: tuple[str, ...],
             use_numpy: bool | None, work_limit: int | None):  # the limit is part of what is kept
    return read_and_compute(inputs, list(layers), use_numpy=use_numpy, activations=list(activations),
                            work_limit=work_limit)
