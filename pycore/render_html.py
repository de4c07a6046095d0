"""The steps as an HTML fragment for the page.

Every piece of text goes through ``esc``; no inline script, no event handlers,
no style attributes: the page's CSS styles the classes, and the page's glue
finds selectable cells by their data attributes.
"""

from __future__ import annotations

from html import escape

from .fields import key, label
from .numfmt import EDGEITEMS, TERMS_SHOWN, fmt, summarised
from .parse import plural
from .steps import column_label, headline, row_label, shape_text, steps
from .trace import BATCH, LayerTrace, Trace

HUES = 6  # neuron j is coloured hue-(j % HUES) wherever it appears


def esc(text) -> str:
    return escape(str(text), quote=True)


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(parts)


def tag(name: str, content: str = "", **attrs) -> str:
    """``content`` is HTML already; pass text through ``esc`` first."""
    return f"<{name}{_attrs(attrs)}>{content}</{name}>"


def render(trace: Trace, selected: dict[int, tuple[int, int]] | None = None) -> str:
    """The Steps region's content. ``selected`` maps a layer number to the
    (row, column) of its selected product cell; (0, 0) by default."""
    selected = selected or {}
    return "".join(render_layer(layer, selected.get(layer.number, (0, 0))) for layer in trace.layers)


def render_layer(layer: LayerTrace, selected: tuple[int, int] = (0, 0)) -> str:
    rows, columns = layer.grid_shape
    selected = (min(max(selected[0], 0), rows - 1), min(max(selected[1], 0), columns - 1))
    items = []
    for step in steps(layer):
        body = tag("h3", esc(step.title)) + "".join(tag("p", esc(t)) for t in step.text)
        body += _step_body(layer, step.key, selected)
        items.append(tag("li", body, class_=f"step step-{step.key}"))
    title_id = f"layer-{layer.number}-title"
    return tag("section",
               tag("h2", esc(headline(layer)), id=title_id)
               + tag("p", tag("code", esc(layer.expression)), class_="expression")
               + tag("ol", "".join(items), class_="steps"),
               class_=f"layer stage-{layer.stage}", data_layer=layer.number,
               aria_labelledby=title_id)


def _step_body(layer: LayerTrace, key: str, selected: tuple[int, int]) -> str:
    two_d = len(layer.weights_shape) == 2
    if key == "shapes":
        return tag("div", figure("inputs", layer.inputs, layer.inputs_shape, rows="sample")
                   + figure("weights", layer.weights, layer.weights_shape,
                            rows="neuron" if two_d else None, hue_rows=two_d)
                   + figure("biases" if two_d else "bias", layer.biases, layer.biases_shape,
                            columns="neuron" if two_d else None, hue_columns=two_d),
                   class_="arrays")
    if key == "transpose":
        m, n = layer.weights_shape
        return tag("div", figure("weights", layer.weights, (m, n), rows="neuron", hue_rows=True)
                   + tag("span", "→ transpose →", class_="arrow", aria_hidden="true")
                   + figure("weightsᵀ", layer.transposed, (n, m), columns="neuron", hue_columns=True),
                   class_="arrays transpose")
    if key == "product":
        return product_grid(layer, selected) + dot_detail(layer, *selected)
    if key == "biases":
        shape = layer.outputs_shape
        return tag("div", figure("dot products", layer.shaped(layer.product), shape, **_labels(layer))
                   + tag("span", "+", class_="op", aria_hidden="true")
                   + figure("biases" if two_d else "bias", layer.shaped(layer.bias_grid), shape,
                            broadcast=layer.stage == BATCH, **_labels(layer))
                   + tag("span", "=", class_="op", aria_hidden="true")
                   + figure("outputs", layer.outputs, shape, **_labels(layer)),
                   class_="arrays sum")
    return tag("div", figure("outputs", layer.outputs, layer.outputs_shape, **_labels(layer)),
               class_="arrays")


def _labels(layer: LayerTrace) -> dict:
    if layer.stage == BATCH:
        return {"rows": "sample", "columns": "neuron", "hue_columns": True}
    if layer.stage == "layer":
        return {"columns": "neuron", "hue_columns": True}
    if layer.stage == "batch_neuron":
        return {"columns": "sample"}
    return {}


def figure(name: str, values, shape: tuple[int, ...], **options) -> str:
    caption = tag("figcaption", tag("span", esc(name), class_="name") + " "
                  + tag("span", esc(shape_text(shape)), class_="shape"))
    return tag("figure", caption + matrix_table(values, name, **options), class_="array")


