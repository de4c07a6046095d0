"""The network diagram of a layer, as SVG: inputs on the left, neurons on the right,
one edge per weight (colour by sign, width by size, the weight's number on it),
each neuron's bias and output beside it.

Up to ``LABELLED`` inputs and neurons every number is written out, placed so that
no two labels overlap (a search along each edge, checked by the tests for every
size); beyond that the diagram is summarised the way NumPy prints a long axis:
the first and last EDGEITEMS nodes with an ellipsis node between them.

The geometry is computed here, as data (``layout``); ``svg`` writes it out. Every
text goes through ``esc``; the page's CSS colours the classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cache import memo
from .catalog import plural, say
from .html import esc
from .numfmt import EDGEITEMS, fmt, summarised
from .trace import LayerTrace

LABELLED = 6  # at most this many inputs and neurons have every weight written on its edge
CHAR = 6.4  # advance of one character of the labels' 11 px monospace font
LABEL_HEIGHT = 14
NODE = 15  # node radius
SPACING = 58  # between two nodes of a column
PADS = (4, 2)  # clearance around a label: a clear gap where the edges leave room, else a hairline


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    width: float
    height: float

    def overlaps(self, other: Box, pad: float = PADS[-1]) -> bool:
        return (abs(self.x - other.x) * 2 < self.width + other.width + 2 * pad
                and abs(self.y - other.y) * 2 < self.height + other.height + 2 * pad)


@dataclass(frozen=True)
class Edge:
    input: int
    neuron: int
    weight: float
    x1: float
    y1: float
    x2: float
    y2: float
    label: Box | None  # where the weight's number is written (None: not written)


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    inputs: tuple[tuple[int | None, float], ...]  # (index or None for the ellipsis, y)
    neurons: tuple[tuple[int | None, float], ...]
    input_x: float
    neuron_x: float
    edges: tuple[Edge, ...]


def _column(count: int, top: float, spacing: float) -> list[tuple[int | None, float]]:
    shown = summarised(count, threshold=LABELLED) if count > LABELLED else list(range(count))
    return [(index, top + i * spacing) for i, index in enumerate(shown)]


def layout(layer: LayerTrace) -> Layout:
    """Where every node, edge and weight label goes (it depends on the weights alone)."""
    n, m = layer.features, layer.neurons
    weights = [layer.neuron_weights(j) for j in range(m)]
    if n <= LABELLED and m <= LABELLED:  # small: remembered by the weights themselves
        return _layout(n, m, tuple(map(tuple, weights)))
    return _layout.__wrapped__(n, m, weights)


@memo(32)
def _layout(n: int, m: int, weights) -> Layout:
    labelled = n <= LABELLED and m <= LABELLED
    rows = max(len(summarised(n, threshold=LABELLED)) if n > LABELLED else n,
               len(summarised(m, threshold=LABELLED)) if m > LABELLED else m)
    height = 48 + rows * SPACING
    input_x = 100  # room for "x4 = -0.8" on the left
    longest = max((len(fmt(w)) for row in weights for w in row), default=1) if labelled else 1
    gap = 120 + longest * CHAR + 12 * max(n, m) if labelled else 220
    # widen until every label finds a place: with a clear gap around it if the diagram need
    # not grow by more than half for that, else with a hairline
    tries = [(widening, PADS[0]) for widening in range(4)] + [(widening, PADS[1]) for widening in range(8)]
    for widening, pad in tries:
        neuron_x = input_x + gap * 1.15 ** widening
        inputs = _column(n, 24 + SPACING / 2 + (rows - _count(n)) * SPACING / 2, SPACING)
        neurons = _column(m, 24 + SPACING / 2 + (rows - _count(m)) * SPACING / 2, SPACING)
        nodes = [Box(input_x, y, 2 * NODE, 2 * NODE) for _, y in inputs] + \
                [Box(neuron_x, y, 2 * NODE, 2 * NODE) for _, y in neurons]
        edges, placed, fits = [], [], True
        for j, yj in neurons:
            if j is None:
                continue
            for i, yi in inputs:
                if i is None:
                    continue
                label = None
                if labelled:
                    label = _place(input_x, yi, neuron_x, yj, len(fmt(weights[j][i])) * CHAR + 6,
                                   nodes + placed, pad)
                    if label is None:
                        fits = False
                        break
                    placed.append(label)
                edges.append(Edge(i, j, weights[j][i], input_x + NODE, yi, neuron_x - NODE, yj, label))
            if not fits:
                break
        if fits:
            break
    width = neuron_x + 190  # the bias and the output on the right
    return Layout(width, height, tuple(inputs), tuple(neurons), input_x, neuron_x, tuple(edges))


def _count(count: int) -> int:
    return 2 * EDGEITEMS + 1 if count > LABELLED else count


_ALONG = (0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8, 0.44, 0.56, 0.33, 0.67, 0.24, 0.76, 0.16, 0.84)


def _place(x1, y1, x2, y2, width, taken: list[Box], pad: float) -> Box | None:
    """A spot on the edge from (x1, y1) to (x2, y2) for a label that overlaps nothing taken."""
    for t in _ALONG:
        box = Box(x1 + NODE + (x2 - x1 - 2 * NODE) * t, y1 + (y2 - y1) * t, width, LABEL_HEIGHT)
        if not any(box.overlaps(other, pad) for other in taken):
            return box
    return None


def svg(layer: LayerTrace, sample: int = 0, outputs: bool = True) -> str:
    """The diagram with one sample's values; ``outputs`` False leaves the neurons' outputs
    out (an exercise asks for them). Nothing is lit here: a moment (player.moment) says
    which neuron is lit, which edge is being multiplied and which sample's numbers show."""
    shape = layout(layer)
    number = layer.number
    largest = max((abs(e.weight) for e in shape.edges), default=0) or 1
    inputs = layer.sample_values(sample)
    results = layer.as_grid(layer.result)

    def value(grid, j):  # the neuron's output for the shown sample
        return _value(layer, grid, sample, j)

    title_id, desc_id = f"diagram-{number}-title", f"diagram-{number}-desc"
    parts = [_edges(shape, largest)]
    for i, y in shape.inputs:
        if i is None:
            parts.append(f'<text class="ellipsis" x="{shape.input_x:.1f}" y="{y + 5:.1f}">⋮</text>')
            continue
        parts.append(f'<g class="node input" data-input="{i}"><circle cx="{shape.input_x}" cy="{y:.1f}" r="{NODE}"/>'
                     f'<text class="name" x="{shape.input_x}" y="{y + 4:.1f}">x{i + 1}</text>'
                     f'<text class="value" data-input="{i}" x="{shape.input_x - NODE - 6}" y="{y + 4:.1f}">'
                     f'{esc(fmt(inputs[i]))}</text></g>')
    for j, y in shape.neurons:
        if j is None:
            parts.append(f'<text class="ellipsis" x="{shape.neuron_x:.1f}" y="{y + 5:.1f}">⋮</text>')
            continue
        bias = layer.neuron_bias(j)
        right = shape.neuron_x + NODE + 8
        bias_text = (f'<text class="bias" data-neuron="{j}" x="{right}" y="{y + 4:.1f}">'
                     f'{esc(say("diagram.bias", value=fmt(bias)))}</text>') if bias is not None else ""
        parts.append(f'<g class="node neuron" data-neuron="{j}"><circle cx="{shape.neuron_x:.1f}" cy="{y:.1f}" '
                     f'r="{NODE}"/><text class="name" x="{shape.neuron_x:.1f}" y="{y + 4:.1f}">n{j + 1}</text>'
                     f'{bias_text}' + (f'<text class="output" data-neuron="{j}" x="{right}" y="{y + 19:.1f}">'
                                       f'{esc(say("diagram.output", value=fmt(value(results, j))))}</text>'
                                       if outputs else "")
                     + '</g>')
    heads = (f'<text class="head" x="{shape.input_x}" y="14">{esc(say("diagram.head_inputs"))}</text>'
             f'<text class="head" x="{shape.neuron_x:.1f}" y="14">{esc(say("diagram.head_neurons"))}</text>')
    return (f'<svg class="diagram" role="img" aria-labelledby="{title_id} {desc_id}" data-layer="{number}" '
            f'data-sample="{sample}" viewBox="0 0 {shape.width:.0f} {shape.height:.0f}" '
            f'width="{shape.width:.0f}" height="{shape.height:.0f}">'
            f'<title id="{title_id}">{esc(title(layer, sample))}</title>'
            f'<desc id="{desc_id}">{esc(description(layer, sample, outputs))}</desc>'
            + heads + "".join(parts) + "</svg>")


