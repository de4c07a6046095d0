"""The state: one table drives the link, the JSON form and the editors; links are untrusted."""

import pytest
from helpers import close
from hypothesis import given, settings
from hypothesis import strategies as st

from pycore import compute
from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES, add_layer_problem, new_layer
from pycore.parse import parse
from pycore.state import (
    HIDE_CHOICES,
    MAX_FRAGMENT,
    MAX_LAYERS,
    STEP_CHOICES,
    VIEW_CHOICES,
    State,
    decode,
    encode,
    from_json,
    layer_state,
    link,
    to_json,
)

texts = st.text(max_size=40)
layer_texts = st.builds(lambda w, b: layer_state(weights=w, biases=b), texts, texts)
states = st.builds(State, inputs=texts, layers=st.lists(layer_texts, min_size=1, max_size=MAX_LAYERS),
                   view=st.sampled_from(VIEW_CHOICES),
                   hide=st.lists(st.sampled_from(HIDE_CHOICES), unique=True).map(
                       lambda hide: tuple(c for c in HIDE_CHOICES if c in hide)),
                   step=st.none() | st.sampled_from(STEP_CHOICES))


@settings(max_examples=400, deadline=None)
@given(states)
def test_any_state_survives_encode_then_decode_exactly(state):
    decoded, problems = decode("#" + encode(state))
    assert problems == []
    assert decoded == state


@settings(max_examples=200, deadline=None)
@given(states)
def test_any_state_survives_its_json_form(state):
    assert from_json(to_json(state)) == state


@pytest.mark.parametrize("data", [
    {}, {"layers": "x"}, {"inputs": 3, "layers": [{"weights": None}], "hide": "editors", "step": "bogus"},
    {"layers": [1, 2, 3]}, {"layers": [{"weights": "[1]", "biases": "0"}] * 20},
])
def test_foreign_json_reads_as_defaults_never_an_error(data):
    state = from_json(data)
    assert 1 <= len(state.layers) <= MAX_LAYERS
    assert isinstance(state.inputs, str) and state.step in (None, *STEP_CHOICES)


def test_the_contract_keys_and_readable_values():
    state = State("[1, 2]", [layer_state(weights="[[1, 2]]", biases="[0]"),
                             layer_state(weights="[[3]]", biases="[1]")])
    assert encode(state) == "inputs=[1,%202]&weights=[[1,%202]]&biases=[0]&weights2=[[3]]&biases2=[1]"


def test_a_link_typed_by_hand_with_fully_encoded_values():
    state, problems = decode("#inputs=%5B1%2C%202%5D&weights=%5B3%2C%204%5D&biases=5")
    assert problems == [] and state == State("[1, 2]", [layer_state(weights="[3, 4]", biases="5")])


def test_plus_is_a_plus_not_a_space():
    state, _ = decode("#inputs=[1e+3]&weights=[1]&biases=0")
    assert state.inputs == "[1e+3]"


def test_no_fragment_means_no_state():
    assert decode("") == (None, [])
    assert decode("#") == (None, [])


def test_oversized_link_is_not_read():
    state, problems = decode("#inputs=" + "1," * MAX_FRAGMENT)
    assert state is None and "characters long" in problems[0]


def test_a_state_gets_a_link_only_when_the_link_reads_back():
    """The page accepts a 500 x 500 paste; it must not write an address it cannot reopen."""
    row = " ".join(["0.25"] * 500)
    big = State(inputs="\n".join([row] * 500), layers=[layer_state(weights="1", biases="0")])
    fragment, why = link(big)
    assert fragment is None and f"{MAX_FRAGMENT:,}" in why and "kept in this browser" in why
    small = State(inputs="\n".join([row] * 100), layers=[layer_state(weights="1", biases="0")])
    fragment, why = link(small)
    assert why is None and decode(fragment)[0] == small


@pytest.mark.parametrize("fragment, words", [
    ("#inputs=1&inputs=2&weights=1&biases=0", "gives “inputs” twice"),
    ("#inputs=1&weights=1&biases=0&colour=red", "“colour” is not one Layer Lens knows"),
    ("#inputs=1&weights=%FF%FE&biases=0", "not valid percent-encoded"),
    ("#inputs=1&weights=1&biases=0&justakey", "has no “=”"),
    ("#inputs=1&weights=1&biases=0&weights3=1&biases3=2", "does not follow the layers"),
    ("#inputs=1&weights=1", "no Biases"),
    ("#weights=1&biases=2", "no Inputs"),
    ("#inputs=1&weights=1&biases=0&step=everything", "unknown step"),
    ("#inputs=1&weights=1&biases=0&weights1=2", "“weights1” is not one"),
    ("#inputs=1&weights=1&biases=0&hide=editors,bogus", "“bogus”, which Layer Lens does not know"),
])
def test_malformed_links_keep_what_they_can_and_say_what_they_left_out(fragment, words):
    state, problems = decode(fragment)
    assert state is not None
    assert any(words in problem for problem in problems), problems


