"""The textbook's stages, one declarative entry each: every module reads this table.

A stage is named by the shapes of inputs and weights. Its entry says how NumPy
writes it (the expression, and the same as a function), which operand is the
left and which the right one of ``np.dot``, what a row and a column of the
product are, the words the steps use, and the textbook's loops for it.

Adding a step or a view means adding a field here, not a branch in six modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    name: str
    inputs_ndim: int
    weights_ndim: int
    # np.dot(left, right): each operand by name; "weights.T" is the transposed weights.
    left: str
    right: str
    product: str  # the product as the textbook writes it, with {inputs} and {weights} to fill in
    numpy: Callable  # the same expression as a function of (np, inputs, weights)
    bias: str  # "bias" (one number) or "biases" (one per neuron)
    outputs_name: str  # the loops' name for the result: "output" or "layer_outputs"
    accumulator: str  # the loops' name for the running sum: "output" or "neuron_output"
    # what a row and a column of the product grid are: "sample", "neuron", or None
    # where the axis has one entry that is neither (the one sample, the one neuron)
    rows: str | None
    columns: str | None
    outputs: tuple[str, ...]  # what each axis of the outputs is, in their shape's order
    # (its words, the step titles and texts, are the catalog's stage.<name>.*)
    # The textbook's loops, one line each: (role, text). The roles name the lines a
    # player marks; the texts have {inputs}, {weights}, {biases}, {outputs} to fill in.
    loops: tuple[tuple[str, str], ...]

    def loop_lines(self, biases: str = "per_neuron", activation: str = "none") -> list[tuple[str, str]]:
        """The loops' (role, text) lines. ``biases``: "per_neuron" (a list, one each),
        "one" (a plain number added to every neuron's output, as NumPy broadcasts it)
        or "none" (nothing is added); ``activation``: applied to each output before it
        is kept (ACTIVATIONS)."""
        lines = []
        for role, text in self.loops:
            if role == "bias" and biases == "none":
                continue
            if biases != "per_neuron" and role == "neuron_loop":
                text = text.split("for ")[0] + "for neuron_weights in {weights}:"
            if biases == "one" and role == "bias" and "neuron_bias" in text:
                text = text.replace("neuron_bias", "{biases}")
            lines.append((role, text))
        if activation != "none":  # just before the output is kept, at the same depth
            roles = [role for role, _ in lines]
            at = roles.index("fill") if "fill" in roles else len(lines)
            model = lines[at][1] if at < len(lines) else lines[0][1]
            indent = model[:len(model) - len(model.lstrip())]
            lines.insert(at, ("activation", indent + ACTIVATIONS[activation].loop.format(v=self.accumulator)))
        return lines

    def expression(self, inputs: str = "inputs", weights: str = "weights", biases: str | None = None,
                   with_biases: bool = True) -> str:
        product = self.product.format(inputs=inputs, weights=weights)
        return f"{product} + {biases or self.bias}" if with_biases else product


NEURON = Stage(
    "neuron", 1, 1, left="weights", right="inputs",
    product="np.dot({weights}, {inputs})", numpy=lambda np, x, w: np.dot(w, x), bias="bias", outputs_name="output", accumulator="output",
    rows=None, columns=None, outputs=(),
    loops=(("start", "{outputs} = 0"),
           ("term_loop", "for n_input, weight in zip({inputs}, {weights}):"),
           ("term", "    {outputs} += n_input * weight"),
           ("bias", "{outputs} += {biases}")),
)

LAYER = Stage(
    "layer", 1, 2, left="weights", right="inputs",
    product="np.dot({weights}, {inputs})", numpy=lambda np, x, w: np.dot(w, x), bias="biases", outputs_name="layer_outputs", accumulator="neuron_output",
    rows="neuron", columns=None, outputs=("neuron",),
    loops=(("start", "{outputs} = []"),
           ("neuron_loop", "for neuron_weights, neuron_bias in zip({weights}, {biases}):"),
           ("zero", "    neuron_output = 0"),
           ("term_loop", "    for n_input, weight in zip({inputs}, neuron_weights):"),
           ("term", "        neuron_output += n_input * weight"),
           ("bias", "    neuron_output += neuron_bias"),
           ("fill", "    {outputs}.append(neuron_output)")),
)

BATCH = Stage(
    "batch", 2, 2, left="inputs", right="weights.T",
    product="np.dot({inputs}, np.array({weights}).T)", numpy=lambda np, x, w: np.dot(x, np.array(w).T),
    bias="biases", outputs_name="layer_outputs", accumulator="neuron_output", rows="sample", columns="neuron", outputs=("sample", "neuron"),
    loops=(("start", "{outputs} = []"),
           ("sample_loop", "for sample in {inputs}:"),
           ("sample_start", "    sample_outputs = []"),
           ("neuron_loop", "    for neuron_weights, neuron_bias in zip({weights}, {biases}):"),
           ("zero", "        neuron_output = 0"),
           ("term_loop", "        for n_input, weight in zip(sample, neuron_weights):"),
           ("term", "            neuron_output += n_input * weight"),
           ("bias", "        neuron_output += neuron_bias"),
           ("fill", "        sample_outputs.append(neuron_output)"),
           ("sample_fill", "    {outputs}.append(sample_outputs)")),
)

BATCH_NEURON = Stage(
    "batch_neuron", 2, 1, left="inputs", right="weights",
    product="np.dot({inputs}, {weights})", numpy=lambda np, x, w: np.dot(x, w), bias="bias", outputs_name="outputs", accumulator="output",
    rows="sample", columns=None, outputs=("sample",),
    loops=(("start", "{outputs} = []"),
           ("sample_loop", "for sample in {inputs}:"),
           ("zero", "    output = 0"),
           ("term_loop", "    for n_input, weight in zip(sample, {weights}):"),
           ("term", "        output += n_input * weight"),
           ("bias", "    output += {biases}"),
           ("fill", "    {outputs}.append(output)")),
)

STAGES = {stage.name: stage for stage in (NEURON, LAYER, BATCH, BATCH_NEURON)}


def stage_for(inputs_ndim: int, weights_ndim: int) -> Stage:
    """The stage of these shapes (both 1 or 2 dimensions; the caller checks)."""
    return next(s for s in STAGES.values() if (s.inputs_ndim, s.weights_ndim) == (inputs_ndim, weights_ndim))


@dataclass(frozen=True)
class Activation:
    """What a layer does to each output before passing it on (the seed's ``activation()``);
    its words (title, formula, what it does, what it did to a layer) are the catalog's
    activation.<name>.*."""

    name: str
    apply: Callable  # one output -> activated, as the loops compute it
    numpy: Callable  # (np, array) -> array, as NumPy computes it
    numpy_text: str  # with {x} to fill in
    loop: str  # the loops' line, with {v} (the running output) to fill in
    kinks: tuple[float, ...] = ()  # where its plot turns a corner
    jumps: tuple[float, ...] = ()  # where its plot leaps
    curved: bool = False  # not straight between those: its plot is drawn through many points
    imports: tuple[str, ...] = ()  # what the loops' line needs imported ("import math")


ACTIVATIONS = {a.name: a for a in (
    Activation("none", lambda x: x, lambda np, a: a, "{x}", "{v} = {v}"),
    Activation("step", lambda x: 1 if x > 0 else 0, lambda np, a: np.where(a > 0, 1, 0), "np.where({x} > 0, 1, 0)",
               "{v} = 1 if {v} > 0 else 0", jumps=(0.0,)),
    Activation("relu", lambda x: max(0, x), lambda np, a: np.maximum(0, a), "np.maximum(0, {x})",
               "{v} = max(0, {v})", kinks=(0.0,)),
)}
