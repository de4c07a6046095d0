"""The steps as an HTML fragment for the page.

Every piece of text goes through ``esc``; no inline script, no event handlers,
no style attributes: the page's CSS styles the classes, and the page's glue
finds selectable cells by their data attributes. Numbers come from
``numfmt.format_array``: one format per array, as NumPy prints it.
"""

from __future__ import annotations

import functools
import json
from html import escape

from . import diagram, exercise, player, plot
from .errors import field_key, field_label
from .keep import Recent
from .numfmt import (
    THRESHOLD,
    ArrayFormat,
    exact_differs,
    flat,
    fmt,
    format_array,
    format_grid,
    shape_text,
    summarised,
    terms_shown,
)
from .player import Position
from .stages import ACTIVATIONS
from .steps import (
    cell_label,
    cell_pairs,
    column_label,
    exact_note,
    headline,
    plural,
    row_label,
    shape_words,
    steps,
)
from .trace import LayerTrace, Trace

HUES = 6  # neuron j is coloured hue-(j % HUES) wherever it appears


def esc(text) -> str:
    return escape(str(text), quote=True)


_NAMES: dict[str, str] = {}  # class_ -> class, data_row -> data-row: worked out once per name


def _attrs(attrs: dict) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        html_name = _NAMES.get(name) or _NAMES.setdefault(name, name.rstrip("_").replace("_", "-"))
        if value is True:
            parts.append(" " + html_name)
        elif type(value) is int:  # numbers need no escaping
            parts.append(f' {html_name}="{value}"')
        else:
            parts.append(f' {html_name}="{escape(str(value), quote=True)}"')
    return "".join(parts)


VOID = {"input", "br", "img"}  # elements with no content and no closing tag


def tag(name: str, content: str = "", **attrs) -> str:
    """``content`` is HTML already; pass text through ``esc`` first."""
    if name in VOID:
        return f"<{name}{_attrs(attrs)}>"
    return f"<{name}{_attrs(attrs)}>{content}</{name}>"


def classes(*names) -> str | None:
    return " ".join(name for name in names if name) or None


def render(trace: Trace, positions: dict[int, Position] | None = None, view: str = "numpy",
           played: int | None = None, asking: bool = False, sources: list[dict] | None = None) -> str:
    """The Steps region's content. ``positions`` maps a layer number to its selected
    product cell and the player's moment in it (the first cell, finished, by default);
    ``played`` is the layer the player sits in. ``view``: the product as NumPy's
    matrix product, or as the textbook's loops. ``asking``: an exercise waits for its
    answer. ``sources``: see ``render_parts``."""
    shell, chunks = render_parts(trace, positions, view, played, asking, sources)
    return fill(shell, chunks)


def fill(shell: str, chunks: list[tuple[str, str]]) -> str:
    """The shell with every step's content in its place."""
    for chunk_id, html in chunks:
        shell = shell.replace(f'data-chunk="{chunk_id}"></', f'data-chunk="{chunk_id}">{html}</', 1)
    return shell


def render_parts(trace: Trace, positions: dict[int, Position] | None = None, view: str = "numpy",
                 played: int | None = None, asking: bool = False,
                 sources: list[dict] | None = None) -> tuple[str, list[tuple[str, str]]]:
    """The Steps as a shell (each layer's section, with an empty item per step) and each
    step's content by id (``"1:shapes"``): the page replaces only what changed.

    ``sources``, one dict per layer, names the field texts each layer's facts come
    from (``up``: everything before the layer; ``weights``, ``biases``, ``activation``:
    its own; ``previous``: the activation before it). With them, a step whose
    sources did not change is not rendered again (an edit of layer 2's biases leaves
    layer 1 alone, and most of layer 2's steps too)."""
    positions = positions or {}
    shell, chunks = [], []
    for layer in trace.layers:
        at = positions.get(layer.number) or Position(0, 0)
        previous = trace.layers[layer.number - 2] if layer.number > 1 else None
        source = dict(sources[layer.number - 1], engine=trace.engine) if sources else None
        items = []
        for step in steps(layer, view, previous):
            if asking and step.key not in ASKING_STEPS:
                continue
            chunk_id = f"{layer.number}:{step.key}"
            if step.key == "product":
                items.append(tag("li", "".join(tag("div", "", class_="part", data_chunk=chunk_id + suffix)
                                               for suffix in PRODUCT_PARTS), class_="step step-product"))
                chunks += _product_parts(layer, step, at, view, layer.number == played, source, chunk_id)
                continue
            items.append(tag("li", "", class_=f"step step-{step.key}", data_chunk=chunk_id))
            moment = (at.row, at.column, at.phase, at.term) if step.key == "network" else ()
            chunks.append((chunk_id, _piece(layer, source, step.key, _STEP_SOURCES[step.key],
                                            functools.partial(_step_html, layer, step, at, asking, source),
                                            asking, *moment)))
        title_id = f"layer-{layer.number}-title"
        shell.append(tag("section",
                         tag("h2", esc(headline(layer)), id=title_id)
                         + tag("p", (esc("In NumPy: ") if view == "loops" else "")
                               + tag("code", esc(layer.expression)), class_="expression")
                         + tag("ol", "".join(items), class_="steps"),
                         class_=f"layer stage-{layer.stage_name}", data_layer=layer.number,
                         aria_labelledby=title_id))
    return "".join(shell), chunks


