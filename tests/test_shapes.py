"""Shape mistakes: each names both shapes, states the rule and says what would fix it."""

import pytest
from seed import BATCH, BIASES_3, INPUTS_4, WEIGHTS2, WEIGHTS_3x4

from pycore import InputError, compute


def refusal(inputs, layers) -> InputError:
    with pytest.raises(InputError) as caught:
        compute(inputs, layers)
    return caught.value


def test_batch_with_too_few_weights_per_neuron():
    error = refusal(BATCH, [("[[1, 2, 3], [4, 5, 6], [7, 8, 9]]", BIASES_3)])
    assert error.key == "weights"
    for words in ["(3, 4)", "(3, 3)", "second dimension of the left matrix",
                  "first dimension of the right one", "transposing",
                  "each neuron needs 4 weights, one per input feature", "has 3"]:
        assert words.lower() in error.message.lower()


def test_one_sample_with_too_many_weights():
    error = refusal(INPUTS_4, [("[[1, 2, 3, 4, 5]]", "[1]")])
    assert error.key == "weights"
    assert "each neuron needs 4 weights, one per input feature" in error.message.lower()
    assert "(1, 5)" in error.message and "(4,)" in error.message


def test_single_neuron_wrong_count():
    error = refusal("[1, 2, 3]", [("[0.2, 0.8]", "2")])
    assert "needs 3 weights" in error.message and "Weights has 2" in error.message


@pytest.mark.parametrize("biases, words", [
    ("[2, 3]", "3 neurons need 3 biases; Biases has 2"),
    ("[2, 3, 0.5, 1]", "3 neurons need 3 biases; Biases has 4"),
    ("2", "3 neurons need 3 biases, one each"),
])
def test_wrong_count_of_biases(biases, words):
    error = refusal(INPUTS_4, [(WEIGHTS_3x4, biases)])
    assert error.key == "biases" and words in error.message


def test_a_layer_after_a_single_neuron_says_how_to_chain_one():
    error = refusal(BATCH, [("[0.2, 0.8, -0.5, 1.0]", "2"), (WEIGHTS2, "[1, 2, 3]")])
    assert error.key == "weights2" and "[[...]]" in error.message and "one number per sample" in error.message


def test_errors_name_the_field_by_its_label_derived_from_its_key():
    error = refusal(BATCH, [(WEIGHTS_3x4, BIASES_3), (WEIGHTS2, "[1, 2]")])
    assert error.key == "biases2" and error.label == "Biases (layer 2)"
    assert error.message.startswith("Biases (layer 2): ")


def test_single_neuron_bias_in_brackets_says_what_numpy_would_do():
    error = refusal("[1, 2, 3]", [("[0.2, 0.8, -0.5]", "[2]")])
    assert error.key == "biases" and "write 2 without brackets" in error.message
    assert "NumPy would accept [2]" in error.message and "shape (1,)" in error.message
    error = refusal("[[1, 2, 3], [4, 5, 6]]", [("[0.2, 0.8, -0.5]", "[2]")])
    assert "the same 2 outputs" in error.message
    assert "one plain number" in refusal("[1, 2, 3]", [("[0.2, 0.8, -0.5]", "[2, 3]")]).message


def test_second_layer_names_its_own_field_and_the_first_layers_outputs():
    error = refusal(BATCH, [(WEIGHTS_3x4, BIASES_3), ("[[1, 2], [3, 4]]", "[1, 2]")])
    assert error.key == "weights2"
    assert "one per output of layer 1" in error.message
    error = refusal(BATCH, [(WEIGHTS_3x4, BIASES_3), (WEIGHTS2, "[1, 2]")])
    assert error.key == "biases2" and "Biases (layer 2) has 2" in error.message


def test_layer_after_a_single_neuron():
    error = refusal(INPUTS_4, [("[0.2, 0.8, -0.5, 1.0]", "2"), (WEIGHTS2, "[1, 2, 3]")])
    assert error.key == "weights2" and "single neuron" in error.message


def test_a_one_input_neuron_may_be_written_with_plain_numbers_and_the_page_says_so():
    trace = compute("2", [("[1.5]", "0.5")])
    assert trace.outputs == 3.5 and trace.layers[0].read_as == ("inputs",)
    trace = compute("2", [("1.5", "0.5")])
    assert trace.outputs == 3.5 and trace.layers[0].read_as == ("inputs", "weights")
    from pycore.render_text import render
    assert "Inputs is the plain number 2: it is read as one sample with one feature, [2]" in render(trace)


def test_plain_numbers_where_there_are_several_inputs_are_refused():
    assert refusal("2", [("[1, 2]", "0")]).key == "inputs"
    assert refusal("[2, 3]", [("1", "0")]).key == "weights"


def test_half_finished_edit_is_an_input_error_not_a_crash():
    # typing a matrix into Inputs while Weights still holds one neuron's vector is fine...
    trace = compute(BATCH, [("[0.2, 0.8, -0.5, 1.0]", "2")])
    assert trace.layers[0].stage_name == "batch_neuron" and len(trace.outputs) == 3
    # ...and a vector of the wrong length is an InputError
    assert refusal(BATCH, [("[0.2, 0.8, -0.5]", "2")]).key == "weights"


def test_fields_are_read_top_to_bottom():
    assert refusal("[1, x]", [("[1, y]", "z")]).key == "inputs"
    assert refusal("[1, 2]", [("[1, y]", "z")]).key == "weights"


def test_outputs_that_overflow_are_refused_naming_the_field_with_the_huge_numbers():
    error = refusal("[1e300, 1e300]", [("[1e300, 1e300]", "0")])
    assert "infinity" in error.message
    error = refusal("[1e308, 1e308, 3]", [("[1, 1, 1]", "0")])
    assert error.key == "inputs" and "Inputs holds numbers as large as 1e+308" in error.message
    error = refusal("[1, 2, 3]", [("[1e308, 1e308, 1]", "0")])
    assert error.key == "weights"
    error = refusal("[1, 2]", [("[[1, 1], [1, 1]]", "[0, 0]"), ("[[1e308, 1e308]]", "[0]")])
    assert error.key == "weights2"


def test_work_the_browser_could_not_finish_in_two_seconds_is_refused_before_it_starts():
    from pycore.dense import BROWSER_WORK_LIMIT, forward
    from pycore.parse import Array
    n = 256  # 256 x 256 through 256 neurons: 16,777,216 multiply-adds
    matrix = Array([[0.5] * n] * n, (n, n))
    with pytest.raises(InputError) as caught:
        forward(matrix, [(matrix, Array([0.0] * n, (n,)))], use_numpy=False, work_limit=BROWSER_WORK_LIMIT)
    assert caught.value.key == "weights" and "16,777,216 multiply-adds" in caught.value.message
    assert "at most 10,000,000" in caught.value.message and "about 3 s" in caught.value.message
    # NumPy, or the command line on CPython, has no such limit
    assert forward(matrix, [(matrix, Array([0.0] * n, (n,)))], use_numpy=True).outputs_shape == (n, n)
