"""Every sentence the learner reads about a layer: one source for the page and the terminal.

A step's ``text`` is what both say; its ``hint`` is an instruction for the page
only (what to select or press), which the terminal leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .numfmt import PRECISION, flat, fmt, shape_text
from .stages import ACTIVATIONS
from .trace import LayerTrace, Trace

# The steps of a layer, in the order the page shows them (a layer has those its shapes call for).
STEP_KEYS = ("network", "shapes", "transpose", "product", "biases", "activation", "outputs")
# How the product step is told: NumPy's matrix product, or the textbook's loops.
VIEWS = ("numpy", "loops")


@dataclass(frozen=True)
class Step:
    key: str  # one of STEP_KEYS
    title: str
    text: tuple[str, ...]
    hint: str = ""  # for the page only


def plural(count: int, noun: str) -> str:
    """``plural(3, "bias")`` -> ``"3 biases"``; ``plural(1, "sample")`` -> ``"1 sample"``."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}es" if noun.endswith("s") else f"{count} {noun}s"


def count_words(count: int, noun: str) -> str:
    """``"one sample"`` for 1, ``"3 samples"`` otherwise: for sentences that start a count."""
    return f"one {noun}" if count == 1 else plural(count, noun)


def shape_words(shape: tuple[int, ...]) -> str:
    """A shape, with what () means where it appears."""
    return "() — a single number" if not shape else shape_text(shape)


def headline(layer: LayerTrace) -> str:
    k, m = layer.samples, layer.neurons
    samples = "one sample (a row vector)" if k == 1 else f"a batch of {plural(k, 'sample')}"
    what = layer.stage.headline.format(samples=samples, neurons=count_words(m, "neuron"))
    return f"Layer {layer.number}: {what}"


def row_label(layer: LayerTrace, r: int) -> str:
    return f"{layer.stage.rows} {r + 1}" if layer.stage.rows else "neuron"


def column_label(layer: LayerTrace, c: int) -> str:
    if layer.stage.columns:
        return f"{layer.stage.columns} {c + 1}"
    return "inputs" if layer.stage.right == "inputs" else "neuron"


def cell_label(layer: LayerTrace, r: int, c: int) -> str:
    """A product cell by what it pairs: ``sample 2 · neuron 3``."""
    return f"{row_label(layer, r)} · {column_label(layer, c)}"


def cell_pairs(layer: LayerTrace, r: int, c: int) -> str:
    """What a product cell's dot product pairs, in the operands' words."""
    if layer.stage.name == "batch":
        if layer.samples == 1 and layer.neurons == 1:
            return "the row vector inputs · the column vector weightsᵀ"
        return f"row {r + 1} of inputs · column {c + 1} of weightsᵀ"
    if layer.stage.left == "weights":
        return "its weights · the inputs"
    return "its inputs · the neuron's weights"


def _inputs_words(layer: LayerTrace) -> str:
    x, n = layer.inputs.shape, layer.features
    source = "" if layer.number == 1 else f" (the outputs of layer {layer.number - 1})"
    if len(x) == 1:
        return f"inputs {shape_text(x)}{source}: one sample with {plural(n, 'feature')}."
    if x[0] == 1:
        return (f"inputs {shape_text(x)}{source}: a row vector, one sample with "
                f"{plural(n, 'feature')}.")
    return f"inputs {shape_text(x)}{source}: {plural(x[0], 'sample')}, {plural(n, 'feature')} each."


def _parameters_words(layer: LayerTrace) -> list[str]:
    w, n = layer.weights.shape, layer.features
    one_per = "one per input feature" if layer.number == 1 else f"one per output of layer {layer.number - 1}"
    if len(w) == 2:
        neurons = (f"one neuron, a row of {plural(n, 'weight')}" if w[0] == 1 else
                   f"{plural(w[0], 'neuron')}, one row each, {plural(n, 'weight')} per neuron")
        words = [f"weights {shape_text(w)}: {neurons} ({one_per})."]
    else:
        words = [f"weights {shape_text(w)}: a single neuron, one weight per input feature."]
    if layer.biases is None:
        words.append("no biases: the Biases field is empty, so nothing is added to the dot products.")
    elif layer.biases.ndim == 1:
        words.append(f"biases {shape_text(layer.biases.shape)}: one bias per neuron.")
    else:
        words.append("bias () (a single number: shape ()): the neuron's one bias.")
    return words


