"""The URL fragment: one table drives reading and writing; links are untrusted."""

import pytest
from helpers import close
from hypothesis import given, settings
from hypothesis import strategies as st

from pycore import compute
from pycore.examples import EXAMPLES
from pycore.state import HIDE_CHOICES, MAX_FRAGMENT, MAX_LAYERS, STEP_CHOICES, State, decode, encode

texts = st.text(max_size=40)


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(texts, texts), min_size=1, max_size=MAX_LAYERS),
       st.lists(st.sampled_from(HIDE_CHOICES), unique=True).map(tuple),
       st.none() | st.sampled_from(STEP_CHOICES))
def test_any_field_texts_survive_encode_then_decode_exactly(inputs, layers, hide, step):
    hide = tuple(choice for choice in HIDE_CHOICES if choice in hide)
    state = State(inputs, layers, hide, step)
    decoded, problems = decode("#" + encode(state))
    assert problems == []
    assert decoded == state


def test_the_contract_keys_and_readable_values():
    state = State("[1, 2]", [("[[1, 2]]", "[0]"), ("[[3]]", "[1]")])
    assert encode(state) == "inputs=[1,%202]&weights=[[1,%202]]&biases=[0]&weights2=[[3]]&biases2=[1]"


def test_a_link_typed_by_hand_with_fully_encoded_values():
    state, problems = decode("#inputs=%5B1%2C%202%5D&weights=%5B3%2C%204%5D&biases=5")
    assert problems == [] and state == State("[1, 2]", [("[3, 4]", "5")])


def test_plus_is_a_plus_not_a_space():
    state, _ = decode("#inputs=[1e+3]&weights=[1]&biases=0")
    assert state.inputs == "[1e+3]"


def test_no_fragment_means_no_state():
    assert decode("") == (None, [])
    assert decode("#") == (None, [])


def test_oversized_link_is_not_read():
    state, problems = decode("#inputs=" + "1," * MAX_FRAGMENT)
    assert state is None and "characters long" in problems[0]


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
    state, problems = decode("#inputs=1&weights=1&biases=0&hide=editors,text,bogus&step=product")
    assert state.hide == ("editors", "text") and state.step == "product" and problems == []


def test_the_gallery_walks_the_textbooks_path_in_order():
    titles = [example.title for example in EXAMPLES]
    assert titles == ["A single neuron", "4 inputs", "A layer of 3 neurons", "The layer with np.dot",
                      "A batch of 3 samples", "Row vector × column vector", "Two layers"]
    expected = [2.3, 4.8, [4.8, 1.21, 2.385], [4.8, 1.21, 2.385],
                [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]], [[20]],
                [[0.5031, -1.04185, -2.03875], [0.2434, -2.7332, -5.7633], [-0.99314, 1.41254, -0.35655]]]
    for example, outputs in zip(EXAMPLES, expected):
        state, problems = decode("#" + example.fragment)
        assert problems == [] and state == example.state
        assert close(compute(state.inputs, state.layers).outputs, outputs), example.title
