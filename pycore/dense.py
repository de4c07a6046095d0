"""A dense layer, computed the way the textbook's loops compute it.

``forward`` checks the shapes (an InputError says what does not fit and how to
fix it), runs the pure-Python loops, and, when NumPy imports, also runs the
textbook's NumPy expression and checks that both agree.
"""

from __future__ import annotations

import math
import random

from . import engine_numpy
from .errors import InputError
from .fields import label
from .parse import Array, plural
from .trace import BATCH, BATCH_NEURON, LAYER, NEURON, LayerTrace, Trace

# Above this many multiply-adds the pure-Python loops run only on a sample of
# cells when NumPy computes the outputs (every cell would cost seconds).
FULL_CHECK_LIMIT = 2_000_000
SAMPLE_CELLS = 256
RELATIVE_TOLERANCE = 1e-9


def forward(inputs: Array, layers: list[tuple[Array, Array]], *, use_numpy: bool | None = None) -> Trace:
    """Run ``inputs`` through each (weights, biases) layer in turn."""
    np = engine_numpy.load() if use_numpy is not False else None
    if use_numpy and np is None:
        raise RuntimeError("NumPy was asked for but does not import")
    traces: list[LayerTrace] = []
    checked = 0
    for number, (weights, biases) in enumerate(layers, start=1):
        if number > 1:
            previous = traces[-1]
            if previous.outputs_shape == ():
                raise InputError(label("weights", number),
                                 f"layer {number - 1} is a single neuron, so it gives one plain "
                                 f"number; layer {number} needs a list of inputs. Give layer "
                                 f"{number - 1} a list of neurons: [[...], [...]].")
            inputs = Array(previous.outputs, previous.outputs_shape)
        trace, cells = _layer(number, inputs, weights, biases, np)
        traces.append(trace)
        checked += cells
    trace = Trace(traces, "numpy" if np is not None else "python",
                  numpy_version=np.__version__ if np is not None else None,
                  checked_cells=checked)
    finite_outputs(trace)
    return trace


def stage_of(inputs: Array, weights: Array, biases: Array, number: int = 1) -> str:
    """Which of the textbook's stages these shapes are, or an InputError saying what does not fit."""
    inputs_name = "Inputs" if number == 1 else f"the outputs of layer {number - 1}"
    weights_name, biases_name = label("weights", number), label("biases", number)
    if inputs.ndim == 0:
        raise InputError("Inputs", "this is a single number, but inputs are a list even for one "
                                   "feature: write [2] for one sample, [[1, 2], [3, 4]] for a batch.")
    if weights.ndim == 0:
        raise InputError(weights_name, "this is a single number, but a neuron has one weight per "
                                       "input: write a list such as [0.2, 0.8, -0.5].")
    features = inputs.shape[-1]
    per_neuron = weights.shape[-1]
    if per_neuron != features:
        one_per = "one per input feature" if number == 1 else f"one per output of layer {number - 1}"
        rows = "each row of " + weights_name if weights.ndim == 2 else weights_name
        fix = (f"each neuron needs {features} weights, {one_per}; {rows} has {per_neuron}.")
        if inputs.ndim == 2 and weights.ndim == 2:
            rule = (f"inputs {inputs.shape} and weightsᵀ {weights.shape[::-1]} do not fit the "
                    f"matrix product: the second dimension of the left matrix ({features}) must "
                    f"equal the first dimension of the right one ({per_neuron}), after "
                    "transposing the weights. ")
        else:
            rule = (f"weights {weights.shape} and inputs {inputs.shape} do not fit the dot "
                    f"product: each weight multiplies one input ({inputs_name} "
                    f"{'has' if number == 1 else 'are'} {plural(features, 'number')} per sample). ")
        raise InputError(weights_name, rule[0].upper() + rule[1:] + fix[0].upper() + fix[1:])
    if weights.ndim == 1:
        if biases.ndim != 0:
            raise InputError(biases_name, "a single neuron has one bias: write one plain number, "
                                          "such as 2.0, without brackets.")
        return NEURON if inputs.ndim == 1 else BATCH_NEURON
    neurons = weights.shape[0]
    if biases.ndim == 0 and neurons != 1:
        raise InputError(biases_name, f"{neurons} neurons need {neurons} biases, one each; "
                                      f"{biases_name} is a single number. Write a list such as "
                                      f"[{', '.join(['0.0'] * min(neurons, 3))}{', ...' if neurons > 3 else ''}].")
    if biases.ndim == 1 and biases.shape[0] != neurons:
        raise InputError(biases_name, f"{plural(neurons, 'neuron')} need{'s' if neurons == 1 else ''} "
                                      f"{plural(neurons, 'bias')}; "
                                      f"{biases_name} has {biases.shape[0]}.")
    return LAYER if inputs.ndim == 1 else BATCH


