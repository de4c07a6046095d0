"""Knobs, activations and predict-then-reveal, on CPython: the maths behind each picture."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest
from helpers import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from pycore import compute, plot
from pycore.examples import EXAMPLES
from pycore.exercise import check, read_shape
from pycore.programs import loops_program, numpy_program
from pycore.stages import ACTIVATIONS
from pycore.state import decode
from pycore.view import view


def points_of(svg: str) -> list[tuple[float, float, float, float]]:
    """Each marked point: its true (x, y) and where it is drawn."""
    return [(float(x), float(y), float(cx), float(cy)) for cx, cy, x, y in
            re.findall(r'<circle class="point" cx="([^"]+)" cy="([^"]+)" r="[^"]+" data-x="([^"]+)" data-y="([^"]+)"', svg)]


def mapping(svg: str):
    """The plot's data-to-pixel mapping, as it keeps it."""
    x0, x1, y0, y1 = (float(re.search(rf'data-{k}="([^"]+)"', svg).group(1)) for k in ("x0", "x1", "y0", "y1"))
    left, top, width, height = map(float, re.search(r'data-box="([^"]+)"', svg).group(1).split(","))
    return (lambda x: left + (x - x0) / (x1 - x0) * width), (lambda y: top + (y1 - y) / (y1 - y0) * height)


@pytest.mark.parametrize("example", EXAMPLES[:5], ids=[e.title for e in EXAMPLES[:5]])
def test_every_seed_graph_is_reproduced(example):
    state = example.state
    weight, bias = float(state.layers[0]["weights"].strip("[]")), float(state.layers[0]["biases"])
    steps = view(state, use_numpy=False).steps
    svg = re.search(r'<svg class="plot".*?</svg>', steps).group()
    assert re.search(r'<title id="plot-1-title">Plot of the neuron', svg)
    px, py = mapping(svg)
    for x, y, cx, cy in points_of(svg):
        assert y == pytest.approx(weight * x + bias)
        assert (cx, cy) == pytest.approx((px(x), py(y)), abs=0.01)
    line = [tuple(map(float, p.split(","))) for p in re.search(r'<polyline class="curve" points="([^"]+)"', svg)
            .group(1).split()]
    for cx, cy in line:  # every drawn point of the line is on output = weight * input + bias
        x = (cx - px(0)) / (px(1) - px(0))
        assert cy == pytest.approx(py(weight * x + bias), abs=0.05)
    assert re.search(r'<input type="range"[^>]*data-field="weights"', steps)
    assert re.search(r'<input type="range"[^>]*data-field="biases"', steps)


def test_the_seeds_graphs_share_their_axes_so_a_steeper_or_shifted_line_looks_it():
    svgs = [re.search(r'<svg class="plot".*?</svg>', view(example.state, use_numpy=False).steps).group()
            for example in EXAMPLES[:5]]
    axes = {tuple(re.search(rf'data-{k}="([^"]+)"', svg).group(1) for k in ("x0", "x1", "y0", "y1")) for svg in svgs}
    assert len(axes) == 1  # the same ticks: only the line moves
    lines = {re.search(r'<polyline class="curve" points="([^"]+)"', svg).group(1) for svg in svgs}
    assert len(lines) == 5  # and it moves: five different lines drawn
    # a weight beyond the sliders' reach widens the axes to show all of the line
    wide = plot.neuron_plot(1, 10.0, 0.0, [1.0])
    assert all(plot.TOP - 0.5 <= float(y) <= plot.HEIGHT - plot.BOTTOM + 0.5 for y in re.findall(r",([-\d.]+)", re.search(
        r'<polyline class="curve" points="([^"]+)"', wide).group(1)))


def test_a_batch_through_a_one_input_neuron_marks_each_sample_on_its_line():
    state, _ = decode("#inputs=[[0],[1.5],[-2]]&weights=[2]&biases=1")
    svg = re.search(r'<svg class="plot".*?</svg>', view(state, use_numpy=False).steps).group()
    points = [(float(x), float(y)) for x, y in re.findall(r'data-x="([^"]+)" data-y="([^"]+)"', svg)]
    assert points == [(0.0, 1.0), (1.5, 4.0), (-2.0, -3.0)]


def test_a_plain_number_input_is_one_feature_and_the_page_says_so():
    state, _ = decode("#inputs=2&weights=[0.5]&biases=1")
    shown = view(state, use_numpy=False)
    assert not shown.errors and "Inputs is the plain number 2: it is read as one sample with one feature" in \
        re.sub("<[^>]+>", "", shown.steps)


# -- activations against NumPy ---------------------------------------------------------------

@st.composite
def layers(draw):
    k, n, m = draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    number = st.floats(-5, 5, allow_nan=False).map(lambda x: round(x, 2))
    matrix = lambda r, c: draw(st.lists(st.lists(number, min_size=c, max_size=c), min_size=r, max_size=r))  # noqa: E731
    return (matrix(k, n), matrix(m, n), matrix(1, m)[0], matrix(m, m), matrix(1, m)[0],
            draw(st.sampled_from(list(ACTIVATIONS))), draw(st.sampled_from(list(ACTIVATIONS))))


def numpy_two_layers(x, w1, b1, w2, b2, a1, a2):
    def act(name, values):
        return {"none": values, "relu": np.maximum(0, values), "step": np.where(values > 0, 1, 0)}[name]
    out = act(a1, np.dot(x, np.array(w1).T) + b1)
    return act(a2, np.dot(out, np.array(w2).T) + b2)


