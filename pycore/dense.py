"""A dense layer, computed the way the textbook's loops compute it.

``forward`` checks the shapes (an InputError says what does not fit and how to
fix it), runs the pure-Python loops, and, when NumPy imports, also runs the
textbook's NumPy expression and checks that both agree.
"""

from __future__ import annotations

import math
import random

from . import engine_numpy
from .errors import InputError, field_key, field_label
from .keep import Recent
from .numfmt import flat
from .parse import Array, decimal_comma_note, read_fields
from .stages import ACTIVATIONS, Activation, Stage, stage_for
from .steps import plural
from .trace import LayerTrace, Trace

# The pure-Python loops in a browser do about 5 million multiply-adds a second (Pyodide
# on a 2-core laptop, measured by the bench): past this many, a page would wait over 2 s.
BROWSER_WORK_LIMIT = 10_000_000
BROWSER_RATE = 5_000_000  # multiply-adds a second, for the message

# Above this many multiply-adds the pure-Python loops run only on a sample of
# cells when NumPy computes the outputs (every cell would cost seconds).
FULL_CHECK_LIMIT = 2_000_000
SAMPLE_CELLS = 256
RELATIVE_TOLERANCE = 1e-9


def compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None,
            activations: list[str] | None = None) -> Trace:
    """Field texts -> trace. ``layers`` is a list of (weights text, biases text),
    layer 1 first. Raises the first InputError on the page, top to bottom."""
    parsed_inputs, parsed_layers, errors = read_fields(inputs, layers)
    if errors:
        raise errors[0]
    return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy, texts=(inputs, layers),
                   activations=activations)


def forward(inputs: Array, layers: list[tuple[Array, Array | None]], *,
            use_numpy: bool | None = None, texts: tuple[str, list[tuple[str, str]]] | None = None,
            activations: list[str] | None = None, work_limit: int | None = None) -> Trace:
    """Run ``inputs`` through each (weights, biases) layer in turn; ``activations``
    names each layer's activation ("none" where not given). ``use_numpy``:
    None uses NumPy when it imports, False the loops only, True NumPy or an error.
    ``texts``, when given, is the fields as typed, (inputs text, [(weights text, biases
    text), ...]) as read_fields takes them: a count that does not fit then says
    whether a decimal comma (``-0,5``, two numbers to Python) would explain it."""
    field_texts: dict[str, str] = {}
    if texts is not None:
        field_texts["inputs"] = texts[0]
        for number, (weights_text, biases_text) in enumerate(texts[1], start=1):
            field_texts[field_key("weights", number)] = weights_text
            field_texts[field_key("biases", number)] = biases_text
    activations = activations or []
    np = engine_numpy.load() if use_numpy is not False else None
    if use_numpy and np is None:
        raise RuntimeError("NumPy was asked for but does not import")
    if np is None and work_limit is not None:
        _check_work(inputs, layers, work_limit)
    traces: list[LayerTrace] = []
    checked = 0
    for number, (weights, biases) in enumerate(layers, start=1):
        if number > 1:
            previous = traces[-1]
            if previous.weights.ndim == 1:
                one = "one number" if not previous.outputs_shape else "one number per sample"
                raise InputError(field_key("weights", number),
                                 f"layer {number - 1} is a single neuron (its weights are one list), so it "
                                 f"gives {one}; layer {number} needs a list of outputs per sample. To "
                                 f"chain a layer, write layer {number - 1}'s weights as a matrix with one "
                                 "row: [[...]].")
            inputs = Array(previous.result, previous.outputs_shape)
        activation = activations[number - 1] if number <= len(activations) else "none"
        trace, cells = _layer(number, inputs, weights, biases, np, field_texts, ACTIVATIONS[activation])
        traces.append(trace)
        checked += cells
    if np is not None:
        return Trace(layers=tuple(traces), engine="numpy", numpy_version=np.__version__, checked_cells=checked)
    return Trace(layers=tuple(traces), engine="python", engine_reason="chosen" if use_numpy is False else "missing")


