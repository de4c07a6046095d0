"""The renderers: pure functions of the trace, each showing the same steps."""

import html
import json
import re
from html.parser import HTMLParser

import pytest
from seed import STAGES

from pycore import compute, render_html, render_json, render_text
from pycore.numfmt import fmt


def trace_of(name, **kwargs):
    inputs, layers, _ = STAGES[name]
    return compute(inputs, layers, **kwargs)


@pytest.mark.parametrize("x, shown", [
    (2.3850000000000002, "2.385"), (0.5031, "0.5031"), (-1.04185, "-1.04185"),
    (1.2099999999999997, "1.21"), (20, "20"), (2.0, "2.0"), (0.123456789, "0.12345679"),
    (-0.0, "0.0"), (1e-12, "1e-12"), (123456789.123456789, "123456789.12345679"),
])
def test_numbers_as_numpy_prints_them(x, shown):
    assert fmt(x) == shown


def test_full_precision_on_request():
    assert fmt(2.3850000000000002, full=True) == "2.3850000000000002"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parsed(fragment):
    collector = _Collect()
    collector.feed(fragment)
    return collector


def test_html_has_every_step_in_order():
    fragment = render_html.render(trace_of("batch"))
    order = [m.group(1) for m in re.finditer(r'class="step step-(\w+)"', fragment)]
    assert order == ["shapes", "transpose", "product", "biases", "outputs"]
    text = " ".join(parsed(fragment).text)
    for words in ["(3, 4)", "weightsᵀ", "4 ≠ 3", "4 = 4", "1.051"]:
        assert words in text


def test_html_single_sample_has_no_transposition():
    fragment = render_html.render(trace_of("layer of 3 neurons"))
    assert "step-transpose" not in fragment and "step-product" in fragment
    fragment = render_html.render(trace_of("single neuron, 3 inputs"))
    assert "step-transpose" not in fragment and "2.3" in fragment


def test_html_selected_cell_shows_terms_and_highlights_row_and_column():
    fragment = render_html.render(trace_of("batch", use_numpy=False), {1: (1, 2)})
    detail = re.search(r'<div class="dot-detail".*?</div>', fragment).group()
    text = html.unescape(re.sub("<[^>]+>", "", detail))
    assert "2.0×-0.26 + 5.0×-0.27 + -1.0×0.17 + 2.0×0.87 = -0.3" in text
    assert "-0.3 + 0.5 (bias) = 0.2" in text
    assert fragment.count('aria-pressed="true"') == 1
    assert re.search(r'class="result selected hl-row hl-col"><button[^>]*data-row="1" data-col="2"', fragment)
    assert fragment.count('class="left hl"') == 4  # row 2 of inputs: its 4 values
    assert fragment.count('class="right hue-2 hl"') == 4  # column 3 of weights.T


def test_html_dot_detail_tells_the_exact_float_when_it_differs_from_the_shown_one():
    fragment = render_html.render(trace_of("batch", use_numpy=False), {1: (1, 1)})
    assert "= -1.81" in html.unescape(re.sub("<[^>]+>", "", fragment))
    assert "the float itself is -1.8099999999999996" in fragment
    assert "the float itself" not in render_html.render(trace_of("batch", use_numpy=False), {1: (0, 0)})


def test_html_tables_have_header_cells():
    fragment = render_html.render(trace_of("batch"))
    assert '<th scope="row">sample 1</th>' in fragment
    assert '<th scope="col" class="hue-2">neuron 3</th>' in fragment


def test_html_escapes_everything_and_has_no_script():
    fragment = render_html.render(trace_of("two layers")) + render_html.outputs_table(trace_of("batch"))
    collected = parsed(fragment)
    assert "script" not in collected.tags and "style" not in collected.tags
    assert not [name for name, _ in collected.attrs if name.startswith("on") or name == "style"]
    assert render_html.tag("p", render_html.esc("<img src=x onerror=alert(1)>")) == \
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>"


def test_html_summarises_large_arrays_like_numpy():
    n = 40
    matrix = repr([[float(i + j) for j in range(n)] for i in range(n)])
    fragment = render_html.render(compute(matrix, [(matrix, repr([0.0] * n))]))
    assert "…" in fragment and len(fragment) < 60_000
    assert fragment.count("<button") == 6 * 6  # the first 3 and last 3 of each axis


def test_outputs_table():
    fragment = render_html.outputs_table(trace_of("batch"))
    assert fragment.count("<td") == 9 + 1 and ">0.026<" in fragment


def test_engine_note_says_which_engine():
    assert "NumPy" in render_html.engine_note(trace_of("batch", use_numpy=True))
    assert "pure-Python" in render_html.engine_note(trace_of("batch", use_numpy=False))


def test_text_shows_the_same_steps():
    text = render_text.render(trace_of("batch", use_numpy=False))
    for words in ["1. Shapes", "2. Why the weights are transposed", "weightsᵀ",
                  "sample 1 · neuron 1: 1.0×0.2 + 2.0×0.8 + 3.0×-0.5 + 2.5×1.0 = 2.8;  2.8 + 2.0 = 4.8",
                  "[1.41 1.051 0.026]]", "pure-Python"]:
        assert words in text


def test_text_full_precision():
    text = render_text.render(trace_of("batch", use_numpy=False), full=True)
    assert "-1.8099999999999996" in text


def test_json_round_trips_the_trace():
    data = json.loads(render_json.render(trace_of("two layers")))
    assert [layer["number"] for layer in data["layers"]] == [1, 2]
    assert data["layers"][0]["expression"] == "np.dot(inputs, np.array(weights).T) + biases"
    assert data["layers"][0]["transposed"][3] == [1.0, -0.5, 0.87]
    assert data["outputs"] == data["layers"][1]["outputs"]
    assert data["layers"][0]["needs_transpose"] is True
    transpose_step = next(s for s in data["layers"][0]["steps"] if s["key"] == "transpose")
    assert "4 ≠ 3" in " ".join(transpose_step["text"])


def test_square_weights_still_need_the_transposition_and_the_page_says_why():
    trace = compute("[[1, 2], [3, 4], [5, 6]]", [("[[1, 0], [1, 1]]", "[0, 0]")])
    text = render_text.render(trace)
    assert "2 = 2: the shapes would fit, but only because weights is square" in text
    assert "≠" not in text
    assert trace.outputs == [[1, 3], [3, 7], [5, 11]]  # rows of weights used as neurons
