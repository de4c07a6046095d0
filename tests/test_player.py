"""The player's moments and the network diagram: pure functions of the trace, tested on CPython."""

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
from pycore.state import State, decode, encode, layer_state, with_key
from pycore.view import cells, view


def layer_of(inputs, weights, biases, activation="none"):
    return compute(inputs, [(weights, biases)], use_numpy=False, activations=[activation]).layers[0]


@st.composite
def networks(draw):
    """A state of one or two layers of every stage, with or without biases and activations."""
    k, n, m = draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(1, 4))
    number = st.one_of(st.integers(-20, 20), st.floats(-10, 10, allow_nan=False).map(lambda x: round(x, 3)))
    inputs = draw(st.lists(st.lists(number, min_size=n, max_size=n), min_size=k, max_size=k))
    weights = draw(st.lists(st.lists(number, min_size=n, max_size=n), min_size=m, max_size=m))
    biases = draw(st.lists(number, min_size=m, max_size=m))
    shape = draw(st.sampled_from(["batch", "layer", "neuron", "batch_neuron"]))
    x = inputs if shape in ("batch", "batch_neuron") else inputs[0]
    w = weights if shape in ("batch", "layer") else weights[0]
    b = biases if shape in ("batch", "layer") else biases[0]
    first = layer_state(weights=repr(w), biases="" if draw(st.booleans()) else repr(b),
                        activation=draw(st.sampled_from(["none", "relu", "step"])))
    layers = [first]
    if shape in ("batch", "layer") and draw(st.booleans()):
        layers.append(layer_state(weights=repr([[0.5] * m, [-1] * m]), biases="[0.1, 0]",
                                  activation=draw(st.sampled_from(["none", "relu"]))))
    return State(repr(x), layers)


@settings(max_examples=120, deadline=None)
@given(networks())
def test_every_moment_comes_back_from_its_link(state):
    """The page writes a moment's link keys into the address; opening that address must
    show that very moment (the bias and activation moments too)."""
    shown = view(state)
    assert not shown.errors, shown.errors
    for layer in shown.trace.layers:
        for row, column in player.cells_on_show(layer):
            for frame in player.cell_moments(layer, row, column, len(state.layers)):
                opened = state
                for key, value in frame["link"].items():
                    opened = with_key(opened, key, value)
                opened, problems = decode(encode(opened))
                assert problems == []
                again = view(opened).moments[str(layer.number)]["frame"]
                assert again == frame, (frame["status"], again["status"])


@settings(max_examples=150, deadline=None)
@given(networks())
def test_the_running_sum_is_the_loops_partial_sum_and_the_words_name_the_grids_number(state):
    for layer in compute(state.inputs, state.layer_texts(), use_numpy=False, activations=state.activations()).layers:
        for row, column in player.cells_on_show(layer):
            cell = layer.cell(row, column)
            total, partial = 0, [0]
            for x, w in cell.terms:  # the textbook's loop, written out again
                total += x * w
                partial.append(total)
            frames = player.cell_moments(layer, row, column)
            assert [f["value"] for f in frames if f["phase"] == "term"] == [fmt(v) for v in partial]
            assert partial[-1] == cell.dot  # the last partial sum is the very dot product shown
            phases = [f["phase"] for f in frames]
            assert phases == ["term"] * (len(cell.terms) + 1) + (["bias"] if layer.biases is not None else []) \
                + (["activation"] if layer.activation != "none" else []) + ["done"]
            assert [f["index"] for f in frames] == list(range(frames[0]["index"], frames[0]["index"] + len(frames)))
            # the words name the number the grid shows in that cell (the dot product, before the bias)
            assert all(f" {f['value']}" in f["say"].replace(",", " ") for f in frames if f["phase"] == "done"
                       and layer.biases is not None)
            roles = {role for role, _ in layer.stage.loop_lines("per_neuron", layer.activation)}
            assert all(f["line"] in roles | {"bias"} for f in frames)


def test_the_textbooks_first_dot_product_moment_by_moment():
    layer = layer_of(BATCH, WEIGHTS_3x4, BIASES_3)
    frames = player.cell_moments(layer, 0, 0)
    assert [f["value"] for f in frames] == ["0", "0.2", "1.8", "0.3", "2.8", "2.8", "2.8"]
    assert frames[2]["vars"] == {"n_input": "2.0", "weight": "0.8", "neuron_output": "1.8"}
    assert frames[2]["line"] == "term" and frames[0]["line"] == "zero" and frames[2]["pair"] == 1
    assert frames[5]["say"].endswith("+ bias: 2.8 + 2.0 = 4.8") and frames[5]["line"] == "bias"
    assert frames[5]["detail"] == {"terms": None, "lines": {"bias": "current", "activation": None}, "running": None}
    assert frames[3]["detail"] == {"terms": 3, "lines": {"bias": "todo", "activation": None}, "running": "0.3"}
    assert frames[6]["say"] == ("sample 1 · neuron 1: output 4.8 is filled in; "
                                "the grid holds its dot product, 2.8, before the bias")
    assert frames[6]["status"].startswith("Step 7 of 63: ")
    assert frames[5]["link"] == {"cell": [1, 1], "term": None, "phase": "bias"}
    assert player.frame_count(layer) == 9 * 7