def _value(layer: LayerTrace, grid, sample: int, j: int):
    """Neuron ``j``'s number for the shown sample, from a product-shaped grid (its dot product or output)."""
    rows, _ = layer.grid_shape
    r, c = (sample, j) if layer.stage.columns == "neuron" else (j if layer.stage.rows == "neuron" else sample, 0)
    return grid[min(r, rows - 1)][c]


def shown_inputs(layer: LayerTrace) -> list[int]:
    """The inputs the diagram draws (the first and last few of a long axis, as NumPy prints it)."""
    return _shown(layer.features)


def shown_neurons(layer: LayerTrace) -> list[int]:
    """The neurons the diagram draws."""
    return _shown(layer.neurons)


def _shown(count: int) -> list[int]:
    if count > LABELLED:
        return [i for i in summarised(count, threshold=LABELLED) if i is not None]
    return list(range(count))


def title(layer: LayerTrace, sample: int = 0) -> str:
    """The diagram's accessible name: it begins "Network diagram"."""
    counts = {"number": layer.number, "inputs": plural(layer.features, "input"),
              "neurons": plural(layer.neurons, "neuron")}
    if layer.samples > 1:
        return say("diagram.title_sample", sample=sample + 1, samples=layer.samples, **counts)
    return say("diagram.title", **counts)


