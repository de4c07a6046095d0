"""Every sentence the learner reads about a layer: one source for the page and the terminal.

A step's ``text`` is what both say; its ``hint`` is an instruction for the page
only (what to select or press), which the terminal leaves out. The words are the
catalog's (``steps.*``, and ``stage.*`` / ``activation.*`` for a stage's and an
activation's own): this module chooses the messages and fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import count_words, plural, say
from .numfmt import PRECISION, flat, fmt, shape_text
from .trace import LayerTrace, Trace

__all__ = ["STEP_KEYS", "VIEWS", "Step", "cell_label", "cell_pairs", "column_label", "count_words", "engine_note",
           "exact_note", "headline", "plural", "row_label", "shape_words", "steps"]

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


def shape_words(shape: tuple[int, ...]) -> str:
    """A shape, with what () means where it appears."""
    return say("steps.shape_scalar") if not shape else shape_text(shape)


def headline(layer: LayerTrace) -> str:
    k, m = layer.samples, layer.neurons
    what = say(f"stage.{layer.stage.name}.headline", samples=say("steps.samples", count=k),
               neurons=count_words(m, "neuron"))
    return say("steps.headline", number=layer.number, what=what)


def row_label(layer: LayerTrace, r: int) -> str:
    return say(f"axis.{layer.stage.rows}", number=r + 1) if layer.stage.rows else say("steps.label.neuron_alone")


def column_label(layer: LayerTrace, c: int) -> str:
    if layer.stage.columns:
        return say(f"axis.{layer.stage.columns}", number=c + 1)
    return say("steps.label.inputs_alone") if layer.stage.right == "inputs" else say("steps.label.neuron_alone")


def cell_label(layer: LayerTrace, r: int, c: int) -> str:
    """A product cell by what it pairs: ``sample 2 · neuron 3``."""
    return say("steps.label.cell", row=row_label(layer, r), column=column_label(layer, c))


def cell_pairs(layer: LayerTrace, r: int, c: int) -> str:
    """What a product cell's dot product pairs, in the operands' words."""
    if layer.stage.name == "batch":
        if layer.samples == 1 and layer.neurons == 1:
            return say("steps.pairs.vectors")
        return say("steps.pairs.batch", row=r + 1, column=c + 1)
    if layer.stage.left == "weights":
        return say("steps.pairs.weights_left")
    return say("steps.pairs.inputs_left")


def _chained(message_id: str, layer: LayerTrace) -> str:
    """The id of a message about a layer's inputs: ``_chained`` where they are the outputs of the layer before."""
    return message_id if layer.number == 1 else message_id + "_chained"


def _inputs_words(layer: LayerTrace) -> str:
    x, n = layer.inputs.shape, layer.features
    kind = "one" if len(x) == 1 else "row" if x[0] == 1 else "batch"
    return say(_chained(f"steps.inputs.{kind}", layer), shape=shape_text(x), previous=layer.number - 1,
               features=plural(n, "feature"), samples=plural(x[0], "sample"))


def _parameters_words(layer: LayerTrace) -> list[str]:
    w, n = layer.weights.shape, layer.features
    if len(w) == 2:
        kind = "one_neuron" if w[0] == 1 else "neurons"
        words = [say(_chained(f"steps.weights.{kind}", layer), shape=shape_text(w), previous=layer.number - 1,
                     neurons=plural(w[0], "neuron"), weights=plural(n, "weight"))]
    else:
        words = [say("steps.weights.single", shape=shape_text(w))]
    if layer.biases is None:
        words.append(say("steps.biases.none"))
    elif layer.biases.ndim == 1:
        words.append(say("steps.biases.per_neuron", shape=shape_text(layer.biases.shape)))
    else:
        words.append(say("steps.biases.one"))
    return words


def _transpose_words(layer: LayerTrace) -> list[str]:
    x, w = layer.inputs.shape, layer.weights.shape
    n, m = layer.features, w[0]
    shapes = {"inputs_shape": shape_text(x), "weights_shape": shape_text(w), "features": n, "neurons": m}
    if m == 1:
        fit = say("steps.transpose.fit_one" if x[0] == 1 else "steps.transpose.fit_column",
                  transposed_shape=shape_text((n, m)), result_shape=shape_text((x[0], 1)), **shapes)
        turn = say("steps.transpose.turn_row", count=n, row_shape=shape_text((1, n)), column_shape=shape_text((n, 1)))
    else:
        fit = say("steps.transpose.fit", transposed_shape=shape_text((n, m)), result_shape=shape_text((x[0], m)),
                  **shapes)
        turn = say("steps.transpose.turn")
    mismatch = say("steps.transpose.mismatch" if n != m else "steps.transpose.square", **shapes)
    return [say("steps.transpose.rule"), mismatch, turn, fit]