ASKING_STEPS = ("network", "shapes")  # what an exercise shows before the learner answers

# What each step's content is made of, by source: a step is rendered again only when one of
# these (or the position, the view, the player's place) has changed.
_STEP_SOURCES = {
    "network": ("up", "weights", "biases", "activation", "previous"),
    "shapes": ("up", "weights", "biases"),
    "transpose": ("up", "weights"),
    "biases": ("up", "weights", "biases"),
    "activation": ("up", "weights", "biases", "activation"),
    "outputs": ("up", "weights", "biases", "activation"),
}


_STEPS = Recent(200)  # steps and their pieces: a few layers' worth, for the last few edits


def _piece(layer: LayerTrace, source: dict | None, name: str, deps: tuple[str, ...], make, *extra) -> str:
    """A step or a piece of one (``make()``), rendered again only when what it is made of
    changed: the source texts ``deps`` names, the engine, and ``extra`` (the position, the
    view...). Without sources, always rendered."""
    key = None if source is None else (layer.number, name, *(source[d] for d in deps), source["engine"], *extra)
    return _STEPS.get(key, make)


def _step_html(layer: LayerTrace, step, at: Position, asking: bool, source: dict | None = None) -> str:
    if asking and step.key == "network":  # an exercise: the diagram without its outputs
        return (tag("h3", esc(step.title)) + tag("p", esc(step.text[0]))
                + scroller(diagram.svg(layer, *layer.sample_neuron(at.row, at.column), outputs=False)))
    return _step_words(step) + _step_body(layer, step.key, at, source)


def _step_words(step) -> str:
    body = tag("h3", esc(step.title)) + "".join(tag("p", esc(t)) for t in step.text)
    if step.hint:
        body += tag("p", esc(step.hint), class_="hint-line")
    return body


# The product step in three parts, each sent to the page again only when it changed: the
# grid of dot products (the bulk of a large layer) does not depend on the biases, while the
# player's moment and the selected cell's worked sum do.
PRODUCT_PARTS = ("", "/grid", "/detail")


def _product_parts(layer: LayerTrace, step, at: Position, view: str, played: bool, source: dict | None,
                   chunk_id: str) -> list[tuple[str, str]]:
    moment = (at.row, at.column, at.phase, at.term, view, played)
    everything = ("up", "weights", "biases", "activation")

    def part(suffix: str, deps: tuple[str, ...], make) -> tuple[str, str]:
        return chunk_id + suffix, _piece(layer, source, "product" + suffix, deps, make, *moment)

    def words_and_player() -> str:
        return _step_words(step) + (player_controls(layer, at) if played else tag(
            "button", esc(f"Play layer {layer.number} step by step"), type="button", class_="play-here",
            data_layer=layer.number))

    if view == "loops":
        grid = part("/grid", everything, lambda: loops_view(layer, at))
    else:
        grid = part("/grid", ("up", "weights"), lambda: scroller(product_grid(layer, at)))
    return [part("", everything, words_and_player), grid,
            part("/detail", ("up", "weights", "biases"), lambda: dot_detail(layer, at))]


def _outputs_axes(layer: LayerTrace) -> dict:
    """How the outputs' axes are labelled: rows and columns of a table."""
    axes = layer.stage.outputs
    if len(axes) == 2:
        return {"rows": axes[0], "columns": axes[1], "hue_columns": axes[1] == "neuron"}
    if len(axes) == 1:
        return {"columns": axes[0], "hue_columns": axes[0] == "neuron"}
    return {}


