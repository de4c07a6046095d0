"""The renderers: pure functions of the trace, each showing the same steps in the same words."""

import html
import json
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed import STAGES

from pycore import compute, render_html, render_json, render_text
from pycore.examples import EXAMPLES
from pycore.numfmt import fmt, format_array
from pycore.steps import engine_note, steps


def trace_of(name, **kwargs):
    inputs, layers, _ = STAGES[name]
    return compute(inputs, layers, **kwargs)


# -- numbers, as NumPy itself prints them -------------------------------------------------

floats = st.one_of(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1.0, 2.5, 0.1, 1e-5, 1e8, 123456789.123456789, 2.3850000000000002]),
    st.integers(-12, 12).map(lambda e: 1.5 * 10.0 ** e),
)
ints = st.integers(-(2**62), 2**62)


@st.composite
def arrays(draw):
    number = draw(st.sampled_from([floats, ints, st.integers(-1000, 1000)]))
    if draw(st.booleans()):
        return draw(st.lists(number, min_size=1, max_size=8))
    rows, columns = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    return draw(st.lists(st.lists(number, min_size=columns, max_size=columns), min_size=rows, max_size=rows))


@settings(max_examples=600, deadline=None)
@given(arrays())
def test_arrays_print_exactly_as_numpy_prints_them(values):
    expected = np.array2string(np.array(values), max_line_width=10**9)
    assert format_array(values).text() == expected


@pytest.mark.parametrize("values", [
    [[float(i * 40 + j) for j in range(40)] for i in range(40)],  # summarised, and scientific
    list(range(2000)),
    [1e-5, 1.0, 2.5],  # NumPy: [1.0e-05 1.0e+00 2.5e+00]
    [2**70, -1],  # beyond int64: exact Python integers
])
def test_summarised_and_scientific_arrays_as_numpy_prints_them(values):
    assert format_array(values).text() == np.array2string(np.array(values), max_line_width=10**9)


def test_a_single_number_prints_every_digit_as_numpy_does():
    assert format_array(1.2099999999999997).text() == str(np.float64(1.2099999999999997))
    assert format_array(20).text() == "20"


@pytest.mark.parametrize("x, shown", [
    (2.3850000000000002, "2.385"), (0.5031, "0.5031"), (1.2099999999999997, "1.21"), (20, "20"),
    (2.0, "2.0"), (0.123456789, "0.12345679"), (-0.0, "0.0"), (1e-12, "1e-12"),
])
def test_numbers_in_sentences_are_rounded_as_numpy_rounds_arrays(x, shown):
    assert fmt(x) == shown
    if not isinstance(x, int):
        assert float(shown) == float(np.format_float_positional(x, precision=8, unique=True, trim="-")) \
            or abs(x) < 1e-8


# -- the HTML ---------------------------------------------------------------------------------

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


def page_text(fragment: str) -> str:
    return " ".join(" ".join(parsed(fragment).text).split())


def test_html_has_every_step_in_order():
    fragment = render_html.render(trace_of("batch"))
    order = [m.group(1) for m in re.finditer(r'class="step step-(\w+)"', fragment)]
    assert order == ["network", "shapes", "transpose", "product", "biases", "outputs"]
    text = page_text(fragment)
    for words in ["(3, 4)", "weightsᵀ", "4 ≠ 3", "4 = 4", "1.051"]:
        assert words in text


def test_html_single_sample_has_no_transposition():
    fragment = render_html.render(trace_of("layer of 3 neurons"))
    assert "step-transpose" not in fragment and "step-product" in fragment
    fragment = render_html.render(trace_of("single neuron, 3 inputs"))
    assert "step-transpose" not in fragment and "2.3" in fragment