def stage_of(inputs: Array, weights: Array, biases: Array | None, number: int = 1, *,
             texts: dict[str, str] | None = None) -> Stage:
    """Which of the textbook's stages these shapes are, or an InputError saying what does not fit.
    ``texts`` (field key -> the text typed in that field), when given, lets a count that
    does not fit say that a decimal comma would explain it."""
    def note(key: str, fits: int, where: str = "") -> str:
        text = (texts or {}).get(key)
        sentence = decimal_comma_note(text, fits) if text else ""
        return f" {where}{sentence}" if sentence else ""

    inputs_name = "Inputs" if number == 1 else f"the outputs of layer {number - 1}"
    weights_key, biases_key = field_key("weights", number), field_key("biases", number)
    weights_name, biases_name = field_label(weights_key), field_label(biases_key)
    if inputs.ndim == 0:
        raise InputError("inputs", "this is a single number, but inputs are a list even for one "
                                   "feature: write [2] for one sample, [[1, 2], [3, 4]] for a batch.")
    if weights.ndim == 0:
        raise InputError(weights_key, "this is a single number, but a neuron has one weight per "
                                      "input: write a list such as [0.2, 0.8, -0.5].")
    features = inputs.shape[-1]
    per_neuron = weights.shape[-1]
    if per_neuron != features:
        one_per = "one per input feature" if number == 1 else f"one per output of layer {number - 1}"
        rows = "each row of " + weights_name if weights.ndim == 2 else weights_name
        fix = f"each neuron needs {features} weights, {one_per}; {rows} has {per_neuron}."
        if inputs.ndim == 2 and weights.ndim == 2:
            rule = (f"inputs {inputs.shape} and weightsᵀ {weights.shape[::-1]} do not fit the "
                    f"matrix product: the second dimension of the left matrix ({features}) must "
                    f"equal the first dimension of the right one ({per_neuron}), after "
                    "transposing the weights. ")
        else:
            rule = (f"weights {weights.shape} and inputs {inputs.shape} do not fit the dot "
                    f"product: each weight multiplies one input ({inputs_name} "
                    f"{'has' if number == 1 else 'are'} {plural(features, 'number')} per sample). ")
        hint = note(weights_key, features) or (note("inputs", per_neuron, "In Inputs, ") if number == 1 else "")
        raise InputError(weights_key, rule[0].upper() + rule[1:] + fix[0].upper() + fix[1:] + hint)
    if biases is not None:
        if weights.ndim == 1 and biases.ndim != 0:
            if biases.shape == (1,):  # valid NumPy: say what NumPy would do with it
                value = biases.values[0]
                result = ("an array of shape (1,) holding the output, not the plain number a single "
                          "neuron gives" if inputs.ndim == 1 else
                          f"the same {inputs.shape[0]} outputs, because it adds {value} to each (broadcasting)")
                raise InputError(biases_key, f"a single neuron's one bias is a plain number: write {value} "
                                             f"without brackets. (NumPy would accept [{value}]: "
                                             f"np.dot(weights, inputs) + [{value}] gives {result}. For a layer "
                                             "of one neuron, write the weights as a matrix, [[...]], and "
                                             "keep the brackets.)")
            raise InputError(biases_key, "a single neuron has one bias: write one plain number, "
                                         "such as 2.0, without brackets." + note(biases_key, 1))
        neurons = weights.shape[0] if weights.ndim == 2 else 1
        if weights.ndim == 2 and biases.ndim == 0 and neurons != 1:
            raise InputError(biases_key, f"{neurons} neurons need {neurons} biases, one each; "
                                         f"{biases_name} is a single number. Write a list such as "
                                         f"[{', '.join(['0.0'] * min(neurons, 3))}{', ...' if neurons > 3 else ''}].")
        if biases.ndim == 1 and biases.shape[0] != neurons:
            raise InputError(biases_key, f"{plural(neurons, 'neuron')} need{'s' if neurons == 1 else ''} "
                                         f"{plural(neurons, 'bias')}; {biases_name} has {biases.shape[0]}."
                                         + note(biases_key, neurons))
    # Whole numbers stay exact, as in Python: refuse the few a layer cannot compute with.
    whole = {}  # name -> (field key, largest magnitude), for the fields of whole numbers
    present = [(array, key, name) for array, key, name in (
        (inputs, "inputs" if number == 1 else weights_key, inputs_name),
        (weights, weights_key, weights_name), (biases, biases_key, biases_name)) if array is not None]
    for array, key, name in present:
        numbers = flat(array.values)
        if all(isinstance(v, int) for v in numbers):
            whole[name] = (key, max(map(abs, numbers)))
    for name, (key, largest) in whole.items():
        if len(whole) < len(present) and largest.bit_length() > 1000:  # meets floats: as NumPy, all floats
            try:
                float(largest)
            except OverflowError:
                raise InputError(key, f"{name} holds a whole number too large for a float (beyond about "
                                      "1.8e308), and another field holds decimals: together they compute "
                                      "as floats, as in NumPy, and this one overflows. Use smaller "
                                      "numbers.") from None
    if inputs_name in whole and weights_name in whole:
        digits = sum(whole[name][1].bit_length() for name in (inputs_name, weights_name)) * 0.30103
        if digits + len(str(features)) > 4_300:  # Python prints whole numbers of at most 4,300 digits
            name = max((inputs_name, weights_name), key=lambda n: whole[n][1])
            raise InputError(whole[name][0], f"{name} holds whole numbers so long that the outputs would "
                                             "have more than 4,300 digits, more than Python prints. Use "
                                             "shorter numbers, or decimals such as 1.5e300.")
    return stage_for(inputs.ndim, weights.ndim)


