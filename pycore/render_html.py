"""The Steps as HTML for the page: each layer's section and each of its steps.

Numbers come from ``numfmt.format_array``: one format per array, as NumPy prints it.
Words come from the catalog. What the player marks at a moment (the cell being
computed, the pair being multiplied, the terms done) is not drawn here: the markup
is the computation finished, with the data attributes a moment (``player.moment``)
is applied by (web/moment.js), in the live page and the pre-rendered one alike.

Each step declares, beside its view, what it depends on (``step_view``); a step whose
sources did not change is not rendered again (pycore/cache.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import cache, diagram, player, plot
from .catalog import plural, say
from .errors import field_key
from .html import classes, esc, tag
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
from .stages import ACTIVATIONS
from .steps import (
    cell_label,
    cell_pairs,
    column_label,
    exact_note,
    headline,
    row_label,
    shape_words,
    steps,
)
from .trace import LayerTrace, Trace

HUES = 6  # neuron j is coloured hue-(j % HUES) wherever it appears
ASKING_STEPS = ("network", "shapes")  # what an exercise shows before the learner answers


@dataclass(frozen=True)
class Context:
    """How the Steps are told: the product as NumPy's ``view`` or the loops; ``asking``,
    an exercise waits for its answer (nothing that gives it away is shown); ``played``,
    the layer the player is in; ``step``, the one step a link shows; ``names``, each
    layer's variables (programs.names); ``sources``, what each layer's facts come from
    (cache.sources: without them every step is rendered afresh)."""

    view: str = "numpy"
    asking: bool = False
    played: int = 1
    step: str | None = None
    answer: str | None = None  # the step that answers a checked exercise (in the last layer)
    names: dict[int, dict] = field(default_factory=dict)
    sources: list[dict] | None = None
    state: object = None  # the whole state (pycore.state.State): a view may read any key of it

    def value(self, name: str):
        """A field of the context, or else a key of the state (what a step view's ``context`` names)."""
        return getattr(self, name) if hasattr(self, name) else getattr(self.state, name)


def render(trace: Trace, context: Context | None = None) -> str:
    """The Steps region's content, whole."""
    shell, chunks = render_parts(trace, context or Context())
    return fill(shell, chunks)


def fill(shell: str, chunks: list[tuple[str, str]]) -> str:
    """The shell with every step's content in its place."""
    for chunk_id, html in chunks:
        shell = shell.replace(f'data-chunk="{chunk_id}"></', f'data-chunk="{chunk_id}">{html}</', 1)
    return shell


def render_parts(trace: Trace, context: Context) -> tuple[str, list[tuple[str, str]]]:
    """The Steps as a shell (each layer's section, with an empty item per step) and each
    step's content by id (``"1:shapes"``, ``"1:product/grid"``): the page replaces
    only what changed, and only what changed is rendered again."""
    shell, chunks = [], []
    for layer in trace.layers:
        previous = trace.layers[layer.number - 2] if layer.number > 1 else None
        source = context.sources[layer.number - 1] if context.sources else None
        items = []
        for step in steps(layer, context.view, previous):
            if context.asking and step.key not in ASKING_STEPS:
                continue
            chosen = "chosen" if step.key == context.step else None
            if step.key == context.answer and layer is trace.layers[-1]:
                chosen = classes(chosen, "answer")
            parts = [(suffix, view) for suffix, view in VIEWS[step.key]
                     if view.shown is None or view.shown(layer, context)]
            for suffix, view in parts:
                chunk_id = f"{layer.number}:{step.key}{suffix}"
                extra = tuple(context.value(name) for name in view.context)
                chunks.append((chunk_id, cache.piece(layer.number, step.key + suffix, source, view.depends,
                                                     lambda v=view, s=step, at=layer: v.render(at, s, context),
                                                     *extra)))
            focus = "-1" if chosen and "answer" in chosen else None  # "Show the worked step" brings the focus here
            if len(parts) == 1:
                items.append(tag("li", "", class_=classes("step", f"step-{step.key}", chosen),
                                 data_chunk=f"{layer.number}:{step.key}", tabindex=focus))
            else:
                items.append(tag("li", "".join(tag("div", "", class_="part", data_chunk=f"{layer.number}:{step.key}"
                                                   + suffix) for suffix, _ in parts),
                                 class_=classes("step", f"step-{step.key}", chosen), tabindex=focus))
        title_id = f"layer-{layer.number}-title"
        shell.append(tag("section",
                         tag("h2", esc(headline(layer)), id=title_id)
                         + tag("p", (esc(say("render.in_numpy")) if context.view == "loops" else "")
                               + tag("code", esc(layer.expression)), class_="expression")
                         + tag("ol", "".join(items), class_="steps"),
                         class_=f"layer stage-{layer.stage_name}", data_layer=layer.number,
                         aria_labelledby=title_id))
    return "".join(shell), chunks


# -- each step's view, and what it depends on ----------------------------------------------

@dataclass(frozen=True)
class StepView:
    render: object  # (layer, step, context) -> HTML
    depends: tuple[str, ...]  # the layer's sources it is made of (cache.sources)
    context: tuple[str, ...] = ()  # and the Context fields
    shown: object = None  # (layer, context) -> bool: where the part exists at all


VIEWS: dict[str, list[tuple[str, StepView]]] = {}  # step key -> its parts, by chunk suffix


def step_view(key: str, suffix: str = "", *, depends: tuple[str, ...], context: tuple[str, ...] = (), shown=None):
    """Register ``function`` as (a part of) step ``key``'s view, made of ``depends``."""
    def register(function):
        VIEWS.setdefault(key, []).append((suffix, StepView(function, depends, context, shown)))
        return function
    return register


EVERYTHING = ("up", "weights", "biases", "activation")


def _words(step) -> str:
    """A step's title and its words (which a slide can leave out: hide=text)."""
    body = tag("h3", esc(step.title)) + "".join(tag("p", esc(t), data_hideable="text") for t in step.text)
    if step.hint:
        body += tag("p", esc(step.hint), class_="hint-line", data_hideable="text")
    return body


@step_view("network", depends=(*EVERYTHING, "previous"), context=("asking",))
def network_step(layer: LayerTrace, step, context: Context) -> str:
    if context.asking:  # an exercise: the diagram without its outputs
        return tag("h3", esc(step.title)) + tag("p", esc(step.text[0]), data_hideable="text") \
            + network_view(layer, outputs=False)
    knobs = knobs_view(layer) if layer.weights.ndim == 1 and layer.features == 1 else ""
    return _words(step) + knobs + network_view(layer)


@step_view("shapes", depends=("up", "weights", "biases"))
def shapes_step(layer: LayerTrace, step, context: Context) -> str:
    two_d = layer.weights.ndim == 2
    figures = [figure("inputs", layer.inputs.values, rows="sample"),
               figure("weights", layer.weights.values, rows="neuron" if two_d else None, hue_rows=two_d)]
    if layer.biases is not None:
        figures.append(figure(layer.stage.bias, layer.biases.values, columns="neuron" if two_d else None,
                              hue_columns=two_d))
    return _words(step) + tag("div", "".join(figures), class_="arrays")


@step_view("transpose", depends=("up", "weights"))
def transpose_step(layer: LayerTrace, step, context: Context) -> str:
    return _words(step) + pair(figure("weights", layer.weights.values, rows="neuron", hue_rows=True),
                               say("arrow.transpose"),
                               figure("weightsᵀ", layer.transposed(), columns="neuron", hue_columns=True))


# The product step in three parts, each sent to the page again only when it changed: the
# grid of dot products (the bulk of a large layer) does not depend on the biases; the
# selected cell's worked sum is filled in by the moment the page applies.
@step_view("product", depends=EVERYTHING, context=("view", "played"))
def product_words(layer: LayerTrace, step, context: Context) -> str:
    played = layer.number == context.played
    return (_words(step) + player_controls(layer, hidden=not played)
            + tag("button", esc(say("render.play_layer", number=layer.number)), type="button", class_="play-here",
                  data_layer=layer.number, hidden=played))


@step_view("product", "/grid", depends=("up", "weights"), context=("view",),
           shown=lambda layer, context: context.view != "loops")
def product_grid_part(layer: LayerTrace, step, context: Context) -> str:
    return scroller(product_grid(layer))


@step_view("product", "/loops", depends=(*EVERYTHING, "layers"), context=("view",),
           shown=lambda layer, context: context.view == "loops")
def product_loops_part(layer: LayerTrace, step, context: Context) -> str:
    return loops_view(layer, context.names.get(layer.number) or {})


@step_view("product", "/detail", depends=())
def product_detail_part(layer: LayerTrace, step, context: Context) -> str:
    return tag("div", "", class_="detail-slot", data_layer=layer.number)  # the moment puts the cell's sum here


@step_view("biases", depends=("up", "weights", "biases"))
def biases_step(layer: LayerTrace, step, context: Context) -> str:
    labels = _outputs_axes(layer)
    if layer.biases is None:
        return _words(step) + tag("div", figure("outputs", layer.outputs, **labels), class_="arrays")
    return _words(step) + tag(
        "div", figure(say("figure.dot_products"), layer.dots, **labels)
        + tag("div", tag("span", "+", class_="op", aria_hidden="true")
              + figure(layer.stage.bias, layer.broadcast_biases(), broadcast=layer.stage.name == "batch", **labels),
              class_="operand")
        + tag("div", tag("span", "=", class_="op", aria_hidden="true")
              + figure("outputs", layer.outputs, **labels), class_="operand"),
        class_="arrays sum")


@step_view("activation", depends=EVERYTHING)
def activation_step(layer: LayerTrace, step, context: Context) -> str:
    return _words(step) + activation_view(layer)


@step_view("outputs", depends=EVERYTHING)
def outputs_step(layer: LayerTrace, step, context: Context) -> str:
    return _words(step) + tag("div", figure("outputs", layer.result, **_outputs_axes(layer)), class_="arrays")


def _outputs_axes(layer: LayerTrace) -> dict:
    """How the outputs' axes are labelled: rows and columns of a table."""
    axes = layer.stage.outputs
    if len(axes) == 2:
        return {"rows": axes[0], "columns": axes[1], "hue_columns": axes[1] == "neuron"}
    if len(axes) == 1:
        return {"columns": axes[0], "hue_columns": axes[0] == "neuron"}
    return {}


# -- pictures ---------------------------------------------------------------------------

def knobs_view(layer: LayerTrace) -> str:
    """The seed's first figures: a one-input neuron's output against its input, with
    sliders for the weight and the bias that write into the fields."""
    weight, bias = layer.weights.values[0], layer.neuron_bias(0)
    xs = [layer.sample_values(sample)[0] for sample in range(layer.samples)]  # each sample's one input
    low, high, step = plot.KNOB_RANGE
    sliders = ""
    for kind, value, template in (("weights", weight, "{}" if "weights" in layer.read_as else "[{}]"),
                                  ("biases", 0 if bias is None else bias, "{}")):
        key = field_key(kind, layer.number)
        name = say(f"knob.{kind}")
        outside = not low <= value <= high
        sliders += tag("label", tag("span", esc(name), class_="knob-name")
                       + tag("input", type="range", min=low, max=high, step=step,
                             value=min(max(value, low), high), data_field=key, data_template=template,
                             aria_label=name, aria_valuetext=fmt(value))
                       + tag("output", esc(fmt(value)), class_="knob-value")
                       + (tag("span", esc(say("knob.outside", value=fmt(value), low=low, high=high)),
                              class_="hint") if outside else ""), class_="knob")
    return tag("div", tag("figure", plot.neuron_plot(layer.number, weight, bias, xs), class_="plot-figure")
               + tag("div", sliders, class_="knobs", role="group",
                     aria_label=say("knob.group", number=layer.number)), class_="knobs-view")


def activation_view(layer: LayerTrace) -> str:
    """The outputs before and after the activation, the changed ones marked, and the function plotted."""
    activation = ACTIVATIONS[layer.activation]
    title, name = say(f"activation.{activation.name}.title"), say(f"activation.{activation.name}.name")
    labels = _outputs_axes(layer)
    return pair(figure("outputs", layer.outputs, **labels), title,
                figure(say("figure.after", activation=name), layer.activated, changed=_changed(layer), **labels)) \
        + tag("figure", plot.activation_plot(layer.number, activation, flat(layer.outputs)), class_="plot-figure")


def _changed(layer: LayerTrace) -> set[tuple[int, int]]:
    cells = layer.activation_changed()
    if layer.stage.rows and not layer.stage.columns:  # shown as one row: (0, index)
        return {(0, r) for r, _ in cells}
    return cells


def network_view(layer: LayerTrace, outputs: bool = True) -> str:
    """The diagram, with the controls to show another sample or light another neuron.
    Drawn for the first sample; a moment shows its own sample's numbers and lights its
    neuron (and, while playing, the edge being multiplied)."""
    picture = scroller(diagram.svg(layer, 0, outputs=outputs))
    controls = []
    if layer.samples > 1:
        r, c = layer.cell_of(1, 0)
        controls += [tag("button", esc(say("network.previous_sample")), type="button", class_="pick",
                         data_layer=layer.number, data_sample="previous", disabled=True),
                     tag("span", esc(say("network.which_sample", sample=1, samples=layer.samples)),
                         class_="which-sample"),
                     tag("button", esc(say("network.next_sample")), type="button", class_="pick",
                         data_layer=layer.number, data_sample="next", data_row=r, data_col=c)]
    if layer.neurons > 1:
        picks = []
        for j in diagram.shown_neurons(layer):
            r, c = layer.cell_of(0, j)
            picks.append(tag("button", esc(say("network.neuron", number=j + 1)), type="button",
                             class_=classes("pick", _hue(j)), data_layer=layer.number, data_row=r, data_col=c,
                             data_neuron=j, aria_pressed="false"))
        controls.append(tag("span", "".join(picks), class_="neuron-picks"))
    bar = tag("div", "".join(controls), class_="diagram-controls", role="group",
              aria_label=say("network.group", number=layer.number)) if controls else ""
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


_FORMATS = cache.Recent(24)  # one array is shown in several steps: formatted once
_FIGURES = cache.Recent(24)  # the same array, named and labelled alike, in two steps: rendered once


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
    mark = '<span class="changed-mark" aria-label="' + esc(say("figure.changed")) + '">✱</span>'
    if not formatted.shape:
        return tag("table", tag("tbody", tag("tr", tag("td", esc(formatted.cell(0, 0)) + (mark if changed else "")))),
                   class_="matrix scalar", aria_label=name)
    matrix = len(formatted.shape) == 2
    rows = rows if matrix else None
    head = ""
    if columns:
        head = tag("thead", tag("tr", (tag("td", "") if rows else "") + "".join(
            tag("th", "…" if c is None else esc(say(f"axis.{columns}", number=c + 1)), scope="col",
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
        cells = tag("th", esc(say(f"axis.{rows}", number=r + 1)), scope="row", data_neuron=row_neuron,
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
                text = esc(formatted.cell(r, c)) + mark
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


def product_grid(layer: LayerTrace) -> str:
    """np.dot(left, right) laid out as on paper, in one table so that everything lines
    up: the right operand above the product, the left operand beside it, each product
    cell where its row and its column meet. Every cell is a button (one Tab stop: the
    moment says which) that knows its place in the loops' order (``data-order``)."""
    rows, columns = layer.grid_shape
    left_rows, right_columns = layer.left_rows(), layer.right_columns()
    n = len(left_rows[0])
    row_index = _axis(rows, rows * n, rows * columns)
    col_index = _axis(columns, columns * n, rows * columns)
    term_index = _axis(n, rows * n, columns * n)
    left = format_grid(left_rows, row_index, term_index)
    right = format_grid([list(t) for t in zip(*right_columns)], term_index, col_index)  # terms down
    product = format_grid(layer.as_grid(layer.dots), row_index, col_index)
    order = {cell: i for i, cell in enumerate(player.cells_on_show(layer))}
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
                class_=classes("right", hue(c), "ellipsis" if c is None or p is None else None),
                data_col=c, data_term=p, data_neuron=c if batch else None)
            for c in col_index), class_="right-row"))
    body.append(tag("tr", tag("td", tag("span", esc(layer.stage.left), class_="name"), class_="operand-name")
                    + "".join(tag("td", "", class_="gap") for _ in term_index)
                    + "".join(tag("td", "", class_="gap") for _ in col_index), class_="left-name"))
    first = player.cells_on_show(layer)[0]
    for r in row_index:
        if r is None:
            body.append(tag("tr", tag("th", "⋮", scope="row") + "".join(
                tag("td", "⋮", class_="left ellipsis") for _ in term_index) + "".join(
                tag("td", "⋮", class_="result ellipsis") for _ in col_index)))
            continue
        cells = tag("th", esc(row_label(layer, r)), scope="row", data_row=r)
        cells += "".join(tag("td", "…" if p is None else esc(left.cell(r, p)),
                             class_=classes("left", "ellipsis" if p is None else None), data_row=r, data_term=p)
                         for p in term_index)
        for c in col_index:
            if c is None:
                cells += tag("td", "…", class_="result ellipsis")
                continue
            value = product.cell(r, c).strip()
            label = cell_label(layer, r, c)
            button = tag("button", esc(value), type="button", class_="cell", data_layer=layer.number,
                         data_row=r, data_col=c, data_order=order[(r, c)], data_value=value, data_label=label,
                         aria_pressed="false", tabindex="0" if (r, c) == first else "-1",
                         aria_label=say("page.cell.value", label=label, value=value))
            cells += tag("td", button, class_="result", data_neuron=layer.sample_neuron(r, c)[1])
        body.append(tag("tr", cells))
    return tag("table", tag("thead", head) + tag("tbody", "".join(body)),
               class_="matrix product-grid", data_layer=layer.number,
               aria_label=say("grid.label", expression=layer.stage.expression(with_biases=False)))


CELLS_LISTED = 16  # the loops view lists at most this many dot products, first and last


def loops_view(layer: LayerTrace, names: dict[str, str]) -> str:
    """The product as the textbook's loops: the code (the moment marks its line), the
    loop's variables like a debugger shows them, and each dot product they add up.
    ``names``: the layer's variables, as the Code region's program names them."""
    number = layer.number
    biases = "none" if layer.biases is None else "one" if layer.biases.ndim == 0 else "per_neuron"
    code = "\n".join(tag("span", esc(text.format(**names)), data_role=role, class_="line")
                     for role, text in layer.stage.loop_lines(biases, layer.activation))
    accumulator = layer.stage.accumulator
    variables = "".join(tag("div", tag("dt", esc(name)) + tag("dd", "–", data_var=name))
                        for name in ("n_input", "weight", accumulator))
    rows, columns = layer.grid_shape
    cells = [(r, c) for r in range(rows) for c in range(columns)]
    if len(cells) > CELLS_LISTED:
        half = CELLS_LISTED // 2
        cells = [*cells[:half], None, *cells[-half:]]
    items = []
    for cell in cells:
        if cell is None:
            items.append(tag("li", esc(say("loops.more", count=rows * columns - CELLS_LISTED)), class_="ellipsis"))
            continue
        r, c = cell
        text = f"{cell_label(layer, r, c)}: {_sum_text(layer, r, c)}"
        items.append(tag("li", tag("button", esc(text), type="button", class_="cell", data_layer=number,
                                   data_row=r, data_col=c, aria_pressed="false",
                                   tabindex="0" if cell == (0, 0) else "-1")))
    return tag("div", tag("div", tag("pre", code, class_="loop-code", data_layer=number,
                                     aria_label=say("loops.code", number=number))
                              + tag("dl", variables, class_="vars", aria_label=say("loops.vars")))
               + tag("ol", "".join(items), class_="loop-sums"), class_="loops")


def _sum_text(layer: LayerTrace, r: int, c: int) -> str:
    cell = layer.cell(r, c)
    indices = terms_shown(len(cell.terms))
    terms = " + ".join("…" if i is None else f"{fmt(cell.terms[i][0])}×{fmt(cell.terms[i][1])}" for i in indices)
    text = f"{terms} = {fmt(cell.dot)}"
    return text if cell.bias is None else f"{text}, + {fmt(cell.bias)} = {fmt(cell.output)}"


def dot_detail(layer: LayerTrace, r: int, c: int) -> str:
    """One product cell written out term by term, input × weight, as the textbook does,
    then its bias and its activation. A moment marks the terms done, the one being added
    and the sum so far."""
    cell = layer.cell(r, c)
    indices = terms_shown(len(cell.terms))
    terms = []
    for i in indices:
        if i is None:
            terms.append(tag("span", "…", class_="term ellipsis"))
            continue
        x, w = cell.terms[i]
        terms.append(tag("span", tag("span", esc(fmt(x)), class_="a") + "×" + tag("span", esc(fmt(w)), class_="b"),
                         class_="term", data_term=i))
    count = esc(say("detail.count", terms=plural(len(cell.terms), "term"))) if None in indices else ""
    sum_line = " + ".join(terms) + count + " = " + tag("strong", esc(fmt(cell.dot)), class_="dot")
    lines = tag("p", esc(f"{cell_label(layer, r, c)}: {cell_pairs(layer, r, c)}"), class_="dot-title") \
        + tag("p", sum_line, class_="terms")
    if cell.bias is not None:
        lines += tag("p", esc(fmt(cell.dot)) + " + " + tag("span", esc(fmt(cell.bias)), class_="bias")
                     + esc(say("detail.bias")) + " = " + tag("strong", esc(fmt(cell.output)), class_="output"),
                     class_="with-bias", data_line="bias")
    final = cell.output
    if layer.activated is not None:
        activation = ACTIVATIONS[layer.activation]
        final = layer.as_grid(layer.activated)[r][c]
        lines += tag("p", esc(say("detail.activation", activation=say(f"activation.{activation.name}.function"),
                                  output=fmt(cell.output))) + " = " + tag("strong", esc(fmt(final)), class_="output"),
                     class_="with-activation", data_line="activation")
    lines += tag("p", esc(say("detail.so_far")) + tag("strong", "", class_="running"), class_="so-far", hidden=True)
    if exact_differs(final):
        lines += tag("p", esc(exact_note(final)), class_="exact")
    return tag("div", lines, class_="dot-detail", data_layer=layer.number, data_row=r, data_col=c)


def player_controls(layer: LayerTrace, hidden: bool = False) -> str:
    """The player of this layer: its buttons, speed and granularity, and the moment in
    words (a moment fills it in). The page steps through pycore's moments itself."""
    buttons = "".join(tag("button", esc(say(f"player.{go}")), type="button", data_go=go, aria_keyshortcuts=keys)
                      for go, keys in (("first", "Home"), ("previous", "ArrowLeft"), ("play", "Space"),
                                       ("next", "ArrowRight"), ("last", "End")))
    speed = tag("label", esc(say("player.speed")) + tag("select", "".join(
        tag("option", esc(say(f"player.speed.{value}")), value=value, selected=value == player.SPEED)
        for value in player.SPEEDS), data_speed=player.SPEED), class_="speed")
    granularity = tag("fieldset", tag("legend", esc(say("player.step_by"))) + "".join(
        tag("label", tag("input", type="radio", name_=f"granularity-{layer.number}", value=value,
                         checked=value == player.GRANULARITIES[0]) + esc(" " + say(f"player.by_{value}")))
        for value in player.GRANULARITIES), class_="granularity")
    title_id = f"player-{layer.number}-title"
    status = tag("p", "", class_="player-status", role="status")
    keys = tag("p", esc(say("player.keys")), class_="keys hint")
    keys += tag("p", esc(say("player.motion")), class_="motion-note hint", hidden=True)
    return tag("div", tag("h4", esc(say("player.title")), id=title_id)
               + tag("div", buttons, class_="player-buttons") + tag("div", speed + granularity, class_="player-options")
               + status + keys,
               class_="player", role="group", aria_labelledby=title_id, tabindex="-1", data_layer=layer.number,
               hidden=hidden)


def outputs_table(trace: Trace) -> str:
    """The Layer outputs region's content: the last layer's outputs as a table."""
    layer = trace.layers[-1]
    return figure(say("figure.outputs_of_layer", number=layer.number), layer.result, **_outputs_axes(layer))


def hidden_answer() -> str:
    return tag("p", esc(say("outputs.hidden")), class_="empty")