def _layer(number: int, inputs: Array, weights: Array, biases: Array, np) -> tuple[LayerTrace, int]:
    stage = stage_of(inputs, weights, biases, number)
    x, w, b = inputs.values, weights.values, biases.values
    bias_list = b if isinstance(b, list) else [b]
    if stage == BATCH:
        left, right, left_rows, right_columns = "inputs", "weights.T", x, w
    elif stage == LAYER:
        left, right, left_rows, right_columns = "weights", "inputs", w, [x]
    elif stage == NEURON:
        left, right, left_rows, right_columns = "weights", "inputs", [w], [x]
    else:  # BATCH_NEURON
        left, right, left_rows, right_columns = "inputs", "weights", x, [w]
    rows, columns = len(left_rows), len(right_columns)
    if stage == BATCH:
        bias_grid = [bias_list * 1 for _ in range(rows)]  # the bias row, added to every sample
    elif stage == LAYER:
        bias_grid = [[bias] for bias in (bias_list * rows if len(bias_list) == 1 else bias_list)]
    else:
        bias_grid = [[b] for _ in range(rows)]

    work = rows * columns * len(left_rows[0])
    checked = 0
    if np is None:
        product = dot_products(left_rows, right_columns)
        output_grid = add_biases(product, bias_grid)
    else:
        product, output_grid = engine_numpy.layer(np, stage, x, w, b)
        if work <= FULL_CHECK_LIMIT:
            cells = [(r, c) for r in range(rows) for c in range(columns)]
        else:
            cells = _sample_cells(rows, columns)
        for r, c in cells:
            _check_cell(number, left_rows[r], right_columns[c], bias_grid[r][c], output_grid[r][c])
        checked = len(cells)

    transposed = transpose(w) if stage == BATCH else None
    shape = {BATCH: (rows, columns), NEURON: ()}.get(stage, (rows,))
    trace = LayerTrace(number, stage, x, inputs.shape, w, weights.shape, b, biases.shape,
                       left, right, left_rows, right_columns, transposed, product, bias_grid,
                       output_grid, None, shape)
    trace.outputs = trace.shaped(output_grid)
    return trace, checked


def dot_products(left_rows: list[list], right_columns: list[list]) -> list[list]:
    """Every row of the left matrix dotted with every column of the right one:
    the matrix product, in the textbook's loops."""
    product = []
    for left_row in left_rows:
        product_row = []
        for right_column in right_columns:
            dot = 0
            for a, b in zip(left_row, right_column):
                dot += a * b
            product_row.append(dot)
        product.append(product_row)
    return product


def add_biases(product: list[list], bias_grid: list[list]) -> list[list]:
    return [[dot + bias for dot, bias in zip(row, biases)] for row, biases in zip(product, bias_grid)]


def transpose(matrix: list[list]) -> list[list]:
    """Rows become columns: row i of ``matrix`` is column i of the result."""
    return [list(column) for column in zip(*matrix)]


def _sample_cells(rows: int, columns: int) -> list[tuple[int, int]]:
    """Corners, the diagonal's start, and a fixed random spread: same cells every run."""
    chosen = {(0, 0), (0, columns - 1), (rows - 1, 0), (rows - 1, columns - 1)}
    picker = random.Random(rows * 1_000_003 + columns)
    while len(chosen) < min(SAMPLE_CELLS, rows * columns):
        chosen.add((picker.randrange(rows), picker.randrange(columns)))
    return sorted(chosen)


def _check_cell(number: int, left_row: list, right_column: list, bias, expected) -> None:
    dot = 0
    scale = abs(bias)
    for a, b in zip(left_row, right_column):
        dot += a * b
        scale += abs(a * b)
    got = dot + bias
    if abs(got - expected) > RELATIVE_TOLERANCE * max(scale, abs(got), abs(expected)):
        raise ArithmeticError(f"layer {number}: the Python loops give {got!r} but NumPy gives "
                              f"{expected!r}")


def finite_outputs(trace: Trace) -> None:
    """Products of huge finite numbers can still overflow; say so instead of showing inf."""
    for layer in trace.layers:
        for row in layer.output_grid:
            for value in row:
                if isinstance(value, float) and not math.isfinite(value):
                    raise InputError(label("weights", layer.number),
                                     f"layer {layer.number}'s outputs overflow to infinity: the "
                                     "numbers are too large to multiply. Use smaller numbers.")
