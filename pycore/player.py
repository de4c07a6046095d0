"""The player: a layer's computation as a sequence of frames of plain data.

The frames follow the textbook's batch loop: for each sample, for each neuron,
``neuron_output = 0``, then one multiply-add per input (``n_input * weight``),
then ``+ bias``, then the output is filled in. A position is a product cell and a
phase of its dot product; every running sum here is the loops' own partial sum,
added in the same order, so the last one is the very float the loops compute.

``cell_frames`` is what the page plays locally (it never waits on the engine
between frames); the renderers draw any position statically from the same data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .numfmt import THRESHOLD, fmt, summarised
from .steps import cell_label
from .trace import LayerTrace

PHASES = ("term", "bias", "fill")


@dataclass(frozen=True)
class Position:
    row: int  # product cell, 0-based
    column: int
    phase: str = "fill"  # "term": ``term`` multiply-adds done; "bias": + bias done; "fill": the cell is complete
    term: int = 0

    @property
    def playing(self) -> bool:
        """Is this a moment inside the computation (the cells after it not yet filled)?"""
        return self.phase != "fill"


def cells_on_show(layer: LayerTrace) -> list[tuple[int, int]]:
    """The product cells the page shows, in the loops' order: sample by sample, neuron by neuron."""
    rows, columns = layer.grid_shape
    size = rows * columns
    return [(r, c) for r in summarised(rows, size, THRESHOLD) if r is not None
            for c in summarised(columns, size, THRESHOLD) if c is not None]


def phases(layer: LayerTrace) -> list[tuple[str, int]]:
    """The frames of one cell, term by term: (phase, terms added so far)."""
    n = layer.features
    out = [("term", k) for k in range(n + 1)]
    if layer.biases is not None:
        out.append(("bias", n))
    out.append(("fill", n))
    return out


def position(layer: LayerTrace, cell, term) -> tuple[Position | None, str]:
    """The position a link's ``cell`` (1-based) and ``term`` give, or a message saying why not."""
    if cell is None and term is None:
        return None, ""
    rows, columns = layer.grid_shape
    if cell is None:
        cell = (1, 1)
    r, c = cell[0] - 1, cell[1] - 1
    if not (0 <= r < rows and 0 <= c < columns):
        return None, (f"The link's cell {cell[0]},{cell[1]} is outside layer {layer.number}'s product, which has "
                      f"{rows} row{'s' if rows != 1 else ''} and {columns} column{'s' if columns != 1 else ''}; "
                      "the first cell is shown instead.")
    if term is None:
        return Position(r, c), ""
    if term > layer.features:
        return Position(r, c), (f"The link's term {term} is more than the {layer.features} terms of "
                                f"{cell_label(layer, r, c)}'s dot product; the finished cell is shown.")
    return Position(r, c, "term", term), ""


def partial_sums(layer: LayerTrace, row: int, column: int) -> list:
    """The loops' running sum after 0, 1, ... n multiply-adds (in their order, so exact)."""
    total, sums = 0, [0]
    for x, w in layer.cell(row, column).terms:
        total += x * w
        sums.append(total)
    return sums


def accumulator(layer: LayerTrace) -> str:
    """The loops' name for the running sum."""
    return "output" if layer.stage.name in ("neuron", "batch_neuron") else "neuron_output"


def line_role(layer: LayerTrace, phase: str, term: int) -> str:
    """Which line of the stage's loops a frame is on."""
    roles = {role for role, _ in layer.stage.loops}
    if phase == "term":
        return "term" if term > 0 else ("zero" if "zero" in roles else "start")
    if phase == "bias":
        return "bias"
    return "fill" if "fill" in roles else "bias"


def frame(layer: LayerTrace, row: int, column: int, phase: str, term: int, sums: list | None = None) -> dict:
    """One frame as data: the line, the loop's variables and the words, formatted."""
    cell = layer.cell(row, column)
    sums = sums if sums is not None else partial_sums(layer, row, column)
    name, where = accumulator(layer), cell_label(layer, row, column)
    n = len(cell.terms)
    variables = {"n_input": "", "weight": "", name: fmt(sums[term])}
    if phase == "term" and term > 0:
        x, w = cell.terms[term - 1]
        variables.update(n_input=fmt(x), weight=fmt(w))
        say = (f"{where}, term {term} of {n}: {name} += n_input * weight: "
               f"{fmt(sums[term - 1])} + {fmt(x)}×{fmt(w)} = {fmt(sums[term])}")
    elif phase == "term":
        say = f"{where}: {name} = 0, then {n} multiply-add{'s' if n != 1 else ''}"
    elif phase == "bias":
        variables[name] = fmt(cell.output)
        say = f"{where}: + bias: {fmt(cell.dot)} + {fmt(cell.bias)} = {fmt(cell.output)}"
    else:
        variables[name] = fmt(cell.output)
        say = f"{where}: output {fmt(cell.output)} is filled in"
        if cell.bias is not None:  # the grid is the matrix product's: it holds the sum before the bias
            say += f"; the grid holds its dot product, {fmt(cell.dot)}, before the bias"
    return {"phase": phase, "term": term, "line": line_role(layer, phase, term), "vars": variables,
            "sum": fmt(sums[term] if phase == "term" else cell.dot), "say": say}


def cell_frames(layer: LayerTrace, row: int, column: int) -> list[dict]:
    """Every frame of one cell, term by term (the page plays these without asking again)."""
    sums = partial_sums(layer, row, column)
    return [frame(layer, row, column, phase, term, sums) for phase, term in phases(layer)]


def frame_count(layer: LayerTrace) -> int:
    return len(cells_on_show(layer)) * len(phases(layer))


def index_of(layer: LayerTrace, at: Position) -> int:
    """The frame number (1-based) of a position among all the frames on show."""
    cells = cells_on_show(layer)
    per_cell = phases(layer)
    where = cells.index((at.row, at.column)) if (at.row, at.column) in cells else 0
    inside = per_cell.index((at.phase, at.term)) if (at.phase, at.term) in per_cell else len(per_cell) - 1
    return where * len(per_cell) + inside + 1