def steps(layer: LayerTrace, view: str = "numpy", previous: LayerTrace | None = None) -> list[Step]:
    """The steps of one layer; ``view`` "loops" tells the product as the textbook's loops;
    ``previous`` is the layer before it, whose activation decides what the two make."""
    stage = layer.stage
    words_of = f"stage.{stage.name}"
    rows, columns = layer.grid_shape
    count = rows * columns
    n, m = layer.features, layer.neurons
    network = say("steps.network.text" if layer.biases is not None else "steps.network.text_no_bias", count=n,
                  neurons=count_words(m, "neuron"), weights=plural(n * m, "weight"))
    hint = [say("steps.network.hint")]
    if m > 1:
        hint.append(say("steps.network.hint_select"))
    if layer.samples > 1:
        hint.append(say("steps.network.hint_samples"))
    words = [network]
    if layer.weights.ndim == 1 and n == 1:
        words.append(say("steps.network.line"))
    if previous is not None:
        words.append(_chain_words(previous, layer))
    read = [say(f"steps.read_as.{name}", value=fmt(_plain_value(layer, name))) for name in layer.read_as]
    out = [Step("network", say("steps.network.title"), tuple(words), " ".join(hint)),
           Step("shapes", say("steps.shapes.title"), (*read, _inputs_words(layer), *_parameters_words(layer)))]
    if stage.name == "batch":
        out.append(Step("transpose", say("steps.transpose.title"), tuple(_transpose_words(layer))))
    dot_products = plural(count, "dot product")
    if count == 1 and stage.name == "batch":
        product = say("steps.product.one_cell", row_shape=shape_text((1, n)), column_shape=shape_text((n, 1)))
    else:
        product = say(f"{words_of}.product_words", dot_products=dot_products, cells=count_words(count, "cell"))
    expression = stage.expression(with_biases=False)
    if view == "loops":
        words = say("steps.product.loops", dot_products=dot_products, expression=expression)
        hint = say("steps.product.loops_hint") if count > 1 else ""
        out.append(Step("product", say(f"{words_of}.loops_title"), (words,), hint))
    else:
        hint = say("steps.product.hint") if count > 1 else ""
        out.append(Step("product", say("steps.product.title", title=say(f"{words_of}.product_title"),
                                       expression=expression), (product,), hint))
    if layer.biases is None:
        out.append(Step("biases", say("steps.biases.none_title"), (say("steps.biases.none_text"),)))
    else:
        out.append(Step("biases", say(f"steps.biases.title_{stage.bias}"), (say(f"{words_of}.bias_words"),)))
    activation = f"activation.{layer.activation}"
    if layer.activation != "none":
        out.append(Step("activation", say("steps.activation.title", activation=say(f"{activation}.title"),
                                          formula=say(f"{activation}.formula")), _activation_words(layer)))
    words = (say("steps.outputs.one_by_one") if layer.outputs_shape == (1, 1) else
             say(f"{words_of}.outputs_words"))
    text = say("steps.outputs.text" if layer.activation == "none" else "steps.outputs.text_activated",
               shape=shape_words(layer.outputs_shape), words=words, activation=say(f"{activation}.name"))
    out.append(Step("outputs", say("steps.outputs.title"), (text,)))
    return out


def _plain_value(layer: LayerTrace, name: str):
    """The plain number a field held, read as a list of one (``read_as``)."""
    return (layer.inputs if name == "inputs" else layer.weights).values[0]


def _activation_words(layer: LayerTrace) -> tuple[str, ...]:
    after = flat(layer.activated)
    total = len(after)
    counted = say(f"activation.{layer.activation}.counted", changed=len(layer.activation_changed()),
                  fired=sum(1 for a in after if a == 1), count=total)
    return say(f"activation.{layer.activation}.words"), counted


def _chain_words(previous: LayerTrace, layer: LayerTrace) -> str:
    """Why two layers in a row are (or are not) more than one."""
    if previous.activation == "none":
        return say("steps.chain.linear", previous=previous.number, number=layer.number)
    return say("steps.chain.bent", previous=previous.number, number=layer.number,
               activation=say(f"activation.{previous.activation}.title"))


def exact_note(value) -> str:
    """Why a number in a sentence is not the float's every digit."""
    return say("steps.exact", precision=PRECISION, exact=fmt(value, full=True))


def engine_note(trace: Trace, where: str = "browser") -> str:
    """Which engine computed the numbers shown. ``where``: "browser", "build" or "terminal"."""
    if where == "build":
        return say("steps.engine.build")
    place = "_browser" if where == "browser" else ""
    if trace.engine == "numpy":
        return say(f"steps.engine.numpy{place}", version=trace.numpy_version,
                   cells=plural(trace.checked_cells, "cell"))
    if trace.engine_reason not in ("chosen", "missing"):
        return say(f"steps.engine.python{place}")
    terminal = "_terminal" if where == "terminal" else ""
    return say(f"steps.engine.python{place}_because",
               reason=say(f"steps.engine.reason.{trace.engine_reason}{terminal}"))