def _step_body(layer: LayerTrace, key: str, at: Position, source: dict | None = None) -> str:
    two_d = layer.weights.ndim == 2

    def part(name: str, deps: tuple[str, ...], make) -> str:
        return _piece(layer, source, f"{key}/{name}", deps, make)

    if key == "network":
        knobs = knobs_view(layer) if layer.weights.ndim == 1 and layer.features == 1 else ""
        return knobs + network_view(layer, at)
    if key == "activation":
        return activation_view(layer)
    if key == "shapes":
        figures = [part("inputs", ("up",), lambda: figure("inputs", layer.inputs.values, rows="sample")),
                   part("weights", ("up", "weights"), lambda: figure(
                       "weights", layer.weights.values, rows="neuron" if two_d else None, hue_rows=two_d))]
        if layer.biases is not None:
            figures.append(part("biases", ("up", "weights", "biases"), lambda: figure(
                layer.stage.bias, layer.biases.values, columns="neuron" if two_d else None, hue_columns=two_d)))
        return tag("div", "".join(figures), class_="arrays")
    if key == "transpose":
        return pair(figure("weights", layer.weights.values, rows="neuron", hue_rows=True), "transpose",
                    figure("weightsᵀ", layer.transposed(), columns="neuron", hue_columns=True))
    labels = _outputs_axes(layer)
    if key == "biases":
        if layer.biases is None:
            return tag("div", figure("outputs", layer.outputs, **labels), class_="arrays")
        return tag("div", part("dots", ("up", "weights"), lambda: figure("dot products", layer.dots, **labels))
                   + tag("div", tag("span", "+", class_="op", aria_hidden="true")
                         + figure(layer.stage.bias, layer.broadcast_biases(), broadcast=layer.stage.name == "batch",
                                  **labels), class_="operand")
                   + tag("div", tag("span", "=", class_="op", aria_hidden="true")
                         + figure("outputs", layer.outputs, **labels), class_="operand"),
                   class_="arrays sum")
    return tag("div", figure("outputs", layer.result, **labels), class_="arrays")


def knobs_view(layer: LayerTrace) -> str:
    """The seed's first figures: a one-input neuron's output against its input, with
    sliders for the weight and the bias that write into the fields."""
    weight, bias, x = layer.weights.values[0], layer.neuron_bias(0), layer.inputs.values[0]
    low, high, step = plot.KNOB_RANGE
    sliders = ""
    for kind, name, value, template in (
            ("weights", "Weight", weight, "{}" if "weights" in layer.read_as else "[{}]"),
            ("biases", "Bias", 0 if bias is None else bias, "{}")):
        key = field_key(kind, layer.number)
        outside = not low <= value <= high
        sliders += tag("label", tag("span", esc(name), class_="knob-name")
                       + tag("input", type="range", min=low, max=high, step=step,
                             value=min(max(value, low), high), data_field=key, data_template=template,
                             aria_label=name, aria_valuetext=fmt(value))
                       + tag("output", esc(fmt(value)), class_="knob-value")
                       + (tag("span", esc(f"(the field holds {fmt(value)}; the slider reaches {low} to {high})"),
                              class_="hint") if outside else ""), class_="knob")
    return tag("div", tag("figure", plot.neuron_plot(layer.number, weight, bias, x), class_="plot-figure")
               + tag("div", sliders, class_="knobs", role="group",
                     aria_label=f"The knobs of layer {layer.number}'s neuron"), class_="knobs-view")


def activation_view(layer: LayerTrace) -> str:
    """The outputs before and after the activation, the changed ones marked, and the function plotted."""
    activation = ACTIVATIONS[layer.activation]
    labels = _outputs_axes(layer)
    return pair(figure("outputs", layer.outputs, **labels), activation.title,
                figure(f"after {activation.title}", layer.activated, changed=_changed(layer), **labels)) + tag(
        "figure", plot.activation_plot(layer.number, activation, flat(layer.outputs)), class_="plot-figure")


def _changed(layer: LayerTrace) -> set[tuple[int, int]]:
    cells = layer.activation_changed()
    if layer.stage.rows and not layer.stage.columns:  # shown as one row: (0, index)
        return {(0, r) for r, _ in cells}
    return cells