def test_relu_is_a_moment_of_its_own():
    layer = layer_of(BATCH, WEIGHTS_3x4, "[2, -3, 0.5]", "relu")
    frames = player.cell_moments(layer, 0, 1)
    assert [f["phase"] for f in frames[-3:]] == ["bias", "activation", "done"]
    assert frames[-2]["say"] == "sample 1 · neuron 2: ReLU: -4.79 becomes 0"
    assert frames[-2]["detail"]["lines"]["activation"] == "current"
    assert frames[-3]["detail"]["lines"]["activation"] == "todo"
    assert frames[-1]["link"] == {"cell": [1, 2], "term": None, "phase": "done"}


@pytest.mark.parametrize("cell, term, phase, words", [
    ((9, 1), 2, None, "outside layer 1's product, which has 3 rows and 3 columns"),
    ((1, 4), None, None, "outside"),
    ((2, 3), 7, None, "more than the 4 terms"),
    ((2, 3), None, "activation", "has no activation"),
])
def test_a_bad_position_in_a_link_gets_a_message(cell, term, phase, words):
    layer = layer_of(BATCH, WEIGHTS_3x4, BIASES_3)
    _, problem = player.position(layer, cell, term, phase)
    assert words in problem


def test_a_position_is_marked_by_its_moment_not_by_the_markup():
    state, problems = decode(f"#inputs={BATCH}&weights={WEIGHTS_3x4}&biases={BIASES_3}&cell=2,3&term=2"
                             .replace(" ", "%20"))
    assert problems == []
    shown = view(state, use_numpy=False)
    grid = re.search(r'<table class="matrix product-grid".*?</table>', shown.steps).group()
    assert "pending" not in grid and "selected" not in grid  # the markup is the product, finished
    moment = shown.moments["1"]
    frame = moment["frame"]
    assert frame["playing"] and frame["value"] == "-1.87" and frame["pair"] == 1 and frame["order"] == 5
    assert frame["status"].startswith("Step 38 of 63") and frame["diagram"]["neuron"] == 2
    assert moment["cell"]["detail"].count('class="term"') == 4 and 'data-row="1" data-col="2"' in moment["cell"]["detail"]
    assert shown.played == 1 and shown.positions == {"cell": [2, 3], "term": 2, "phase": None}


def test_cells_give_each_cells_data_and_moments_with_the_diagrams_numbers():
    state, _ = decode(f"#inputs={BATCH}&weights={WEIGHTS_3x4}&biases={BIASES_3}".replace(" ", "%20"))
    (data,) = cells(state, 1, [(1, 2)])
    assert len(data["frames"]) == 7 and data["previous"] == [1, 1] and data["next"] == [2, 0]
    picture = data["frames"][0]["diagram"]
    assert picture["sample"] == 1 and picture["neuron"] == 2
    assert picture["inputs"] == {"0": "2.0", "1": "5.0", "2": "-1.0", "3": "2.0"}
    assert picture["outputs"]["2"] == "= 0.2" and picture["previous"] == [0, 2]
    assert "x1 = 2.0" in picture["desc"] and "sample 2 of 3" in picture["title"]


def test_an_exercise_gives_no_output_away_in_its_moments():
    state, _ = decode(f"#inputs={BATCH}&weights={WEIGHTS_3x4}&biases={BIASES_3}&predict=outputs"
                      .replace(" ", "%20"))
    shown = view(state)
    text = repr(shown.moments) + repr(cells(state, 1, [(0, 0)], outputs=False))
    assert "4.8" not in text and "2.385" not in text


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
    svg = diagram.svg(layer, sample=1)
    found = elements(svg)
    assert found[0][0] == "svg" and found[0][1]["role"] == "img"
    edges = [a for t, a in found if t == "line"]
    assert len(edges) == 12
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


@pytest.mark.parametrize("name", list(STAGES))
def test_every_stage_has_a_diagram_and_a_player_in_each_layer(name):
    inputs, layers, _ = STAGES[name]
    trace = compute(inputs, layers)
    steps = render_html.render(trace)
    assert steps.count('role="img"') == len(trace.layers)
    assert steps.count('class="player"') == len(trace.layers)  # the one played is shown, the others hidden
    assert steps.count('class="player" role="group"') == len(trace.layers)
    assert len(re.findall(r'class="player"[^>]*hidden', steps)) == len(trace.layers) - 1