def _transpose_words(layer: LayerTrace) -> list[str]:
    x, w = layer.inputs.shape, layer.weights.shape
    n, m = layer.features, w[0]
    fits = f"{n} = {n}, the shapes fit"
    if m == 1:
        rule_result = (f"{fits}; the result has shape {shape_text((x[0], 1))}"
                       + (": one number, the dot product of the two vectors." if x[0] == 1 else
                          ", one row per sample."))
        turn = (f"Transposing turns the row vector weights {shape_text((1, n))} into a column vector "
                f"weightsᵀ {shape_text((n, 1))}: its {plural(n, 'weight')} stand in one column.")
    else:
        rule_result = (f"{fits}; the result has shape {shape_text((x[0], m))}, one row per sample and "
                       "one column per neuron.")
        turn = ("Each row of weights holds one neuron's weights, but the product needs each neuron as "
                "a column. Transposing turns rows into columns: row j of weights becomes column j of "
                "weightsᵀ.")
    mismatch = (f"{n} ≠ {m}, the shapes do not fit." if n != m else
                f"{n} = {m}: the shapes would fit, but only because weights is square; the product would "
                "pair each sample with a column of weights, one weight from every neuron, which is not "
                "what a neuron computes.")
    return ["The matrix product pairs every row of the left matrix with every column of the right one, "
            "so the second dimension of the left matrix must equal the first dimension of the right one.",
            f"inputs {shape_text(x)} · weights {shape_text(w)}: {mismatch}",
            turn,
            f"inputs {shape_text(x)} · weightsᵀ {shape_text((n, m))}: {rule_result}"]


def steps(layer: LayerTrace, view: str = "numpy", previous: LayerTrace | None = None) -> list[Step]:
    """The steps of one layer; ``view`` "loops" tells the product as the textbook's loops;
    ``previous`` is the layer before it, whose activation decides what the two make."""
    stage = layer.stage
    rows, columns = layer.grid_shape
    count = rows * columns
    n, m = layer.features, layer.neurons
    network = (f"{count_words(n, 'input').capitalize()} on the left, {count_words(m, 'neuron')} on the "
               f"right: every input connects to every neuron, and each connection carries one weight "
               f"({plural(n * m, 'weight')} in all). A neuron multiplies each input by its weight, adds them "
               "up" + (", then adds its bias." if layer.biases is not None else "."))
    hint = "Blue edges carry positive weights, orange ones negative; the thicker, the larger."
    if m > 1:
        hint += " Select a neuron to light its weights everywhere on the page."
    if layer.samples > 1:
        hint += " The diagram shows one sample at a time."
    words = [network]
    if layer.weights.ndim == 1 and n == 1:
        words.append("With one input, the neuron draws a line: output = weight · input + bias. The weight is "
                     "its slope, the bias shifts it up or down; drag the sliders to turn the knobs.")
    if previous is not None:
        words.append(_chain_words(previous, layer))
    read = [_read_as_words(layer, name) for name in layer.read_as]
    out = [Step("network", "The network", tuple(words), hint),
           Step("shapes", "Shapes", (*read, _inputs_words(layer), *_parameters_words(layer)))]
    if stage.name == "batch":
        out.append(Step("transpose", "Why the weights are transposed", tuple(_transpose_words(layer))))
    cells = "one cell" if count == 1 else plural(count, "cell")
    product = stage.product_words.format(count=plural(count, "dot product"), cells=cells)
    if count == 1 and stage.name == "batch":
        n = layer.features
        product = ("The one cell is the dot product of the row vector inputs with the column vector "
                   f"weightsᵀ: a matrix product of shapes {shape_text((1, n))} and {shape_text((n, 1))} "
                   "gives a (1, 1) matrix.")
    if view == "loops":
        words = (f"The loops multiply each input by its weight and add the products up, one pair at a "
                 f"time: {plural(count, 'dot product')}, the very numbers "
                 f"{stage.expression(with_biases=False)} computes at once.")
        hint = "Select a line to see its sum written out." if count > 1 else ""
        out.append(Step("product", stage.loops_title, (words,), hint))
    else:
        hint = "Select a cell to see its terms." if count > 1 else ""
        out.append(Step("product", f"{stage.product_title}: {stage.expression(with_biases=False)}",
                        (product,), hint))
    if layer.biases is None:
        out.append(Step("biases", "No biases", ("The Biases field is empty, so the outputs are the dot "
                                                "products themselves, as in np.dot(a, b) with no bias.",)))
    else:
        out.append(Step("biases", f"Add the {stage.bias}: + {stage.bias}", (stage.bias_words,)))
    if layer.activation != "none":
        out.append(Step("activation", f"Activation: {ACTIVATIONS[layer.activation].title}, "
                                      f"{ACTIVATIONS[layer.activation].formula}", _activation_words(layer)))
    words = stage.outputs_words
    if layer.outputs_shape == (1, 1):
        words = "a 1×1 matrix holding one number, as a row vector times a column vector gives"
    after = f", after {ACTIVATIONS[layer.activation].title}" if layer.activation != "none" else ""
    out.append(Step("outputs", "Outputs", (f"Shape {shape_words(layer.outputs_shape)}: {words}{after}.",)))
    return out