@settings(max_examples=150, deadline=None)
@given(layers())
def test_activations_give_what_numpy_gives(fields):
    x, w1, b1, w2, b2, a1, a2 = fields
    expected = numpy_two_layers(x, w1, b1, w2, b2, a1, a2)
    for use_numpy in (False, True):
        trace = compute(repr(x), [(repr(w1), repr(b1)), (repr(w2), repr(b2))], activations=[a1, a2],
                        use_numpy=use_numpy)
        assert np.allclose(trace.outputs, expected, rtol=1e-9, atol=1e-9)


@settings(max_examples=12, deadline=None)
@given(layers())
def test_the_programs_and_the_command_line_apply_the_activations(fields):
    x, w1, b1, w2, b2, a1, a2 = fields
    expected = numpy_two_layers(x, w1, b1, w2, b2, a1, a2)
    trace = compute(repr(x), [(repr(w1), repr(b1)), (repr(w2), repr(b2))], activations=[a1, a2], use_numpy=False)
    loops = subprocess.run([sys.executable, "-c", loops_program(trace)], capture_output=True, text=True, check=True)
    assert np.allclose(json.loads(loops.stdout.splitlines()[0]), expected)
    program = numpy_program(trace)
    assert ("np.maximum(0," in program) == ("relu" in (a1, a2))
    printed = subprocess.run([sys.executable, "-c", program.replace("print(", "print(repr(") + ")"],
                             capture_output=True, text=True, check=True).stdout
    assert np.allclose(eval(printed, {"array": np.array}), expected)  # the test's own NumPy output, not user text
    cli = subprocess.run([sys.executable, "-m", "pycore", "--inputs", repr(x), "--weights", repr(w1), "--biases",
                          repr(b1), "--activation", a1, "--weights", repr(w2), "--biases", repr(b2),
                          "--activation", a2, "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert np.allclose(json.loads(cli.stdout)["outputs"], expected)


def test_two_linear_layers_say_they_collapse_and_relu_says_it_does_not():
    fields = "#" + EXAMPLES[-1].fragment
    plain = re.sub("<[^>]+>", "", view(decode(fields)[0]).steps)
    assert "are still one linear layer" in plain
    bent = re.sub("<[^>]+>", "", view(decode(fields + "&activation=relu")[0]).steps)
    assert "ReLU between layers 1 and 2 bends what they compute" in bent
    assert "are still one linear layer" not in bent


def test_the_activation_step_marks_what_changed():
    state, _ = decode("#" + EXAMPLES[11].fragment.replace("biases=[2,%203,%200.5]", "biases=[2,%20-3,%200.5]")
                      + "&activation=relu")
    steps = view(state).steps
    assert "3 of the 9 outputs changed" in re.sub("<[^>]+>", "", steps)
    assert steps.count('class="changed-mark"') == 3
    assert '<title id="activation-1-title">Plot of ReLU' in steps


def test_plots_escape_their_text():
    svg = plot.plot(lambda x: x, (0, 1), [(0.5, 0.5, "<b>")], name="p", title="<script>", description="&",
                    x_label="<x>", y_label="y")
    assert "<script>" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg


# -- predict, then reveal ------------------------------------------------------------------------

@pytest.mark.parametrize("text, shape", [("(3, 2)", (3, 2)), ("3x2", (3, 2)), ("3 × 2", (3, 2)),
                                          ("[3, 2]", (3, 2)), ("3 by 2", (3, 2)), ("(3,)", (3,)), ("()", ()),
                                          ("three", None), ("(3, 2", (3, 2))])
def test_shapes_are_read_as_learners_write_them(text, shape):
    assert read_shape(text) == shape


def test_predicting_hides_every_answer_until_checked():
    state, _ = decode("#" + EXAMPLES[11].fragment + "&predict=outputs")
    asked = view(state)
    for answer in ("2.385", "1.051", "(3, 3)"):
        assert answer not in asked.steps + asked.outputs + asked.code_loops + asked.code_numpy
    assert "Your prediction" in asked.predict and "Check" in asked.predict
    shown = view(state, revealed=True)
    assert "2.385" in shown.steps and "2.385" in shown.outputs


@pytest.mark.parametrize("fragment, guess, right, words", [
    ("&predict=shape", "(3, 3)", True, "Right: the outputs' shape is (3, 3)"),
    ("&predict=shape", "(3, 4)", False, "each dot product sums them away"),
    ("&predict=cell&cell=2,3", "0.205", True, "Right: sample 2 · neuron 3 is 0.2"),
    ("&predict=cell&cell=2,3", "0.3", False, "Not quite: sample 2 · neuron 3 is 0.2, you said 0.3"),
    ("&predict=outputs", "[[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]]", True, "every output"),
    ("&predict=outputs", "[[4.8, 1.21, 2.385], [8.9, -1.81, 0.2]]", False, "have shape (3, 3), your answer (2, 3)"),
    ("&predict=outputs", "__import__('os').system('x')", False, "could not be read"),
    ("&predict=shape", "three by three", False, "is not a shape"),
    ("&predict=cell&cell=2,3", "abc", False, "is not a number"),
    ("&predict=cell&cell=2,3", "  ", False, "Type your prediction first"),
    ("&predict=outputs", "[1, 2,", False, "could not be read"),
])
def test_predictions_are_checked_within_the_stated_tolerance(fragment, guess, right, words):
    state, _ = decode("#" + EXAMPLES[11].fragment + fragment)
    verdict = check(compute(state.inputs, state.layer_texts()), state.predict, guess, state.layers[0]["cell"])
    assert verdict.right is right and words in verdict.words
    # an answer that cannot be read gives nothing away: the learner corrects it and tries again
    unread = any(w in words for w in ("could not be read", "not a shape", "not a number", "first"))
    assert verdict.answered is not unread
    if unread:
        assert "Nothing is revealed yet" in verdict.words or "first" in verdict.words
        assert not any(n in verdict.words for n in ("0.2", "(3, 3)", "4.8"))