def _layer(number: int, inputs: Array, weights: Array, biases: Array | None, np,
           texts: dict[str, str] | None = None,
           activation: Activation = ACTIVATIONS["none"]) -> tuple[LayerTrace, int]:
    inputs, weights, read_as = one_input(inputs, weights)
    stage = stage_of(inputs, weights, biases, number, texts=texts)
    shell = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=None, outputs=None)
    rows, columns = shell.grid_shape
    left, right = shell.left_rows(), shell.right_columns()
    bias_grid = shell.bias_grid()
    checked = 0
    if np is None:
        dots = _dots_again(inputs, weights, lambda: [[dot(left_row, right_column) for right_column in right]
                                                     for left_row in left])
        outputs = dots if bias_grid is None else [
            [d + b for d, b in zip(dot_row, bias_row)] for dot_row, bias_row in zip(dots, bias_grid)]
        activated = None if activation.name == "none" else [[activation.apply(v) for v in row] for row in outputs]
        dots, outputs = _shaped(shell, dots), _shaped(shell, outputs)
        activated = None if activated is None else _shaped(shell, activated)
    else:
        dots, outputs, activated = engine_numpy.layer(np, stage, inputs.values, weights.values,
                                                      None if biases is None else biases.values, activation)
        dots_grid, outputs_grid = shell.as_grid(dots), shell.as_grid(outputs)
        activated_grid = None if activated is None else shell.as_grid(activated)
        work = rows * columns * len(left[0])
        cells = ([(r, c) for r in range(rows) for c in range(columns)] if work <= FULL_CHECK_LIMIT
                 else _sample_cells(rows, columns))
        for r, c in cells:
            bias = 0 if bias_grid is None else bias_grid[r][c]
            _check_cell(number, left[r], right[c], bias, dots_grid[r][c], outputs_grid[r][c])
            if activated_grid is not None and activation.apply(outputs_grid[r][c]) != activated_grid[r][c]:
                raise ArithmeticError(f"layer {number}: {activation.title} of {outputs_grid[r][c]!r} gives "
                                      f"{activation.apply(outputs_grid[r][c])!r} in Python, {activated_grid[r][c]!r} "
                                      "in NumPy")
        checked = len(cells)
    trace = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=dots, outputs=outputs, activation=activation.name,
                       activated=activated, read_as=read_as)
    _finite(trace)
    return trace, checked


def _check_work(inputs: Array, layers: list, limit: int) -> None:
    """Refuse, before starting, what the loops could not finish in about 2 s."""
    samples = inputs.shape[0] if inputs.ndim == 2 else 1
    features = inputs.shape[-1] if inputs.ndim else 1
    total = 0
    for number, (weights, _) in enumerate(layers, start=1):
        if weights is None or weights.ndim == 0:
            return
        neurons = weights.shape[0] if weights.ndim == 2 else 1
        total += samples * features * neurons
        if total > limit:
            seconds = total / BROWSER_RATE
            raise InputError(field_key("weights", number),
                             f"these fields need {total:,} multiply-adds; Python in your browser does about "
                             f"{BROWSER_RATE // 1_000_000} million a second, so this would take about "
                             f"{seconds:.0f} s while the page waits. Layer Lens computes at most {limit:,} in "
                             "the browser: use fewer samples, features or neurons (the command line, python3 -m "
                             "pycore, has no such limit).")
        features = neurons