def _read_as_words(layer: LayerTrace, name: str) -> str:
    value = (layer.inputs if name == "inputs" else layer.weights).values[0]
    what = "one sample with one feature" if name == "inputs" else "the one weight of a neuron with one input"
    return (f"{name.capitalize()} is the plain number {fmt(value)}: it is read as {what}, [{fmt(value)}], "
            "as np.dot reads a plain number.")


def _activation_words(layer: LayerTrace) -> tuple[str, ...]:
    activation = ACTIVATIONS[layer.activation]
    after = flat(layer.activated)
    changed = len(layer.activation_changed())
    total = len(after)
    counted = (f"{changed} of the {total} outputs changed (marked ✱); the rest pass on as they are."
               if activation.name == "relu" else
               f"{sum(1 for a in after if a == 1)} of the {total} outputs fire (1); the rest are 0.")
    return activation.words, counted


def _chain_words(previous: LayerTrace, layer: LayerTrace) -> str:
    """Why two layers in a row are (or are not) more than one."""
    a, b = previous.number, layer.number
    if previous.activation == "none":
        return (f"Layer {a} has no activation, so layers {a} and {b} together are still one linear layer: "
                f"multiplying by layer {a}'s weights and then by layer {b}'s is the same as multiplying once by "
                "their product, and the biases add up the same way. An activation between them (ReLU) is "
                "what makes two layers more than one.")
    name = ACTIVATIONS[previous.activation].title
    return (f"{name} between layers {a} and {b} bends what they compute: it is no longer a straight-line "
            "(linear) function of the inputs, so the two layers can compute what no single layer can.")


def exact_note(value) -> str:
    """Why a number in a sentence is not the float's every digit."""
    return (f"Shown to {PRECISION} decimals, as NumPy prints arrays; the float itself is "
            f"{fmt(value, full=True)}.")


def engine_note(trace: Trace, where: str = "browser") -> str:
    """Which engine computed the numbers shown. ``where``: "browser", "build" or "terminal"."""
    if where == "build":
        return ("Computed when this page was built, by the same pycore code and its pure-Python loops; "
                "Python in your browser takes over once it has loaded.")
    place = " in your browser" if where == "browser" else ""
    if trace.engine == "numpy":
        return (f"Computed{place} by NumPy {trace.numpy_version}, checked against the pure-Python loops "
                f"on {plural(trace.checked_cells, 'cell')}.")
    why = {"chosen": "as asked: --no-numpy" if where == "terminal" else "as asked",
           "missing": "NumPy is not installed" if where == "terminal" else "NumPy is not loaded"}
    reason = why.get(trace.engine_reason)
    return f"Computed{place} by the pure-Python loops" + (f" ({reason})." if reason else ".")
