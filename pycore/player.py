"""The player: a layer's computation as a sequence of moments, each one plain data.

The moments follow the textbook's batch loop: for each sample, for each neuron,
``neuron_output = 0``, then one multiply-add per input (``n_input * weight``),
then ``+ bias``, then the activation, then the output is filled in. A position is
a product cell and a phase of it; every running sum is the loops' own partial sum,
added in the same order, so the last one is the very float the loops compute.

A moment (``moment``) is self-contained, as an execution point of Python Tutor's
trace is: what is marked, every value shown, the words, the frame's number and its
link. The page applies one moment at a time (web/moment.js) without consulting
its neighbours, the pre-rendered page included; ``cell_data`` says how a cell's
moments join the cells before and after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import plural, say
from .errors import field_key
from .numfmt import THRESHOLD, fmt, summarised
from .stages import ACTIVATIONS
from .steps import cell_label
from .trace import LayerTrace

PHASES = ("term", "bias", "activation", "done")
LINKED_PHASES = PHASES[1:]  # linked by name (phase=bias); "term" by its count (term=K)
START = 1  # a cell chosen by hand starts at its first multiply-add
GRANULARITIES = ("moments", "cells")  # the player steps by each moment, or by each cell (the first: as it starts)
SPEEDS = ("0.5", "1", "2", "4")  # times the normal speed
SPEED = "1"  # as it starts


@dataclass(frozen=True)
class Position:
    row: int  # product cell, 0-based
    column: int
    phase: str = "done"  # "term": ``term`` multiply-adds done; "bias": + bias done; "activation"; "done"
    term: int = 0  # multiply-adds done so far (all of them after the "term" phase)
    playing: bool = False  # a moment in the computation (the cells after it not yet filled in),
    # or only the cell selected, every cell shown filled in (the page as it opens)


def cells_on_show(layer: LayerTrace) -> list[tuple[int, int]]:
    """The product cells the page shows, in the loops' order: sample by sample, neuron by neuron."""
    rows, columns = layer.grid_shape
    size = rows * columns
    return [(r, c) for r in summarised(rows, size, THRESHOLD) if r is not None
            for c in summarised(columns, size, THRESHOLD) if c is not None]


def phases(layer: LayerTrace) -> list[tuple[str, int]]:
    """The moments of one cell, in order: (phase, terms added so far)."""
    n = layer.features
    out = [("term", k) for k in range(n + 1)]
    if layer.biases is not None:
        out.append(("bias", n))
    if layer.activation != "none":
        out.append(("activation", n))
    out.append(("done", n))
    return out


def selected(layer: LayerTrace, row: int = 0, column: int = 0) -> Position:
    """A cell selected, not played: the page as it opens."""
    return Position(row, column, "done", layer.features, playing=False)


def position(layer: LayerTrace, cell, term, phase) -> tuple[Position, str]:
    """The position a layer's ``cell`` (1-based), ``term`` and ``phase`` give (as a link
    or the page's state holds them), and a message when they could not all be used."""
    if cell is None and term is None and phase is None:
        return selected(layer), ""
    rows, columns = layer.grid_shape
    cell = cell or (1, 1)
    r, c = cell[0] - 1, cell[1] - 1
    if not (0 <= r < rows and 0 <= c < columns):
        return selected(layer), say("player.cell_outside", row=cell[0], column=cell[1], layer=layer.number,
                                    rows=plural(rows, "row"), columns=plural(columns, "column"))
    if (r, c) not in cells_on_show(layer):
        return selected(layer), say("player.cell_hidden", row=cell[0], column=cell[1], layer=layer.number)
    n = layer.features
    if phase is not None:
        if (phase, n) not in phases(layer):
            return Position(r, c, "done", n, True), say(f"player.no_{phase}", label=cell_label(layer, r, c))
        return Position(r, c, phase, n, True), ""
    if term is None:
        return selected(layer, r, c), ""
    if term > n:
        return Position(r, c, "done", n, True), say("player.term_too_many", term=term, count=n,
                                                     label=cell_label(layer, r, c))
    return Position(r, c, "term", term, True), ""


def link_of(layer: LayerTrace, at: Position, layers: int) -> dict:
    """The state's position keys for this moment: this layer's cell and phase, and no phase
    in any other layer (one layer is played at a time). Opening them gives this moment."""
    keys = {}
    for number in range(1, layers + 1):
        keys[field_key("term", number)] = None
        keys[field_key("phase", number)] = None
    keys[field_key("cell", layer.number)] = [at.row + 1, at.column + 1]
    if at.playing:
        if at.phase == "term":
            keys[field_key("term", layer.number)] = at.term
        else:
            keys[field_key("phase", layer.number)] = at.phase
    return keys


def partial_sums(layer: LayerTrace, row: int, column: int) -> list:
    """The loops' running sum after 0, 1, ... n multiply-adds (in their order, so exact)."""
    total, sums = 0, [0]
    for x, w in layer.cell(row, column).terms:
        total += x * w
        sums.append(total)
    return sums


def line_role(layer: LayerTrace, phase: str, term: int) -> str:
    """Which line of the stage's loops a moment is on."""
    roles = {role for role, _ in layer.stage.loops}
    if phase == "term":
        return "term" if term > 0 else ("zero" if "zero" in roles else "start")
    if phase in ("bias", "activation"):
        return phase
    return "fill" if "fill" in roles else "bias"


def cell_data(layer: LayerTrace, row: int, column: int) -> dict:
    """What joins a cell's moments to the rest: its place in the loops' order, the cells
    before and after it, the first and last cell, the moment a click starts at, and how
    many moments each cell has."""
    order = cells_on_show(layer)
    at = order.index((row, column))
    return {"layer": layer.number, "cell": [row, column], "order": at,
            "previous": list(order[at - 1]) if at > 0 else None,
            "next": list(order[at + 1]) if at + 1 < len(order) else None,
            "first": list(order[0]), "last": list(order[-1]), "start": START, "count": len(phases(layer))}


