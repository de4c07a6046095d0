"""What each step says, in words: one source for the terminal and the page."""

from __future__ import annotations

from dataclasses import dataclass

from .parse import plural
from .trace import BATCH, BATCH_NEURON, LAYER, NEURON, LayerTrace


@dataclass(frozen=True)
class Step:
    key: str  # shapes | transpose | product | biases | outputs
    title: str
    text: list[str]


def shape_text(shape: tuple[int, ...]) -> str:
    return "()" if not shape else "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def headline(layer: LayerTrace) -> str:
    k = layer.inputs_shape[0] if len(layer.inputs_shape) == 2 else 1
    m = layer.weights_shape[0] if len(layer.weights_shape) == 2 else 1
    what = {
        NEURON: "one sample through a single neuron",
        LAYER: f"one sample through a layer of {plural(m, 'neuron')}",
        BATCH: f"a batch of {plural(k, 'sample')} through a layer of {plural(m, 'neuron')}",
        BATCH_NEURON: f"a batch of {plural(k, 'sample')} through a single neuron",
    }[layer.stage]
    return f"Layer {layer.number}: {what}"


def row_label(layer: LayerTrace, r: int) -> str:
    return f"sample {r + 1}" if layer.left == "inputs" else f"neuron {r + 1}"


def column_label(layer: LayerTrace, c: int) -> str:
    return {BATCH: f"neuron {c + 1}", BATCH_NEURON: "neuron"}.get(layer.stage, "inputs")


def steps(layer: LayerTrace) -> list[Step]:
    x, w, b = layer.inputs_shape, layer.weights_shape, layer.biases_shape
    n = x[-1]
    source = "" if layer.number == 1 else f" (the outputs of layer {layer.number - 1})"
    out = []
    if len(x) == 2:
        shapes = [f"inputs {shape_text(x)}{source}: {plural(x[0], 'sample')}, "
                  f"{plural(n, 'feature')} each."]
    else:
        shapes = [f"inputs {shape_text(x)}{source}: one sample with {plural(n, 'feature')}."]
    if len(w) == 2:
        shapes.append(f"weights {shape_text(w)}: {plural(w[0], 'neuron')}, one row each, "
                      f"{plural(n, 'weight')} per neuron (one per input feature).")
        shapes.append(f"biases {shape_text(b)}: one bias per neuron.")
    else:
        shapes.append(f"weights {shape_text(w)}: a single neuron, one weight per input feature.")
        shapes.append("bias: one number, the neuron's bias.")
    out.append(Step("shapes", "Shapes", shapes))

    rows, columns = layer.grid_shape
    if layer.stage == BATCH:
        m = w[0]
        why = ["The matrix product pairs every row of the left matrix with every column of the "
               "right one, so the second dimension of the left matrix must equal the first "
               "dimension of the right one.",
               f"inputs {shape_text(x)} · weights {shape_text(w)}: "
               + (f"{n} ≠ {m}, the shapes do not fit." if n != m else
                  f"{n} = {m}: the shapes would fit, but only because weights is square; the "
                  "product would pair each sample with a column of weights, one weight from "
                  "every neuron, which is not what a neuron computes."),
               "Each row of weights holds one neuron's weights, but the product needs each "
               "neuron as a column. Transposing turns rows into columns: row j of weights "
               "becomes column j of weightsᵀ.",
               f"inputs {shape_text(x)} · weightsᵀ {shape_text((n, m))}: {n} = {n}, the shapes "
               f"fit; the result has shape {shape_text((x[0], m))}, one row per sample and one "
               f"column per neuron."]
        out.append(Step("transpose", "Why the weights are transposed", why))
        out.append(Step("product", "The matrix product: np.dot(inputs, np.array(weights).T)",
                        [f"Each of the {rows * columns} cells is the dot product of one sample "
                         "(a row of inputs) with one neuron's weights (a column of weightsᵀ). "
                         "Select a cell to see its terms."]))
        out.append(Step("biases", "Add the biases: + biases",
                        ["The bias vector is added to every row: bias j goes to column j, so "
                         "every sample gets neuron j's bias."]))
    elif layer.stage == LAYER:
        out.append(Step("product", "The dot products: np.dot(weights, inputs)",
                        [f"With one sample no transposition is needed: np.dot takes each row of "
                         f"weights (one neuron) and dots it with the inputs, giving "
                         f"{plural(rows, 'dot product')}, one per neuron. Select one to see "
                         "its terms."]))
        out.append(Step("biases", "Add the biases: + biases",
                        ["Vector addition, element by element: neuron i's bias is added to "
                         "neuron i's dot product."]))
    elif layer.stage == NEURON:
        out.append(Step("product", "The dot product: np.dot(weights, inputs)",
                        ["Each input is multiplied by its weight, and the products are summed."]))
        out.append(Step("biases", "Add the bias: + bias", ["The bias shifts the sum up or down."]))
    else:
        out.append(Step("product", "The dot products: np.dot(inputs, weights)",
                        [f"Each sample (a row of inputs) is dotted with the neuron's weights, "
                         f"giving {plural(rows, 'dot product')}, one per sample. Select one to "
                         "see its terms."]))
        out.append(Step("biases", "Add the bias: + bias",
                        ["The neuron's one bias is added to every sample's dot product."]))
    shape = shape_text(layer.outputs_shape)
    what = {NEURON: "the neuron's output", LAYER: "one output per neuron",
            BATCH: "one row per sample, one column per neuron",
            BATCH_NEURON: "one output per sample"}[layer.stage]
    out.append(Step("outputs", "Outputs", [f"Shape {shape}: {what}."]))
    return out