def network_view(layer: LayerTrace, at: Position) -> str:
    """The diagram for the selected cell's sample, its neuron's edges lit (and, while
    playing, the one being multiplied), and the controls to show another sample or
    light another neuron."""
    sample, neuron = layer.sample_neuron(at.row, at.column)
    term = at.term - 1 if at.phase == "term" and at.term > 0 else None
    picture = scroller(diagram.svg(layer, sample, neuron, term))
    controls = []
    if layer.samples > 1:
        for step, words in ((-1, "Previous sample"), (1, "Next sample")):
            target = sample + step
            if 0 <= target < layer.samples:
                r, c = layer.cell_of(target, neuron)
                controls.append(tag("button", esc(words), type="button", class_="pick",
                                    data_layer=layer.number, data_row=r, data_col=c))
            else:
                controls.append(tag("button", esc(words), type="button", class_="pick", disabled=True))
        controls.insert(1, tag("span", esc(f"sample {sample + 1} of {layer.samples}"), class_="which-sample"))
    if layer.neurons > 1:
        picks = []
        for j in range(layer.neurons):
            if layer.neurons > diagram.LABELLED and diagram.EDGEITEMS <= j < layer.neurons - diagram.EDGEITEMS:
                continue
            r, c = layer.cell_of(sample, j)
            picks.append(tag("button", esc(f"neuron {j + 1}"), type="button", class_=classes("pick", _hue(j)),
                             data_layer=layer.number, data_row=r, data_col=c, data_neuron=j,
                             aria_pressed="true" if j == neuron else "false"))
        controls.append(tag("span", "".join(picks), class_="neuron-picks"))
    bar = tag("div", "".join(controls), class_="diagram-controls", role="group",
              aria_label=f"Diagram of layer {layer.number}") if controls else ""
    return picture + bar


def pair(before: str, words: str, after: str) -> str:
    """Two arrays and what turns one into the other: side by side with the arrow pointing
    right where there is room, stacked with it pointing down where not (the page's CSS
    picks, by the room the step has)."""
    arrow = tag("span", tag("span", esc(f"→ {words} →"), class_="across")
                + tag("span", esc(f"↓ {words} ↓"), class_="down"), class_="arrow", aria_hidden="true")
    return tag("div", scroller(tag("div", before + arrow + after, class_="arrays pair")), class_="pair-box")


def scroller(content: str) -> str:
    """A wide figure scrolls inside its own box (the page never scrolls sideways); the
    frame around it shows a shadow at each edge that has more to see."""
    return tag("div", tag("div", content, class_="scroller"), class_="scroll-frame")


_FORMATS = Recent(24)  # one array is shown in several steps: formatted once
_FIGURES = Recent(24)  # the same array, named and labelled alike, in two steps: rendered once


def _formatted(values) -> ArrayFormat:
    """format_array, once per array object (the trace's arrays are never changed)."""
    if not isinstance(values, list):
        return format_array(values)
    return _FORMATS.get(id(values), lambda: format_array(values), values)


def figure(name: str, values, **options) -> str:
    if not isinstance(values, list):
        return _figure(name, values, **options)
    key = (name, id(values), tuple(sorted((k, frozenset(v) if isinstance(v, set) else v)
                                         for k, v in options.items())))
    return _FIGURES.get(key, lambda: _figure(name, values, **options), values)


def _figure(name: str, values, **options) -> str:
    formatted = _formatted(values)
    caption = tag("figcaption", tag("span", esc(name), class_="name") + " "
                  + tag("span", esc(shape_words(formatted.shape) if not formatted.shape
                                    else shape_text(formatted.shape)), class_="shape"))
    return tag("figure", caption + scroller(matrix_table(formatted, name, **options)), class_="array")


