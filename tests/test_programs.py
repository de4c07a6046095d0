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