def test_html_a_cells_dot_product_is_written_out_term_by_term():
    layer = trace_of("batch", use_numpy=False).layers[0]
    detail = render_html.dot_detail(layer, 1, 2)
    text = html.unescape(re.sub("<[^>]+>", "", detail))
    assert "2.0×-0.26 + 5.0×-0.27 + -1.0×0.17 + 2.0×0.87 = -0.3" in text
    assert "-0.3 + 0.5 (bias) = 0.2" in text
    assert [int(i) for i in re.findall(r'class="term" data-term="(\d)"', detail)] == [0, 1, 2, 3]  # a moment marks them
    relu = compute(STAGES["batch"][0], [(STAGES["batch"][1][0][0], "[2, -3, 0.5]")], use_numpy=False,
                   activations=["relu"]).layers[0]
    assert "ReLU(-4.79) = 0" in html.unescape(re.sub("<[^>]+>", "", render_html.dot_detail(relu, 0, 1)))


def test_html_the_product_grid_is_one_tab_stop_and_each_cell_knows_its_place():
    fragment = render_html.render(trace_of("batch", use_numpy=False))
    grid = re.search(r'<table class="matrix product-grid".*?</table>', fragment).group()
    assert grid.count('tabindex="0"') == 1 and grid.count('tabindex="-1"') == 8  # one Tab stop: the first cell
    assert [int(o) for o in re.findall(r'data-order="(\d+)"', grid)] == list(range(9))  # the loops' order
    assert 'aria-label="sample 2 · neuron 3: -0.3"' in grid


def test_html_dot_detail_tells_the_exact_float_when_it_differs_from_the_shown_one():
    layer = trace_of("batch", use_numpy=False).layers[0]
    assert "= -1.81" in html.unescape(re.sub("<[^>]+>", "", render_html.dot_detail(layer, 1, 1)))
    assert "the float itself is -1.8099999999999996" in render_html.dot_detail(layer, 1, 1)
    assert "the float itself" not in render_html.dot_detail(layer, 0, 0)


def test_html_tables_have_header_cells():
    fragment = render_html.render(trace_of("batch"))
    assert '<th scope="row">sample 1</th>' in fragment
    assert '<th scope="col" class="hue-2" data-neuron="2">neuron 3</th>' in fragment


HOSTILE = "<img src=x onerror=alert(1)>\"'&<script>alert(2)</script>"


def test_html_escapes_every_text_it_is_given():
    from pycore import page
    from pycore.examples import Example
    from pycore.state import State, layer_state

    class Hostile(Example):  # an example whose words are not the catalog's
        title = caption = HOSTILE

    editors = (page.field_editor("inputs", 1, HOSTILE)
               + page.layers_fields([layer_state(weights=HOSTILE, biases=HOSTILE)]))
    nav = page.examples_nav([Hostile("hostile", State(HOSTILE))])
    for fragment in (editors, nav):
        collected = parsed(fragment)
        assert "script" not in collected.tags and "img" not in collected.tags
        assert not [name for name, _ in collected.attrs if name.startswith("on") or name == "style"]
    assert HOSTILE in html.unescape(editors) and HOSTILE in html.unescape(nav)  # shown as text, whole


def test_html_has_no_script_style_or_handlers():
    fragment = render_html.render(trace_of("two layers")) + render_html.outputs_table(trace_of("batch"))
    collected = parsed(fragment)
    assert "script" not in collected.tags and "style" not in collected.tags
    assert not [name for name, _ in collected.attrs if name.startswith("on") or name == "style"]


def test_html_summarises_large_arrays_like_numpy():
    n = 40
    matrix = repr([[float(i + j) for j in range(n)] for i in range(n)])
    fragment = render_html.render(compute(matrix, [(matrix, repr([0.0] * n))]))
    assert "…" in fragment and len(fragment) < 80_000
    assert fragment.count('<button type="button" class="cell"') == 6 * 6  # the first 3 and last 3 of each axis


def test_outputs_table():
    fragment = render_html.outputs_table(trace_of("batch"))
    assert fragment.count("<td") == 9 + 1 and "0.026" in fragment


def test_one_format_per_array_in_the_page():
    # NumPy writes [2.0, 3.0, 0.5] as [2.  3.  0.5]: each number in the array's one format
    fragment = render_html.render(trace_of("batch"))
    biases = re.search(r'<table class="matrix vector" aria-label="biases">.*?</table>', fragment).group()
    assert re.findall(r"<td[^>]*>([^<]*)</td>", biases) == ["2. ", "3. ", "0.5"]