def one_input(inputs: Array, weights: Array) -> tuple[Array, Array, tuple[str, ...]]:
    """A neuron with one input, written with plain numbers (input 2, weight 0.5), as a
    learner trying the seed's first figures will: each plain number is read as a list of
    one, as NumPy's dot would treat it. Returns the arrays and which of them were read so."""
    read_as = []
    if inputs.ndim == 0 and (weights.ndim == 0 or weights.shape == (1,)):
        inputs, read_as = Array([inputs.values], (1,)), ["inputs"]
    if weights.ndim == 0 and inputs.shape in ((1,), ()):
        weights = Array([weights.values], (1,))
        read_as.append("weights")
    return inputs, weights, tuple(read_as)


_DOTS = Recent(4)  # the loops' dot products of the last few (inputs, weights)


def _dots_again(inputs: Array, weights: Array, make):
    """The loops' dot products, kept for the last few (inputs, weights): an edit of the
    biases (or of a later layer) does not multiply everything again. The arrays come
    from the reader's own memory of unchanged fields, so the same text is the same object."""
    return _DOTS.get((id(inputs.values), id(weights.values)), make, inputs.values, weights.values)


def dot(a: list, b: list):
    """The dot product, added up as the textbook's loop adds it."""
    total = 0
    for x, y in zip(a, b):
        total += x * y
    return total


def _shaped(shell: LayerTrace, cells: list[list]):
    """A product grid in the outputs' shape: a column reads as a vector, one cell as a number."""
    stage = shell.stage
    if not stage.rows and not stage.columns:
        return cells[0][0]
    if not stage.columns:
        return [row[0] for row in cells]
    return cells


def _sample_cells(rows: int, columns: int) -> list[tuple[int, int]]:
    """Corners and a fixed random spread: the same cells every run."""
    chosen = {(0, 0), (0, columns - 1), (rows - 1, 0), (rows - 1, columns - 1)}
    picker = random.Random(rows * 1_000_003 + columns)
    while len(chosen) < min(SAMPLE_CELLS, rows * columns):
        chosen.add((picker.randrange(rows), picker.randrange(columns)))
    return sorted(chosen)


def _check_cell(number: int, left_row: list, right_column: list, bias, numpy_dot, numpy_output) -> None:
    total = dot(left_row, right_column)
    scale = sum(abs(x * y) for x, y in zip(left_row, right_column))  # how large rounding can make a gap
    got, scale = total + bias, scale + abs(bias)
    for ours, theirs in ((total, numpy_dot), (got, numpy_output)):
        if abs(ours - theirs) > RELATIVE_TOLERANCE * max(scale, abs(ours), abs(theirs)):
            raise ArithmeticError(f"layer {number}: the Python loops give {ours!r} but NumPy gives {theirs!r}")


def _finite(layer: LayerTrace) -> None:
    """Products of huge finite numbers can still overflow; say so, naming the field that
    holds the huge numbers, instead of showing inf."""
    if all(not isinstance(v, float) or math.isfinite(v) for v in flat(layer.outputs)):
        return
    number = layer.number
    largest = {name: max((abs(v) for v in flat(array.values)), default=0)
               for name, array in (("inputs", layer.inputs), ("weights", layer.weights), ("biases", layer.biases))
               if array is not None}
    culprit = max(largest, key=largest.get)
    size = f"{largest[culprit]:.3g}"
    if culprit == "inputs" and number > 1:
        key, whose = field_key("weights", number), f"layer {number - 1}'s outputs, which reach {size}"
    elif culprit == "inputs":
        key, whose = "inputs", f"Inputs holds numbers as large as {size}"
    else:
        key = field_key(culprit, number)
        whose = f"{field_label(key)} holds numbers as large as {size}"
    raise InputError(key, f"layer {number}'s outputs overflow to infinity: {whose}, too large to multiply "
                          "and add within a float's range (about 1.8e308). Use smaller numbers.")
