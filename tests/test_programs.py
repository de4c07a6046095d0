"""The Code region's programs run on CPython and print the outputs the page shows."""

import ast
import subprocess
import sys

import pytest
from helpers import close
from seed import STAGES

from pycore import compute
from pycore.programs import loops_program, numpy_program


def printed(program: str) -> str:
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True).stdout


def numbers(text: str):
    """NumPy prints arrays without commas: read them back as nested lists."""
    import numpy as np
    return np.array(ast.literal_eval(",".join(text.split()).replace("[,", "[").replace(",]", "]")
                                     )).tolist() if "[" in text else float(text)


@pytest.mark.parametrize("name", list(STAGES))
def test_loops_program_prints_exactly_the_pure_engines_outputs(name):
    inputs, layers, _ = STAGES[name]
    trace = compute(inputs, layers, use_numpy=False)
    assert printed(loops_program(trace)).strip() == repr(trace.outputs)


@pytest.mark.parametrize("name", list(STAGES))
def test_numpy_program_prints_the_outputs(name):
    inputs, layers, expected = STAGES[name]
    trace = compute(inputs, layers)
    program = numpy_program(trace)
    assert "np.dot(" in program
    assert close(numbers(printed(program)), expected, rel=1e-8)


def test_the_loops_are_the_seeds_own():
    program = loops_program(compute(*STAGES["layer of 3 neurons"][:2]))
    for line in ["layer_outputs = []", "for neuron_weights, neuron_bias in zip(weights, biases):",
                 "    for n_input, weight in zip(inputs, neuron_weights):",
                 "        neuron_output += n_input * weight", "    layer_outputs.append(neuron_output)"]:
        assert line in program.splitlines()
    single = loops_program(compute(*STAGES["single neuron, 3 inputs"][:2]))
    assert "bias = 2" in single and "for n_input, weight in zip(inputs, weights):" in single
    assert "output += bias" in single and "print(output)" in single


def test_the_loops_program_says_why_python_prints_more_digits():
    program = loops_program(compute(*STAGES["batch"][:2], use_numpy=False))
    assert "-1.8099999999999996" in program and "shows as" in program and "-1.81" in program
    assert "Same float" in program
    assert "every digit" not in loops_program(compute(*STAGES["row times column vector"][:2]))


def test_a_one_neuron_matrix_with_a_plain_bias_runs():
    # weights [[3, 4]] (one neuron, as a matrix) with the bias 5, which the page accepts
    trace = compute("[1, 2]", [("[[3, 4]]", "5")], use_numpy=False)
    assert printed(loops_program(trace)).strip() == repr(trace.outputs) == "[16]"
    assert close(numbers(printed(numpy_program(trace))), [16])


def test_integers_too_large_for_int64_stay_exact():
    big = "[2147483648, 2147483648, 2147483648]"
    trace = compute(big, [(big, "0")])
    assert trace.outputs == 3 * 2147483648**2 == 13835058055282163712
    assert printed(numpy_program(trace)).strip() == "13835058055282163712"
    assert printed(loops_program(trace)).strip() == "13835058055282163712"
