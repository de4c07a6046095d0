"""The pure-Python loops and NumPy agree, and pycore works where NumPy is absent."""

import json
import math
import subprocess
import sys

from helpers import ROOT, close
from hypothesis import given, settings
from hypothesis import strategies as st

from pycore import compute
from pycore.dense import FULL_CHECK_LIMIT

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, width=64)
ints = st.integers(min_value=-1000, max_value=1000)


@st.composite
def layers(draw):
    k, n, m = draw(st.integers(1, 6)), draw(st.integers(1, 6)), draw(st.integers(1, 6))
    number = draw(st.sampled_from([finite, ints]))

    def matrix(r, c):
        return draw(st.lists(st.lists(number, min_size=c, max_size=c), min_size=r, max_size=r))

    inputs = matrix(k, n) if draw(st.booleans()) else matrix(1, n)[0]
    weights = matrix(m, n)
    biases = matrix(1, m)[0]
    return repr(inputs), repr(weights), repr(biases)


@settings(max_examples=200, deadline=None)
@given(layers())
def test_loops_and_numpy_agree(fields):
    inputs, weights, biases = fields
    loops = compute(inputs, [(weights, biases)], use_numpy=False)
    numpy = compute(inputs, [(weights, biases)], use_numpy=True)
    assert numpy.checked_cells == math.prod(numpy.layers[0].grid_shape)
    scale = 1e-9 * max(1.0, max(abs(v) for v in _flat(loops.layers[0].left_rows())) ** 2 * 10)
    assert close(loops.outputs, numpy.outputs, rel=1e-9, abs_=scale)
    assert loops.outputs_shape == numpy.outputs_shape


def _flat(values):
    for v in values:
        yield from _flat(v) if isinstance(v, list) else [v]


def test_large_layers_check_a_sample_of_cells():
    n = 200
    matrix = repr([[(i * 7 + j * 3) % 11 / 10 for j in range(n)] for i in range(n)])
    trace = compute(matrix, [(matrix, repr([0.5] * n))], use_numpy=True)
    assert n ** 3 > FULL_CHECK_LIMIT
    assert 0 < trace.checked_cells < n * n


NO_NUMPY = """
import builtins, json, sys
real_import = builtins.__import__
def refuse_numpy(name, *args, **kwargs):
    if name == "numpy" or name.startswith("numpy."):
        raise ImportError("no NumPy here (like the browser without its wheel)")
    return real_import(name, *args, **kwargs)
builtins.__import__ = refuse_numpy
sys.path.insert(0, sys.argv[1])
from pycore import compute
from pycore import render_html, render_text
from seed import STAGES
result = {}
for name, (inputs, layers, expected) in STAGES.items():
    trace = compute(inputs, layers)
    render_html.render(trace); render_text.render(trace)
    result[name] = [trace.engine, trace.outputs, expected]
print(json.dumps(result))
"""


def test_pycore_computes_without_numpy():
    done = subprocess.run([sys.executable, "-c", NO_NUMPY, str(ROOT)], capture_output=True, text=True,
                          cwd=ROOT / "tests", check=True)
    result = json.loads(done.stdout)
    assert result, "no stage ran"
    for name, (engine, outputs, expected) in result.items():
        assert engine == "python", name
        assert close(outputs, expected), name


def test_integers_beyond_int64_are_computed_exactly_by_numpy_too():
    # NumPy's int64 would wrap around; pycore hands NumPy Python's own integers
    big = "[2147483648, 2147483648, 2147483648]"
    numpy = compute(big, [(big, "0")], use_numpy=True)
    assert numpy.outputs == compute(big, [(big, "0")], use_numpy=False).outputs == 13835058055282163712
    batch = compute(f"[{big}, [1, 2, 3]]", [(f"[{big}]", "[5]")], use_numpy=True)
    assert batch.outputs == [[13835058055282163717], [12884901893]]
