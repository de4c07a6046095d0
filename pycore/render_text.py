"""The steps as terminal text (the command line prints this)."""

from __future__ import annotations

from .numfmt import EDGEITEMS, TERMS_SHOWN, fmt, summarised
from .parse import plural
from .steps import column_label, headline, row_label, shape_text, steps
from .trace import LayerTrace, Trace

CELLS_SHOWN = 16  # a larger product writes out its first and last cell only


def render(trace: Trace, full: bool = False) -> str:
    parts = []
    for layer in trace.layers:
        parts.append(render_layer(layer, full))
    engine = ("NumPy " + trace.numpy_version + f" (checked against the Python loops on "
              f"{plural(trace.checked_cells, 'cell')})" if trace.engine == "numpy"
              else "the pure-Python loops (NumPy is not installed)")
    parts.append(f"Computed by {engine}.")
    return "\n\n".join(parts) + "\n"


def render_layer(layer: LayerTrace, full: bool = False) -> str:
    lines = [headline(layer), "=" * len(headline(layer)), f"    {layer.expression}"]
    for number, step in enumerate(steps(layer), start=1):
        lines += ["", f"{number}. {step.title}"]
        lines += [f"   {sentence}" for sentence in step.text if "Select" not in sentence]
        lines += [f"   {line}" for line in _step_body(layer, step.key, full)]
    return "\n".join(lines)


def _step_body(layer: LayerTrace, key: str, full: bool) -> list[str]:
    if key == "shapes":
        return (_labelled("inputs", layer.inputs, full) + _labelled("weights", layer.weights, full)
                + _labelled("biases" if len(layer.weights_shape) == 2 else "bias", layer.biases, full))
    if key == "transpose":
        return _side_by_side(grid_lines(layer.weights, full), grid_lines(layer.transposed, full),
                             "weights", "weightsᵀ")
    if key == "product":
        rows, columns = layer.grid_shape
        cells = [(r, c) for r in range(rows) for c in range(columns)]
        shown = cells if len(cells) <= CELLS_SHOWN else [cells[0], cells[-1]]
        lines = [f"{row_label(layer, r)} · {column_label(layer, c)}: {dot_text(layer, r, c, full)}"
                 for r, c in shown]
        if len(shown) < len(cells):
            lines.append(f"(showing 2 of {len(cells):,} dot products)")
        return lines + [""] + _labelled("dot products", layer.shaped(layer.product), full)
    if key == "biases":
        biases = layer.shaped(layer.bias_grid)
        return (_labelled("dot products", layer.shaped(layer.product), full)
                + _labelled("+ biases" if len(layer.weights_shape) == 2 else "+ bias", biases, full)
                + _labelled("= outputs", layer.outputs, full))
    return _labelled("outputs " + shape_text(layer.outputs_shape), layer.outputs, full)


def dot_text(layer: LayerTrace, r: int, c: int, full: bool = False) -> str:
    cell = layer.cell(r, c)
    terms = [f"{fmt(a, full)}×{fmt(b, full)}" for a, b in cell.terms]
    if len(terms) > TERMS_SHOWN:
        terms = [*terms[:EDGEITEMS], "…", *terms[-EDGEITEMS:]]
        count = f" ({len(cell.terms)} terms)"
    else:
        count = ""
    return (" + ".join(terms) + count + f" = {fmt(cell.dot, full)};  {fmt(cell.dot, full)} + "
            f"{fmt(cell.bias, full)} = {fmt(cell.output, full)}")


def _labelled(name: str, values, full: bool) -> list[str]:
    body = grid_lines(values, full)
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


def grid_lines(values, full: bool = False) -> list[str]:
    """A number, a vector or a matrix as NumPy lays it out, summarised when large."""
    if not isinstance(values, list):
        return [fmt(values, full)]
    matrix = isinstance(values[0], list)
    rows = values if matrix else [values]
    size = len(rows) * len(rows[0])
    row_index = summarised(len(rows), size)
    col_index = summarised(len(rows[0]), size)
    texts = [[("…" if c is None else fmt(rows[r][c], full)) for c in col_index]
             for r in row_index if r is not None]
    widths = [max(len(t[i]) for t in texts) for i in range(len(col_index))]
    lines, at = [], 0
    for r in row_index:
        if r is None:
            lines.append("…")
            continue
        lines.append(" ".join(t.rjust(wd) for t, wd in zip(texts[at], widths)))
        at += 1
    if not matrix:
        return ["[" + lines[0] + "]"]
    out = []
    for i, line in enumerate(lines):
        opening = "[[" if i == 0 else " ["
        closing = "]]" if i == len(lines) - 1 else "]"
        out.append(opening + line + closing if line != "…" else "  …")
    return out