def matrix_table(formatted: ArrayFormat, name: str, rows: str | None = None, columns: str | None = None,
                 hue_rows: bool = False, hue_columns: bool = False, broadcast: bool = False,
                 changed: set | None = None) -> str:
    """A number, vector or matrix as a table with header cells, summarised like NumPy."""
    if not formatted.shape:
        mark = tag("span", "✱", class_="changed-mark", aria_label="changed") if changed else ""
        return tag("table", tag("tbody", tag("tr", tag("td", esc(formatted.cell(0, 0)) + mark))),
                   class_="matrix scalar", aria_label=name)
    matrix = len(formatted.shape) == 2
    rows = rows if matrix else None
    head = ""
    if columns:
        head = tag("thead", tag("tr", (tag("td", "") if rows else "") + "".join(
            tag("th", "…" if c is None else esc(f"{columns} {c + 1}"), scope="col",
                data_neuron=c if columns == "neuron" else None,
                class_=_hue(c) if hue_columns else None) for c in formatted.columns)))
    body = []
    for r in formatted.rows:
        if r is None:
            cells = (tag("td", "") if rows else "") + "".join(
                tag("td", "⋮" if c is not None else "⋱", class_="ellipsis") for c in formatted.columns)
            body.append(tag("tr", cells, class_="ellipsis-row"))
            continue
        row_neuron = r if rows == "neuron" else None
        cells = tag("th", esc(f"{rows} {r + 1}"), scope="row", data_neuron=row_neuron,
                    class_=_hue(r) if hue_rows else None) if rows else ""
        parts = [cells]
        for c in formatted.columns:  # the hot loop of every table: plain f-strings, numbers need no escaping
            if c is None:
                parts.append('<td class="ellipsis">…</td>')
                continue
            hue = _hue(c) if hue_columns else _hue(r) if hue_rows else None
            neuron = c if columns == "neuron" else row_neuron
            if changed is not None and (r, c) in changed:
                hue = f"{hue} changed" if hue else "changed"
                text = esc(formatted.cell(r, c)) + '<span class="changed-mark" aria-label="changed">✱</span>'
            else:
                text = formatted.cell(r, c)  # digits, signs, '.', 'e', spaces: nothing to escape
            parts.append(f'<td{f" class={chr(34)}{hue}{chr(34)}" if hue else ""}'
                         f'{f" data-neuron={chr(34)}{neuron}{chr(34)}" if neuron is not None else ""}>{text}</td>')
        body.append(tag("tr", "".join(parts), class_="broadcast" if broadcast and r > 0 else None))
    return tag("table", head + tag("tbody", "".join(body)),
               class_="matrix" + ("" if matrix else " vector"), aria_label=name)


def _hue(index: int | None) -> str | None:
    return None if index is None else f"hue-{index % HUES}"


def _axis(count: int, *sizes: int) -> list[int | None]:
    """One axis shared by several arrays of a figure: summarised if any of them is."""
    return summarised(count, max(sizes), THRESHOLD)


def product_grid(layer: LayerTrace, at: Position) -> str:
    """np.dot(left, right) laid out as on paper, in one table so that everything
    lines up: the right operand above the product, the left operand beside it,
    each product cell where its row and its column meet. While the player is inside
    the computation, the cells after its moment are not filled in yet, the current one
    shows its running sum, and the pair being multiplied is marked."""
    rows, columns = layer.grid_shape
    left_rows, right_columns = layer.left_rows(), layer.right_columns()
    n = len(left_rows[0])
    row_index = _axis(rows, rows * n, rows * columns)
    col_index = _axis(columns, columns * n, rows * columns)
    term_index = _axis(n, rows * n, columns * n)
    left = format_grid(left_rows, row_index, term_index)
    right = format_grid([list(t) for t in zip(*right_columns)], term_index, col_index)  # terms down
    product = format_grid(layer.as_grid(layer.dots), row_index, col_index)
    sel_r, sel_c = at.row, at.column
    pair = at.term - 1 if at.phase == "term" and at.term > 0 else None
    order = player.cells_on_show(layer)
    current = order.index((sel_r, sel_c)) if (sel_r, sel_c) in order else 0
    moment = player.frame(layer, sel_r, sel_c, at.phase, at.term) if at.playing else None
    batch = layer.stage.name == "batch"
    right_name = "weightsᵀ" if batch else layer.stage.right
    corner = tag("td", "", colspan=len(term_index) + 1, class_="corner")

    def hue(c):
        return _hue(c) if batch else None

    head = tag("tr", tag("td", tag("span", esc(right_name), class_="name"),
                         colspan=len(term_index) + 1, class_="corner operand-name")
               + "".join(tag("th", "…" if c is None else esc(column_label(layer, c)),
                             scope="col", class_=hue(c), data_neuron=c if batch else None) for c in col_index))
    body = []
    for p in term_index:
        body.append(tag("tr", corner + "".join(
            tag("td", "⋯" if c is None else ("⋮" if p is None else esc(right.cell(p, c))),
                class_=classes("right", hue(c), "hl" if c == sel_c and c is not None else None,
                               "pair" if c == sel_c and p == pair and p is not None else None,
                               "ellipsis" if c is None or p is None else None),
                data_col=c, data_term=p, data_neuron=c if batch else None)
            for c in col_index), class_="right-row"))
    body.append(tag("tr", tag("td", tag("span", esc(layer.stage.left), class_="name"), class_="operand-name")
                    + "".join(tag("td", "", class_="gap") for _ in term_index)
                    + "".join(tag("td", "", class_="gap") for _ in col_index), class_="left-name"))
    for r in row_index:
        if r is None:
            body.append(tag("tr", tag("th", "⋮", scope="row") + "".join(
                tag("td", "⋮", class_="left ellipsis") for _ in term_index) + "".join(
                tag("td", "⋮", class_="result ellipsis") for _ in col_index)))
            continue
        on_row = r == sel_r
        cells = tag("th", esc(row_label(layer, r)), scope="row", data_row=r,
                    class_="hl" if on_row else None)
        cells += "".join(tag("td", "…" if p is None else esc(left.cell(r, p)),
                             class_=classes("left", "hl" if on_row else None,
                                            "pair" if on_row and p == pair and p is not None else None,
                                            "ellipsis" if p is None else None),
                             data_row=r, data_term=p)
                         for p in term_index)
        for c in col_index:
            if c is None:
                cells += tag("td", "…", class_="result ellipsis")
                continue
            chosen = (r, c) == (sel_r, sel_c)
            value = product.cell(r, c).strip()
            state = None
            if moment is not None and (r, c) in order and order.index((r, c)) > current:
                state = "pending"
            elif moment is not None and chosen:
                state, value = "current", moment["sum"]
            button = tag("button", esc(value), type="button", class_="cell",
                         data_layer=layer.number, data_row=r, data_col=c, data_value=product.cell(r, c).strip(),
                         aria_pressed="true" if chosen else "false",
                         tabindex="0" if chosen else "-1",
                         aria_label=f"{cell_label(layer, r, c)}: " + (
                             "not computed yet" if state == "pending" else
                             f"{value} so far" if state == "current" else value))
            cells += tag("td", button, class_=classes("result", "selected" if chosen else None,
                                                      "hl-row" if on_row else None,
                                                      "hl-col" if c == sel_c else None, state),
                         data_neuron=layer.sample_neuron(r, c)[1])
        body.append(tag("tr", cells))
    return tag("table", tag("thead", head) + tag("tbody", "".join(body)),
               class_="matrix product-grid", data_layer=layer.number,
               aria_label=f"{layer.stage.expression(with_biases=False)}: select a cell to see its dot product")


