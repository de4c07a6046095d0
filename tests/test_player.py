"""The player's frames and the network diagram: pure functions of the trace, tested on CPython."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed import BATCH, BIASES_3, STAGES, WEIGHTS_3x4

from pycore import compute, diagram, player, render_html
from pycore.numfmt import fmt
from pycore.player import Position
from pycore.state import decode
from pycore.view import cells, view


def layer_of(inputs, weights, biases):
    return compute(inputs, [(weights, biases)], use_numpy=False).layers[0]


@st.composite
def layers(draw):
    k, n, m = draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(1, 4))
    number = st.one_of(st.integers(-20, 20), st.floats(-10, 10, allow_nan=False).map(lambda x: round(x, 3)))
    inputs = draw(st.lists(st.lists(number, min_size=n, max_size=n), min_size=k, max_size=k))
    weights = draw(st.lists(st.lists(number, min_size=n, max_size=n), min_size=m, max_size=m))
    biases = draw(st.lists(number, min_size=m, max_size=m))
    shape = draw(st.sampled_from(["batch", "layer", "neuron", "batch_neuron"]))
    x = inputs if shape in ("batch", "batch_neuron") else inputs[0]
    w = weights if shape in ("batch", "layer") else weights[0]
    b = biases if shape in ("batch", "layer") else biases[0]
    if draw(st.booleans()):
        return layer_of(repr(x), repr(w), "")
    return layer_of(repr(x), repr(w), repr(b))


@settings(max_examples=150, deadline=None)
@given(layers())
def test_the_running_sum_at_term_k_is_the_loops_partial_sum(layer):
    for row, column in player.cells_on_show(layer):
        cell = layer.cell(row, column)
        total, partial = 0, [0]
        for x, w in cell.terms:  # the textbook's loop, written out again
            total += x * w
            partial.append(total)
        frames = player.cell_frames(layer, row, column)
        assert [f["sum"] for f in frames if f["phase"] == "term"] == [fmt(v) for v in partial]
        assert partial[-1] == cell.dot  # the last partial sum is the very dot product shown
        assert len(frames) == len(cell.terms) + (3 if layer.biases is not None else 2)
        assert frames[-1]["phase"] == "fill" and fmt(cell.output) in frames[-1]["say"]
        # the words name the number the grid shows in that cell (the dot product, before the bias)
        assert f" {frames[-1]['sum']}" in frames[-1]["say"].replace(",", " ")
        roles = {role for role, _ in layer.stage.loops}
        assert all(f["line"] in roles for f in frames)


def test_the_textbooks_first_dot_product_frame_by_frame():
    layer = layer_of(BATCH, WEIGHTS_3x4, BIASES_3)
    frames = player.cell_frames(layer, 0, 0)
    assert [f["sum"] for f in frames] == ["0", "0.2", "1.8", "0.3", "2.8", "2.8", "2.8"]
    assert frames[2]["vars"] == {"n_input": "2.0", "weight": "0.8", "neuron_output": "1.8"}
    assert frames[2]["line"] == "term" and frames[0]["line"] == "zero"
    assert frames[5]["say"].endswith("+ bias: 2.8 + 2.0 = 4.8") and frames[5]["line"] == "bias"
    assert frames[6]["line"] == "fill"
    assert frames[6]["say"] == ("sample 1 · neuron 1: output 4.8 is filled in; "
                                "the grid holds its dot product, 2.8, before the bias")
    assert player.frame_count(layer) == 9 * 7


@pytest.mark.parametrize("cell, term, words", [
    ((9, 1), 2, "outside layer 1's product, which has 3 rows and 3 columns"),
    ((1, 4), None, "outside"),
    ((2, 3), 7, "more than the 4 terms"),
])
def test_a_bad_position_in_a_link_gets_a_message(cell, term, words):
    layer = layer_of(BATCH, WEIGHTS_3x4, BIASES_3)
    _, problem = player.position(layer, cell, term)
    assert words in problem


def test_a_position_renders_the_moment_statically():
    state, problems = decode(f"#inputs={BATCH}&weights={WEIGHTS_3x4}&biases={BIASES_3}&cell=2,3&term=2"
                             .replace(" ", "%20"))
    assert problems == []
    steps = view(state, use_numpy=False).steps
    grid = re.search(r'<table class="matrix product-grid".*?</table>', steps).group()
    assert grid.count("pending") == 3  # sample 3's three cells are still to come
    # 2.0×-0.26 + 5.0×-0.27 so far
    assert re.search(r'class="result selected hl-row hl-col current"[^>]*><button[^>]*>-1.87<', grid)
    assert grid.count('class="left hl pair"') == 1 and grid.count("right hue-2 hl pair") == 1
    assert 'class="player"' in steps and "Step 38 of 63" in steps
    assert 'class="edge neg lit current"' in steps or 'class="edge pos lit current"' in steps


def test_cells_data_carries_frames_detail_and_the_diagrams_numbers():
    state, _ = decode(f"#inputs={BATCH}&weights={WEIGHTS_3x4}&biases={BIASES_3}".replace(" ", "%20"))
    (data,) = cells(state, 1, [(1, 2)])
    assert data["sample"] == 1 and data["neuron"] == 2 and len(data["frames"]) == 7
    assert data["inputs"] == {0: "2.0", 1: "5.0", 2: "-1.0", 3: "2.0"}
    assert data["outputs"][2] == "= 0.2" and data["samples"]["previous"] == (0, 2)
    assert 'data-row="1" data-col="2"' in data["detail"]


# -- the network diagram ------------------------------------------------------------------------

class _Svg(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(svg: str):
    parser = _Svg()
    parser.feed(svg)
    return parser.elements


def test_the_diagram_has_a_node_per_input_and_neuron_and_an_edge_per_weight():
    layer = layer_of(BATCH, WEIGHTS_3x4, BIASES_3)
    svg = diagram.svg(layer, sample=1, neuron=2)
    found = elements(svg)
    assert found[0][0] == "svg" and found[0][1]["role"] == "img"
    edges = [a for t, a in found if t == "line"]
    assert len(edges) == 12
    assert sum("lit" in a["class"] for a in edges) == 4  # the edges into neuron 3
    assert all(("neg" in a["class"]) == (layer.weights.values[int(a["data-neuron"])][int(a["data-input"])] < 0)
               for a in edges)
    text = " ".join(re.findall(r">([^<>]+)<", svg))
    for weight in ["0.2", "-0.91", "0.87", "+ 3.0 bias", "= 0.2"]:
        assert weight in text
    assert re.search(r'<title id="diagram-1-title">Network diagram of layer 1: 4 inputs, 3 neurons, sample 2', svg)
    assert "x1 = 2.0" in svg  # the description reads out the shown sample


def test_every_weight_is_legible_without_overlaps_up_to_six_by_six():
    for n, m in itertools.product(range(1, 7), range(1, 7)):
        for weight in (lambda i, j: round(((i * 7 + j * 3) % 11 - 5) / 10, 2), lambda i, j: -0.12345678 - i / 1000):
            weights = repr([[weight(i, j) for i in range(n)] for j in range(m)])
            layer = layer_of(repr([[1.0] * n] * 2), weights, repr([0.5] * m))
            shape = diagram.layout(layer)
            labels = [edge.label for edge in shape.edges]
            assert len(labels) == n * m and None not in labels, (n, m)
            assert not any(a.overlaps(b, pad=0) for a, b in itertools.combinations(labels, 2)), (n, m)
            nodes = [diagram.Box(shape.input_x, y, 2 * diagram.NODE, 2 * diagram.NODE) for _, y in shape.inputs] + \
                    [diagram.Box(shape.neuron_x, y, 2 * diagram.NODE, 2 * diagram.NODE) for _, y in shape.neurons]
            assert not any(label.overlaps(node, pad=0) for label in labels for node in nodes), (n, m)


def test_a_large_layer_is_summarised_like_numpy_never_a_hairball():
    n = 40
    layer = layer_of(repr([[1.0] * n] * 2), repr([[0.5] * n] * n), repr([0.0] * n))
    found = elements(diagram.svg(layer))
    edges = [a for t, a in found if t == "line"]
    assert len(edges) == 6 * 6  # the first and last three inputs and neurons
    assert sum(1 for t, a in found if t == "text" and a.get("class") == "ellipsis") == 2
    assert not any(t == "rect" for t, _ in found)  # no weight labels beyond the textbook's sizes


def test_the_diagram_escapes_its_text():
    layer = layer_of("[1, 2]", "[[1, 2]]", "[0]")
    svg = render_html.network_view(layer, Position(0, 0))
    assert "<script" not in svg and "onerror" not in svg
    assert all(not name.startswith("on") for _, attrs in elements(svg) for name in attrs)


@pytest.mark.parametrize("name", list(STAGES))
def test_every_stage_has_a_diagram_and_a_player(name):
    inputs, layers, _ = STAGES[name]
    trace = compute(inputs, layers)
    steps = render_html.render(trace, {}, "numpy", played=1)
    assert steps.count('role="img"') == len(trace.layers)
    assert steps.count('class="player"') == 1