def matrix_table(values, name: str, rows: str | None = None, columns: str | None = None,
                 hue_rows: bool = False, hue_columns: bool = False, broadcast: bool = False) -> str:
    """A number, vector or matrix as a table with header cells, summarised like NumPy."""
    if not isinstance(values, list):
        return tag("table", tag("tbody", tag("tr", tag("td", esc(fmt(values))))),
                   class_="matrix scalar", aria_label=name)
    matrix = isinstance(values[0], list)
    grid = values if matrix else [values]
    size = len(grid) * len(grid[0])
    row_index = summarised(len(grid), size)
    col_index = summarised(len(grid[0]), size)
    head = ""
    if columns:
        head = tag("thead", tag("tr", (tag("td", "") if rows else "") + "".join(
            tag("th", "…" if c is None else esc(f"{columns} {c + 1}"), scope="col",
                class_=_hue(c) if hue_columns else None) for c in col_index)))
    body = []
    for r in row_index:
        if r is None:
            cells = (tag("td", "") if rows else "") + "".join(
                tag("td", "⋮" if c is not None else "⋱", class_="ellipsis") for c in col_index)
            body.append(tag("tr", cells, class_="ellipsis-row"))
            continue
        cells = tag("th", esc(f"{rows} {r + 1}"), scope="row",
                    class_=_hue(r) if hue_rows else None) if rows else ""
        for c in col_index:
            if c is None:
                cells += tag("td", "…", class_="ellipsis")
            else:
                hue = _hue(c) if hue_columns else _hue(r) if hue_rows else None
                cells += tag("td", esc(fmt(grid[r][c])), class_=hue)
        body.append(tag("tr", cells, class_="broadcast" if broadcast and r > 0 else None))
    return tag("table", head + tag("tbody", "".join(body)),
               class_="matrix" + (" vector" if not matrix else ""), aria_label=name)


def _hue(index: int | None) -> str | None:
    return None if index is None else f"hue-{index % HUES}"


def product_grid(layer: LayerTrace, selected: tuple[int, int]) -> str:
    """np.dot(left, right) laid out as on paper, in one table so that everything
    lines up: the right operand above the product, the left operand beside it,
    each product cell where its row and its column meet."""
    rows, columns = layer.grid_shape
    n = len(layer.left_rows[0])
    size = max(rows * columns, rows * n, columns * n)
    row_index = summarised(rows, size)
    col_index = summarised(columns, size)
    term_index = summarised(n, size)
    sel_r, sel_c = selected
    batch = layer.stage == BATCH
    right_name = "weightsᵀ" if batch else layer.right
    corner = tag("td", "", colspan=len(term_index) + 1, class_="corner")

    def hue(c):
        return _hue(c) if batch else None

    def classes(*names):
        return " ".join(name for name in names if name) or None

    # the right operand's column labels, then one row per term
    head = tag("tr", tag("td", tag("span", esc(right_name), class_="name"),
                         colspan=len(term_index) + 1, class_="corner operand-name")
               + "".join(tag("th", "…" if c is None else esc(column_label(layer, c)), scope="col",
                             class_=hue(c)) for c in col_index))
    body = []
    for p in term_index:
        body.append(tag("tr", corner + "".join(
            tag("td", "⋯" if c is None else ("⋮" if p is None else esc(fmt(layer.right_columns[c][p]))),
                class_=classes("right", hue(c), "hl" if c == sel_c and c is not None else None,
                               "ellipsis" if c is None or p is None else None))
            for c in col_index), class_="right-row"))
    # one row per row of the left operand: its label, its values, then the products
    left_head = tag("tr", tag("td", tag("span", esc(layer.left), class_="name"), class_="operand-name")
                    + "".join(tag("td", "", class_="gap") for _ in term_index)
                    + "".join(tag("td", "", class_="gap") for _ in col_index), class_="left-name")
    body.append(left_head)
    for r in row_index:
        if r is None:
            body.append(tag("tr", tag("th", "⋮", scope="row") + "".join(
                tag("td", "⋮", class_="left ellipsis") for _ in term_index) + "".join(
                tag("td", "⋮", class_="result ellipsis") for _ in col_index)))
            continue
        on_row = r == sel_r
        cells = tag("th", esc(row_label(layer, r)), scope="row", class_="hl" if on_row else None)
        cells += "".join(tag("td", "…" if p is None else esc(fmt(layer.left_rows[r][p])),
                             class_=classes("left", "hl" if on_row else None,
                                            "ellipsis" if p is None else None))
                         for p in term_index)
        for c in col_index:
            if c is None:
                cells += tag("td", "…", class_="result ellipsis")
                continue
            chosen = (r, c) == selected
            value = fmt(layer.product[r][c])
            button = tag("button", esc(value), type="button", class_="cell",
                         data_layer=layer.number, data_row=r, data_col=c,
                         aria_pressed="true" if chosen else "false",
                         aria_label=f"{row_label(layer, r)} · {column_label(layer, c)}: {value}")
            cells += tag("td", button, class_=classes("result", "selected" if chosen else None,
                                                      "hl-row" if on_row else None,
                                                      "hl-col" if c == sel_c else None))
        body.append(tag("tr", cells))
    return tag("table", tag("thead", head) + tag("tbody", "".join(body)),
               class_="matrix product-grid", data_layer=layer.number,
               aria_label=f"np.dot({layer.left}, {right_name}): select a cell to see its dot product")