@memo(64)
def _edges(shape: Layout, largest: float) -> str:
    """The edges and their weights' labels (they depend on the weights alone)."""
    parts = []
    for edge in shape.edges:
        sign = "pos" if edge.weight > 0 else "neg" if edge.weight < 0 else "zero"
        width = 1 + 4 * abs(edge.weight) / largest
        parts.append(f'<line class="edge {sign}" data-input="{edge.input}" data-neuron="{edge.neuron}" '
                     f'x1="{edge.x1:.1f}" y1="{edge.y1:.1f}" x2="{edge.x2:.1f}" y2="{edge.y2:.1f}" '
                     f'stroke-width="{width:.2f}"/>')
    for edge in shape.edges:
        if edge.label is None:
            continue
        box = edge.label
        parts.append(f'<g class="weight" data-input="{edge.input}" data-neuron="{edge.neuron}">'
                     f'<rect x="{box.x - box.width / 2:.1f}" y="{box.y - box.height / 2:.1f}" '
                     f'width="{box.width:.1f}" height="{box.height:.1f}" rx="3"/>'
                     f'<text x="{box.x:.1f}" y="{box.y + 4:.1f}">{esc(fmt(edge.weight))}</text></g>')
    return "".join(parts)


def description(layer: LayerTrace, sample: int = 0, outputs: bool = True) -> str:
    """What the diagram shows, in words (the tables hold every number too); ``outputs``
    False leaves the dot products and outputs out (an exercise asks for them)."""
    inputs = layer.sample_values(sample)
    dots, results = layer.as_grid(layer.dots), layer.as_grid(layer.result)
    values = ", ".join(f"x{i + 1} = {fmt(inputs[i])}" for i in shown_inputs(layer))  # x1 = 1.0: the diagram's names
    words = [say("diagram.about"), say("diagram.inputs", values=values)]
    for j in shown_neurons(layer):
        bias = layer.neuron_bias(j)
        if outputs:
            numbers = {"number": j + 1, "dot": fmt(_value(layer, dots, sample, j)),
                       "output": fmt(_value(layer, results, sample, j))}
            words.append(say("diagram.neuron_output", **numbers) if bias is None else
                         say("diagram.neuron_output_bias", bias=fmt(bias), **numbers))
        elif bias is not None:
            words.append(say("diagram.neuron_bias", number=j + 1, bias=fmt(bias)))
    return " ".join(words)