# -- the same words on the page and in the terminal ------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_the_page_and_the_terminal_say_the_same_sentences(example):
    trace = compute(example.state.inputs, example.state.layer_texts())
    page = page_text(render_html.render(trace))
    terminal = " ".join(render_text.render(trace).split())
    for layer in trace.layers:
        for step in steps(layer):
            assert step.title in page and step.title in terminal
            for sentence in step.text:
                assert " ".join(sentence.split()) in page, sentence
                assert " ".join(sentence.split()) in terminal, sentence
            if step.hint:
                assert step.hint in page and step.hint not in terminal


def test_engine_notes_say_which_engine_and_why():
    assert "NumPy" in engine_note(trace_of("batch", use_numpy=True))
    assert "(NumPy is not loaded)" not in engine_note(trace_of("batch", use_numpy=False))
    assert "as asked: --no-numpy" in engine_note(trace_of("batch", use_numpy=False), "terminal")
    assert "pure-Python" in render_text.render(trace_of("batch", use_numpy=False))


def test_text_full_precision():
    text = render_text.render(trace_of("batch", use_numpy=False), full=True)
    assert "-1.8099999999999996" in text


# -- JSON: facts, not copies ------------------------------------------------------------------

def test_json_holds_the_facts_and_the_words():
    data = json.loads(render_json.render(trace_of("two layers")))
    assert [layer["number"] for layer in data["layers"]] == [1, 2]
    first = data["layers"][0]
    assert first["expression"] == "np.dot(inputs, np.array(weights).T) + biases"
    assert first["weights"]["shape"] == [3, 4] and first["dots"][0][0] == pytest.approx(2.8)
    assert data["outputs"] == data["layers"][1]["outputs"]
    assert not {"left_rows", "right_columns", "transposed", "output_grid", "bias_grid"} & set(first)
    transpose_step = next(s for s in first["steps"] if s["key"] == "transpose")
    assert "4 ≠ 3" in " ".join(transpose_step["text"])


def test_json_is_about_the_size_of_its_facts():
    # no copies of the facts (left rows, transposed weights, broadcast biases, grids)
    n = 64
    matrix = repr([[round((i * 7 + j * 3) % 11 / 10, 1) for j in range(n)] for i in range(n)])
    trace = compute(matrix, [(matrix, repr([0.5] * n))])
    layer = trace.layers[0]
    facts = [layer.inputs.values, layer.weights.values, layer.biases.values, layer.dots, layer.outputs,
             trace.outputs]
    assert len(render_json.render(trace)) < 1.1 * len(json.dumps(facts))


def test_square_weights_still_need_the_transposition_and_the_page_says_why():
    trace = compute("[[1, 2], [3, 4], [5, 6]]", [("[[1, 0], [1, 1]]", "[0, 0]")])
    text = render_text.render(trace)
    assert "2 = 2: the shapes would fit, but only because weights is square" in text
    assert "≠" not in text
    assert trace.outputs == [[1, 3], [3, 7], [5, 11]]  # rows of weights used as neurons


def test_the_loops_view_and_the_code_name_every_layers_variables_alike():
    """Layer 2's loops read what layer 1's write, in the Steps and in the Code region alike."""
    from pycore.state import State
    from pycore.view import view
    two = EXAMPLES[-1].state
    shown = view(State(two.inputs, two.layers, view="loops"), use_numpy=False)
    code = [html.unescape(re.sub("<[^>]+>", "", block))
            for block in re.findall(r'<pre class="loop-code".*?</pre>', shown.steps, flags=re.S)]
    assert len(code) == 2
    assert "layer1_outputs.append(sample_outputs)" in code[0] and "for sample in inputs:" in code[0]
    assert "for sample in layer1_outputs:" in code[1] and "layer2_outputs.append(sample_outputs)" in code[1]
    for block in code:
        for line in block.splitlines():
            assert line in shown.code_loops, line  # every line of the Steps' loops is the program's