def dot_detail(layer: LayerTrace, r: int, c: int) -> str:
    """One product cell written out term by term, as the textbook's figures do."""
    cell = layer.cell(r, c)
    indices = list(range(len(cell.terms)))
    if len(indices) > TERMS_SHOWN:
        indices = [*indices[:EDGEITEMS], None, *indices[-EDGEITEMS:]]
    terms = []
    for i in indices:
        if i is None:
            terms.append(tag("span", "…", class_="term ellipsis"))
            continue
        a, b = cell.terms[i]
        terms.append(tag("span", tag("span", esc(fmt(a)), class_="a") + "×"
                         + tag("span", esc(fmt(b)), class_="b"), class_="term"))
    count = f" ({plural(len(cell.terms), 'term')})" if None in indices else ""
    if layer.stage == BATCH:
        what = (f"{row_label(layer, r)} · {column_label(layer, c)}: row {r + 1} of inputs · "
                f"column {c + 1} of weightsᵀ")
    elif layer.left == "weights":
        what = f"{row_label(layer, r)}: its weights · the inputs"
    else:
        what = f"{row_label(layer, r)}: its inputs · the neuron's weights"
    sum_line = " + ".join(terms) + esc(count) + " = " + tag("strong", esc(fmt(cell.dot)))
    bias_line = (esc(fmt(cell.dot)) + " + " + tag("span", esc(fmt(cell.bias)), class_="bias")
                 + esc(" (bias)") + " = " + tag("strong", esc(fmt(cell.output)), class_="output"))
    exact = ""
    if fmt(cell.output) != fmt(cell.output, full=True):
        exact = tag("p", esc(f"Shown to 8 decimals, as NumPy prints it; the float itself is "
                             f"{fmt(cell.output, full=True)}."), class_="exact")
    return tag("div", tag("p", esc(what), class_="dot-title") + tag("p", sum_line, class_="terms")
               + tag("p", bias_line, class_="with-bias") + exact,
               class_="dot-detail", aria_live="polite", data_layer=layer.number)


def outputs_table(trace: Trace) -> str:
    """The Layer outputs region's content: the last layer's outputs as a table."""
    layer = trace.layers[-1]
    return figure(f"outputs of layer {layer.number}", layer.outputs, layer.outputs_shape,
                  **_labels(layer))


def engine_note(trace: Trace, prerendered: bool = False) -> str:
    """Which engine computed the numbers shown (plain text)."""
    if prerendered:
        return ("Computed when this page was built, by the same pycore code and its pure-Python "
                "loops; Python in your browser takes over once it has loaded.")
    if trace.engine == "numpy":
        return (f"Computed in your browser by NumPy {trace.numpy_version}, checked against the "
                f"pure-Python loops on {plural(trace.checked_cells, 'cell')}.")
    return "Computed in your browser by the pure-Python loops (NumPy is not loaded)."


FIELD_HINTS = {
    "weights": "One row per neuron, one weight per input feature.",
    "biases": "One bias per neuron (a single number for a single neuron).",
    "inputs": "One sample [1, 2, 3, 2.5], or a batch: one row per sample.",
}


def field_editor(kind: str, number: int, text: str) -> str:
    """One labelled editor with its hint and its (empty) error line. The textarea
    starts with a newline because HTML drops the first one: the text stays exact."""
    field_key, name = key(kind, number), label(kind, number)
    rows = 2 if kind == "biases" else 4
    return tag("div",
               tag("label", esc(name), for_=f"field-{field_key}")
               + tag("p", esc(FIELD_HINTS[kind]), class_="hint explain", id=f"hint-{field_key}")
               + tag("textarea", "\n" + esc(text), id=f"field-{field_key}", data_key=field_key,
                     rows=rows, spellcheck="false", autocomplete="off", autocapitalize="off",
                     aria_describedby=f"hint-{field_key} error-{field_key}")
               + tag("p", "", class_="error", id=f"error-{field_key}", role="alert", hidden=True),
               class_="field", data_key=field_key)


def layers_fields(layers: list[tuple[str, str]]) -> str:
    """The editors of every layer, layer 1 first."""
    return "".join(layer_fields(n, w, b) for n, (w, b) in enumerate(layers, start=1))


def layer_fields(number: int, weights: str, biases: str) -> str:
    return tag("fieldset", tag("legend", esc(f"Layer {number}"))
               + field_editor("weights", number, weights) + field_editor("biases", number, biases),
               class_="layer-fields", data_layer=number)


def examples_nav(examples) -> str:
    """The gallery's list items: each an ordinary share link."""
    return "".join(
        tag("li", tag("a", tag("span", esc(example.title), class_="title")
                      + tag("span", esc(example.caption), class_="caption"),
                      href="#" + example.fragment))
        for example in examples)