CELLS_LISTED = 16  # the loops view lists at most this many dot products, first and last


def loop_names(layer: LayerTrace) -> dict[str, str]:
    """The loops' variables for this layer, as the Code region's program names them."""
    number = layer.number
    return {"inputs": "inputs" if number == 1 else f"layer{number - 1}_outputs",
            "weights": field_key("weights", number),
            "biases": layer.stage.bias if number == 1 else f"{layer.stage.bias}{number}",
            "outputs": layer.stage.outputs_name}


def loops_view(layer: LayerTrace, at: Position) -> str:
    """The product as the textbook's loops: the code with the line of the moment marked,
    the loop's variables like a debugger shows them, and each dot product they add up."""
    number = layer.number
    names = loop_names(layer)
    biases = "none" if layer.biases is None else "one" if layer.biases.ndim == 0 else "per_neuron"
    moment = player.frame(layer, at.row, at.column, at.phase, at.term)
    code = "\n".join(tag("span", esc(text.format(**names)), data_role=role,
                         class_=classes("line", "current-line" if role == moment["line"] else None))
                     for role, text in layer.stage.loop_lines(biases))
    variables = "".join(tag("div", tag("dt", esc(name)) + tag("dd", esc(value or "–"), data_var=name))
                        for name, value in moment["vars"].items())
    rows, columns = layer.grid_shape
    cells = [(r, c) for r in range(rows) for c in range(columns)]
    if len(cells) > CELLS_LISTED:
        half = CELLS_LISTED // 2
        cells = [*cells[:half], None, *cells[-half:]]
    items = []
    for cell in cells:
        if cell is None:
            items.append(tag("li", esc(f"… ({plural(rows * columns - CELLS_LISTED, 'more dot product')})"),
                             class_="ellipsis"))
            continue
        r, c = cell
        text = f"{cell_label(layer, r, c)}: {_sum_text(layer, r, c)}"
        chosen = cell == (at.row, at.column)
        items.append(tag("li", tag("button", esc(text), type="button", class_="cell", data_layer=number,
                                   data_row=r, data_col=c, aria_pressed="true" if chosen else "false",
                                   tabindex="0" if chosen else "-1")))
    return tag("div", tag("div", tag("pre", code, class_="loop-code", data_layer=number,
                                     aria_label=f"the loops of layer {number}")
                              + tag("dl", variables, class_="vars", aria_label="the loop's variables"))
               + tag("ol", "".join(items), class_="loop-sums"), class_="loops")


