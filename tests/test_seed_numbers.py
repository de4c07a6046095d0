"""Every number the textbook prints, by the loops and by NumPy."""

import pytest
from helpers import close
from seed import STAGES

from pycore import compute
from pycore.numfmt import fmt, format_array


@pytest.mark.parametrize("use_numpy", [False, True], ids=["loops", "numpy"])
@pytest.mark.parametrize("name", list(STAGES))
def test_seed_outputs(name, use_numpy):
    inputs, layers, expected = STAGES[name]
    trace = compute(inputs, layers, use_numpy=use_numpy)
    assert trace.engine == ("numpy" if use_numpy else "python")
    assert close(trace.outputs, expected)


@pytest.mark.parametrize("use_numpy", [False, True], ids=["loops", "numpy"])
def test_seed_numbers_print_as_the_textbook_prints_them(use_numpy):
    inputs, layers, _ = STAGES["batch"]
    trace = compute(inputs, layers, use_numpy=use_numpy)
    assert format_array(trace.outputs).text() == ("[[ 4.8    1.21   2.385]\n"
                                                  " [ 8.9   -1.81   0.2  ]\n"
                                                  " [ 1.41   1.051  0.026]]")


def test_integer_examples_stay_integers():
    # the textbook prints 20 and array([[20]]), not 20.0
    assert compute("[1, 2, 3]", [("[2, 3, 4]", "0")]).outputs == 20
    assert format_array(compute("[[1, 2, 3]]", [("[[2, 3, 4]]", "")]).outputs).text() == "[[20]]"


def test_the_layer_dot_products_before_the_biases():
    # the textbook: np.dot(weights, inputs) = [2.8, -1.79, 1.885]
    inputs, layers, _ = STAGES["layer of 3 neurons"]
    layer = compute(inputs, layers).layers[0]
    assert [fmt(d) for d in layer.dots] == ["2.8", "-1.79", "1.885"]
    assert layer.stage.name == "layer"


def test_the_textbook_figure_for_one_dot_product():
    # 1.0*0.2 + 2.0*0.8 + 3.0*-0.5 + 2.5*1.0 = 2.8, then + 2.0 = 4.8: input × weight
    inputs, layers, _ = STAGES["batch"]
    cell = compute(inputs, layers, use_numpy=False).layers[0].cell(0, 0)
    assert cell.terms == ((1.0, 0.2), (2.0, 0.8), (3.0, -0.5), (2.5, 1.0))
    assert fmt(cell.dot) == "2.8" and cell.bias == 2.0 and fmt(cell.output) == "4.8"


def test_one_sample_through_a_layer_writes_input_times_weight_too():
    inputs, layers, _ = STAGES["layer of 3 neurons"]
    cell = compute(inputs, layers).layers[0].cell(1, 0)  # neuron 2
    assert cell.terms == ((1.0, 0.5), (2.0, -0.91), (3.0, 0.26), (2.5, -0.5))
    assert (cell.sample, cell.neuron) == (0, 1)


def test_batch_transposes_the_weights_row_to_column():
    inputs, layers, _ = STAGES["batch"]
    layer = compute(inputs, layers).layers[0]
    assert layer.stage.name == "batch"
    for j, row in enumerate(layer.weights.values):
        assert [r[j] for r in layer.transposed()] == row  # row j became column j
    assert layer.inputs.shape == (3, 4) and layer.weights.shape == (3, 4)
    assert layer.outputs_shape == (3, 3)


def test_biases_are_broadcast_to_every_row():
    inputs, layers, _ = STAGES["batch"]
    layer = compute(inputs, layers).layers[0]
    assert layer.broadcast_biases() == [[2.0, 3.0, 0.5]] * 3


def test_chained_layers_feed_outputs_forward():
    inputs, layers, _ = STAGES["two layers"]
    trace = compute(inputs, layers)
    assert trace.layers[1].inputs.values == trace.layers[0].outputs


def test_the_dot_product_without_a_bias():
    # the seed's a · b = 20 has no bias: an empty Biases field adds none
    trace = compute("[1, 2, 3]", [("[2, 3, 4]", "")])
    assert trace.outputs == 20 and trace.layers[0].biases is None
    assert trace.layers[0].expression == "np.dot(weights, inputs)"
