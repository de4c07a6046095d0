"""The steps as terminal text (the command line prints this)."""

from __future__ import annotations

from .catalog import say
from .numfmt import fmt, format_array, shape_text, terms_shown
from .steps import cell_label, engine_note, headline, steps
from .trace import LayerTrace, Trace

CELLS_SHOWN = 16  # a larger product writes out its first and last cell only


def render(trace: Trace, full: bool = False) -> str:
    parts = [render_layer(layer, full) for layer in trace.layers]
    parts.append(engine_note(trace, "terminal"))
    return "\n\n".join(parts) + "\n"


def render_layer(layer: LayerTrace, full: bool = False) -> str:
    title = headline(layer)
    lines = [title, "=" * len(title), f"    {layer.expression}"]
    for number, step in enumerate(steps(layer), start=1):
        lines += ["", f"{number}. {step.title}"]
        lines += [f"   {sentence}" for sentence in step.text]
        lines += [f"   {line}" for line in _step_body(layer, step.key, full)]
    return "\n".join(lines)


def _step_body(layer: LayerTrace, key: str, full: bool) -> list[str]:
    if key == "network":  # the diagram is a picture for the page; its words say it here
        return []
    if key == "activation":
        return (_labelled(say("text.outputs"), layer.outputs, full)
                + _labelled(say("figure.after", activation=say(f"activation.{layer.activation}.name")),
                            layer.activated, full))
    if key == "shapes":
        return (_labelled("inputs", layer.inputs.values, full) + _labelled("weights", layer.weights.values, full)
                + (_labelled(layer.stage.bias, layer.biases.values, full) if layer.biases else []))
    if key == "transpose":
        return _side_by_side(_lines(layer.weights.values, full), _lines(layer.transposed(), full),
                             "weights", "weightsᵀ")
    if key == "product":
        rows, columns = layer.grid_shape
        cells = [(r, c) for r in range(rows) for c in range(columns)]
        shown = cells if len(cells) <= CELLS_SHOWN else [cells[0], cells[-1]]
        lines = [f"{cell_label(layer, r, c)}: {dot_text(layer, r, c, full)}" for r, c in shown]
        if len(shown) < len(cells):
            lines.append(say("text.showing", shown=len(shown), count=len(cells)))
        return lines + [""] + _labelled(say("figure.dot_products"), layer.dots, full)
    if key == "biases":
        if layer.biases is None:
            return _labelled(say("text.outputs"), layer.outputs, full)
        return (_labelled(say("figure.dot_products"), layer.dots, full)
                + _labelled("+ " + layer.stage.bias, layer.broadcast_biases(), full)  # + biases: the expression's
                + _labelled(say("text.equals_outputs"), layer.outputs, full))
    return _labelled(say("text.outputs_shape", shape=shape_text(layer.outputs_shape)), layer.outputs, full)


def dot_text(layer: LayerTrace, r: int, c: int, full: bool = False) -> str:
    cell = layer.cell(r, c)
    indices = terms_shown(len(cell.terms))
    terms = ["…" if i is None else f"{fmt(cell.terms[i][0], full)}×{fmt(cell.terms[i][1], full)}"
             for i in indices]
    count = " " + say("text.terms", count=len(cell.terms)) if None in indices else ""
    text = " + ".join(terms) + count + f" = {fmt(cell.dot, full)}"
    if cell.bias is not None:
        text += f";  {fmt(cell.dot, full)} + {fmt(cell.bias, full)} = {fmt(cell.output, full)}"
    return text


def _lines(values, full: bool) -> list[str]:
    return format_array(values, full=full).text().split("\n")


def _labelled(name: str, values, full: bool) -> list[str]:
    body = _lines(values, full)
    pad = " " * (len(name) + 3)
    return [f"{name} = {body[0]}"] + [pad + line for line in body[1:]]


def _side_by_side(left: list[str], right: list[str], left_name: str, right_name: str) -> list[str]:
    width = max(len(left_name), *(len(line) for line in left)) + 4
    lines = [left_name.ljust(width) + right_name]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        lines.append(a.ljust(width) + b)
    return lines