def _sum_text(layer: LayerTrace, r: int, c: int) -> str:
    cell = layer.cell(r, c)
    indices = terms_shown(len(cell.terms))
    terms = " + ".join("…" if i is None else f"{fmt(cell.terms[i][0])}×{fmt(cell.terms[i][1])}" for i in indices)
    text = f"{terms} = {fmt(cell.dot)}"
    return text if cell.bias is None else f"{text}, + {fmt(cell.bias)} = {fmt(cell.output)}"


def dot_detail(layer: LayerTrace, at: Position) -> str:
    """One product cell written out term by term, input × weight, as the textbook does;
    while playing, the terms done, the one being added and the sum so far."""
    r, c = at.row, at.column
    cell = layer.cell(r, c)
    indices = terms_shown(len(cell.terms))
    k = at.term if at.phase == "term" else None

    def progress(i):
        if k is None:
            return None
        return "done" if i < k - 1 else "current" if i == k - 1 else "todo"

    terms = []
    for i in indices:
        if i is None:
            terms.append(tag("span", "…", class_="term ellipsis"))
            continue
        x, w = cell.terms[i]
        terms.append(tag("span", tag("span", esc(fmt(x)), class_="a") + "×"
                         + tag("span", esc(fmt(w)), class_="b"), class_=classes("term", progress(i)), data_term=i))
    count = f" ({plural(len(cell.terms), 'term')})" if None in indices else ""
    sum_line = " + ".join(terms) + esc(count) + " = " + tag("strong", esc(fmt(cell.dot)), class_="dot")
    lines = tag("p", esc(f"{cell_label(layer, r, c)}: {cell_pairs(layer, r, c)}"), class_="dot-title") \
        + tag("p", sum_line, class_=classes("terms", "todo" if k is not None and k < len(cell.terms) else None))
    if cell.bias is not None:
        lines += tag("p", esc(fmt(cell.dot)) + " + " + tag("span", esc(fmt(cell.bias)), class_="bias")
                     + esc(" (bias)") + " = "
                     + tag("strong", esc(fmt(cell.output)), class_="output"),
                     class_=classes("with-bias", "todo" if k is not None else
                                    "current" if at.phase == "bias" else None))
    running = player.partial_sums(layer, r, c)[k] if k is not None else None
    lines += tag("p", esc("so far: ") + tag("strong", esc(fmt(running) if k is not None else ""), class_="running"),
                 class_="so-far", hidden=k is None)
    if exact_differs(cell.output):
        lines += tag("p", esc(exact_note(cell.output)), class_="exact")
    return tag("div", lines, class_="dot-detail", aria_live="polite", data_layer=layer.number,
               data_row=r, data_col=c)


SPEEDS = (("0.5", "slow"), ("1", "normal"), ("2", "fast"), ("4", "fastest"))


def player_controls(layer: LayerTrace, at: Position) -> str:
    """The player of this layer: its buttons, speed and granularity, and the moment in words.
    The page steps through the frames itself (``player.cell_frames``); the data attributes
    tell it the cells on show and how many frames each has."""
    total = player.frame_count(layer)
    index = player.index_of(layer, at)
    moment = player.frame(layer, at.row, at.column, at.phase, at.term)
    buttons = "".join(tag("button", esc(name), type="button", data_go=go, aria_keyshortcuts=keys)
                      for go, name, keys in (("first", "First step", "Home"), ("previous", "Previous step", "ArrowLeft"),
                                             ("play", "Play", "Space"), ("next", "Next step", "ArrowRight"),
                                             ("last", "Last step", "End")))
    speed = tag("label", esc("Speed ") + tag("select", "".join(
        tag("option", esc(words), value=value, selected=value == "1") for value, words in SPEEDS),
        data_speed="1"), class_="speed")
    granularity = tag("fieldset", tag("legend", esc("Step by")) + "".join(
        tag("label", tag("input", type="radio", name_=f"granularity-{layer.number}", value=value,
                         checked=value == "term") + esc(" " + words))
        for value, words in (("term", "each multiply-add"), ("cell", "each cell"))), class_="granularity")
    title_id = f"player-{layer.number}-title"
    status = tag("p", esc(f"Step {index} of {total}: {moment['say']}"), class_="player-status", role="status")
    keys = tag("p", esc("Keys in the player: ← and → step, Home and End go to the first and last step, "
                        "Space plays and pauses. Anywhere else on the page: [ and ] step."), class_="keys hint")
    keys += tag("p", esc("Playing is off because your system asks for reduced motion; step with Next step."),
                class_="motion-note hint", hidden=True)
    return tag("div", tag("h4", esc("Player"), id=title_id)
               + tag("div", buttons, class_="player-buttons") + tag("div", speed + granularity, class_="player-options")
               + status + keys,
               class_="player", role="group", aria_labelledby=title_id, tabindex="-1",
               data_layer=layer.number, data_terms=layer.features, data_biases=int(layer.biases is not None),
               data_cells=json.dumps(player.cells_on_show(layer), separators=(",", ":")),
               data_row=at.row, data_col=at.column, data_phase=at.phase, data_term=at.term)