def moment(layer: LayerTrace, at: Position, layers: int = 1, *, outputs: bool = True,
           sums: list | None = None) -> dict:
    """One moment of a layer, whole: everything the page shows of it. ``layers``: how many
    the network has (for the link); ``outputs`` False leaves out every output (an
    exercise asks for them)."""
    r, c = at.row, at.column
    cell = layer.cell(r, c)
    sums = sums if sums is not None else partial_sums(layer, r, c)
    n = len(cell.terms)
    label = cell_label(layer, r, c)
    name = layer.stage.accumulator
    shown = cells_on_show(layer)
    per_cell = phases(layer)
    order = shown.index((r, c))
    step = per_cell.index((at.phase, at.term))
    activation = ACTIVATIONS[layer.activation]
    activated = layer.as_grid(layer.activated)[r][c] if layer.activated is not None else None
    k = at.term if at.phase == "term" else None  # multiply-adds done, while they are being done
    variables = {"n_input": "", "weight": "", name: fmt(sums[at.term])}
    if at.phase == "term" and k > 0:
        x, w = cell.terms[k - 1]
        variables.update(n_input=fmt(x), weight=fmt(w))
        words = say("player.term", label=label, term=k, count=n, accumulator=name, before=fmt(sums[k - 1]),
                    input=fmt(x), weight=fmt(w), sum=fmt(sums[k]))
    elif at.phase == "term":
        words = say("player.zero", label=label, accumulator=name, count=n)
    elif at.phase == "bias":
        variables[name] = fmt(cell.output)
        words = say("player.bias", label=label, dot=fmt(cell.dot), bias=fmt(cell.bias), output=fmt(cell.output))
    elif at.phase == "activation":
        variables[name] = fmt(activated)
        words = say("player.activation", label=label, activation=say(f"activation.{activation.name}.name"),
                    output=fmt(cell.output), activated=fmt(activated))
    else:
        variables[name] = fmt(cell.output if activated is None else activated)
        kind = "done" + ("_bias" if cell.bias is not None else "") + ("_activation" if activated is not None else "")
        words = say(f"player.{kind}", label=label, output=fmt(cell.output if activated is None else activated),
                    dot=fmt(cell.dot), activation=say(f"activation.{activation.name}.name"))
    if not outputs:
        words, variables = "", {}
    playing = at.playing
    index = order * len(per_cell) + step + 1
    total = len(shown) * len(per_cell)

    def mark(phase: str) -> str | None:  # a later line of the worked sum: to do, being done, or done
        if not playing or (phase == "bias" and cell.bias is None) or (phase == "activation" and activated is None):
            return None
        here, there = PHASES.index(at.phase), PHASES.index(phase)
        return "todo" if here < there else "current" if here == there else None

    return {
        "layer": layer.number, "cell": [r, c], "order": order, "phase": at.phase, "term": at.term,
        "playing": playing, "step": step, "index": index, "total": total,
        "label": label,
        # the product grid's cell: the running sum while its terms are added, else the dot product
        "value": fmt(sums[k]) if k is not None else fmt(cell.dot),
        "pair": k - 1 if k else None,  # the term being multiplied: its operands, its edge, its term
        # the worked sum: how many terms are added, and how far its later lines are (data-line)
        "detail": {"terms": k if playing else None, "lines": {"bias": mark("bias"), "activation": mark("activation")},
                   "running": fmt(sums[k]) if k is not None and playing else None},
        "line": line_role(layer, at.phase, at.term), "vars": variables,
        "diagram": _diagram(layer, r, c, outputs),
        "say": words,
        "status": say("player.status", index=index, total=total, words=words),
        "link": link_of(layer, at, layers),
    }


def _diagram(layer: LayerTrace, row: int, column: int, outputs: bool) -> dict:
    """The network diagram at this moment: the sample it shows, the neuron lit, and the
    cells its buttons go to (another sample of this neuron, another neuron of this sample)."""
    from . import diagram  # the diagram's layout says which nodes are labelled

    sample, neuron = layer.sample_neuron(row, column)
    results = layer.as_grid(layer.result)
    shown_inputs = diagram.shown_inputs(layer)
    return {
        "sample": sample, "neuron": neuron,
        "label": say("network.which_sample", sample=sample + 1, samples=layer.samples),
        "previous": list(layer.cell_of(sample - 1, neuron)) if sample > 0 else None,
        "next": list(layer.cell_of(sample + 1, neuron)) if sample + 1 < layer.samples else None,
        "neurons": {str(j): list(layer.cell_of(sample, j)) for j in diagram.shown_neurons(layer)},
        "inputs": {str(i): fmt(layer.sample_values(sample)[i]) for i in shown_inputs},
        "outputs": {str(j): say("diagram.output", value=fmt(results[layer.cell_of(sample, j)[0]][
            layer.cell_of(sample, j)[1]])) for j in diagram.shown_neurons(layer)} if outputs else {},
        "title": diagram.title(layer, sample),
        "desc": diagram.description(layer, sample, outputs),
    }


def cell_moments(layer: LayerTrace, row: int, column: int, layers: int = 1, *, outputs: bool = True) -> list[dict]:
    """Every moment of one cell, in order (the page plays these without asking again)."""
    sums = partial_sums(layer, row, column)
    return [moment(layer, Position(row, column, phase, term, True), layers, outputs=outputs, sums=sums)
            for phase, term in phases(layer)]


def frame_count(layer: LayerTrace) -> int:
    return len(cells_on_show(layer)) * len(phases(layer))