def test_html_in_a_link_stays_text():
    state, _ = decode("#inputs=%3Cscript%3Ealert(1)%3C%2Fscript%3E&weights=1&biases=0")
    assert state.inputs == "<script>alert(1)</script>"


def test_long_keys_are_shortened_in_messages():
    _, problems = decode("#" + "k" * 500 + "=1&inputs=1&weights=1&biases=0")
    assert len(problems[0]) < 150


def test_embedding_flags():
    state, problems = decode("#inputs=1&weights=1&biases=0&hide=editors,text&step=product")
    assert state.hide == ("editors", "text") and state.step == "product" and problems == []


def test_the_gallery_walks_the_textbooks_path_in_order():
    # the knobs, by hand and with loops, then the dot product, NumPy for a neuron and a layer,
    # a batch, row times column vector, two layers: every number as the textbook prints it
    expected = [1.5, 3.0, -1.05, 3.5, 0.8, 2.3, 4.8, [4.8, 1.21, 2.385], 20, 4.8, [4.8, 1.21, 2.385],
                [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]], [[20]],
                [[0.5031, -1.04185, -2.03875], [0.2434, -2.7332, -5.7633], [-0.99314, 1.41254, -0.35655]]]
    assert len(EXAMPLES) == len(expected)
    for example, outputs in zip(EXAMPLES, expected):
        state, problems = decode("#" + example.fragment)
        assert problems == [] and state == example.state
        assert close(compute(state.inputs, state.layer_texts()).outputs, outputs), example.title
    assert EXAMPLES[DEFAULT_EXAMPLE].state == State()


def test_the_knobs_examples_are_the_seeds_five_graphs():
    # weight 1 bias 0; weight 2; weight -0.7; bias 2; bias -0.7
    knobs = [(float(e.state.layers[0]["weights"].strip("[]")), float(e.state.layers[0]["biases"]))
             for e in EXAMPLES[:5]]
    assert knobs == [(1.0, 0.0), (2.0, 0.0), (-0.7, 0.0), (1.0, 2.0), (1.0, -0.7)]


def test_each_example_shows_what_its_stage_adds():
    # no two examples look the same: the loops, then np.dot on the same numbers, then more
    from pycore.view import view
    shown = [view(example.state, use_numpy=False).steps for example in EXAMPLES]
    assert len(set(shown)) == len(shown)
    assert [example.state.view for example in EXAMPLES[5:8]] == ["loops"] * 3
    layer_by_hand, layer_np = shown[7], shown[10]
    assert "The loops: for each neuron" in layer_by_hand and "np.dot(weights, inputs)" in layer_np


@pytest.mark.parametrize("previous, neurons", [("[[1, 2, 3, 4]]", 1), ("[[1, 2], [3, 4]]", 2),
                                                (EXAMPLES[DEFAULT_EXAMPLE].state.layers[0]["weights"], 3),
                                                (repr([[0.5] * 4] * 7), 7)])
def test_a_new_layer_fits_the_previous_layers_outputs(previous, neurons):
    layer = new_layer(previous, 2)
    weights, biases = parse(layer["weights"], "weights2"), parse(layer["biases"], "biases2", 1)
    assert weights.shape == (neurons, neurons) and biases.shape == (neurons,)
    inputs = repr([[1.0] * len(parse(previous, "weights").values[0])] * 2)
    compute(inputs, [(previous, repr([0.0] * neurons)), (layer["weights"], layer["biases"])])  # no error


def test_after_three_neurons_the_new_layer_is_the_textbooks_next_page():
    layer = new_layer(EXAMPLES[DEFAULT_EXAMPLE].state.layers[0]["weights"], 2)
    assert layer == EXAMPLES[-1].state.layers[1]


def test_no_layer_after_a_single_neuron_and_the_page_says_why():
    assert "one row" in add_layer_problem(EXAMPLES[5].state)
    assert add_layer_problem(EXAMPLES[DEFAULT_EXAMPLE].state) == ""