def outputs_table(trace: Trace) -> str:
    """The Layer outputs region's content: the last layer's outputs as a table."""
    layer = trace.layers[-1]
    return figure(f"outputs of layer {layer.number}", layer.result, **_outputs_axes(layer))


def hidden_answer() -> str:
    return tag("p", esc("Hidden until you check your prediction above."), class_="empty")


def predict_panel(trace: Trace, kind: str, cell=None) -> str:
    """The exercise: its question, the answer field and the Check button (the page's glue
    sends the answer to pycore's exercise.check; nothing leaves the page)."""
    return tag("form", tag("p", esc(exercise.question(trace, kind, cell)), class_="question")
               + tag("div", tag("label", esc("Your prediction"), for_="prediction")
                     + tag("input", id="prediction", type="text", autocomplete="off", spellcheck="false",
                           autocapitalize="off", aria_describedby="verdict")
                     + tag("button", esc("Check"), type="submit"), class_="predict-row")
               + tag("p", "", id="verdict", class_="verdict", role="status"),
               class_="predict-form", data_kind=kind)


FIELD_HINTS = {
    "weights": "One row per neuron, one weight per input feature.",
    "biases": "One bias per neuron (a single number for a single neuron).",
    "inputs": "One sample [1, 2, 3, 2.5], or a batch: one row per sample.",
}


def field_editor(kind: str, number: int, text: str) -> str:
    """One labelled editor with its hint and its (empty) error line. The textarea
    starts with a newline because HTML drops the first one: the text stays exact."""
    key = field_key(kind, number)
    rows = 2 if kind == "biases" else 4
    return tag("div",
               tag("label", esc(field_label(key)), for_=f"field-{key}")
               + tag("p", esc(FIELD_HINTS[kind]), class_="hint explain", id=f"hint-{key}")
               + tag("textarea", "\n" + esc(text), id=f"field-{key}", data_key=key, data_prop=kind,
                     rows=rows, spellcheck="false", autocomplete="off", autocapitalize="off",
                     aria_describedby=f"hint-{key} error-{key}")
               + tag("p", "", class_="error", id=f"error-{key}", role="alert", hidden=True),
               class_="field", data_key=key)


def layer_fields(number: int, layer: dict) -> str:
    return tag("fieldset", tag("legend", esc(f"Layer {number}"))
               + field_editor("weights", number, layer["weights"]) + field_editor("biases", number, layer["biases"])
               + activation_picker(number, layer.get("activation", "none")),
               class_="layer-fields", data_layer=number)


def activation_picker(number: int, chosen: str) -> str:
    key = field_key("activation", number)
    options = "".join(tag("option", esc("none" if name == "none" else
                                        f"{ACTIVATIONS[name].title}: {ACTIVATIONS[name].formula}"),
                          value=name, selected=name == chosen) for name in ACTIVATIONS)
    return tag("div", tag("label", esc(field_label(key)), for_=f"field-{key}")
               + tag("select", options, id=f"field-{key}", data_key=key, data_prop="activation"),
               class_="field activation-field")


def layers_fields(layers: list[dict], start: int = 1) -> str:
    """The editors of the layers, numbered from ``start``."""
    return "".join(layer_fields(n, layer) for n, layer in enumerate(layers, start=start))


def examples_nav(examples) -> str:
    """The gallery's list items: each an ordinary share link."""
    return "".join(
        tag("li", tag("a", tag("span", esc(example.title), class_="title")
                      + tag("span", esc(example.caption), class_="caption"),
                      href="#" + example.fragment))
        for example in examples)
