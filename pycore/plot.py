"""Plots as SVG: a single-input neuron's output against its input (the seed's first
figures: the weight is the slope, the bias the shift), and an activation function
with a layer's outputs on it.

Each plot keeps its data-to-pixel mapping in data attributes and every marked
point its true (x, y), so what is drawn can be checked against the maths.
"""

from __future__ import annotations

import math

from .catalog import say
from .html import esc
from .numfmt import fmt

WIDTH, HEIGHT = 340, 240
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 14, 34  # margins around the plotting box
POINTS_SHOWN = 40
CURVE_POINTS = 64  # a curve is drawn through this many straight pieces
KNOB_RANGE = (-3, 3, 0.1)  # the weight and bias sliders' reach and step; the fields can hold any number


def _nice_step(span: float) -> float:
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _ticks(low: float, high: float):
    """Round values from ``low`` to ``high``, about five of them."""
    step = _nice_step(high - low)
    tick = math.ceil(low / step) * step
    while tick <= high + 1e-9:
        yield tick
        tick += step


def _range(values: list[float], pad: float = 0.08) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    margin = (high - low) * pad
    return low - margin, high + margin


def plot(function, x_range: tuple[float, float], points: list[tuple[float, float, str]], *,
         name: str, title: str, description: str, x_label: str, y_label: str, kinks: tuple[float, ...] = (),
         jumps: tuple[float, ...] = (), y_range: tuple[float, float] | None = None, curved: bool = False) -> str:
    """``function`` drawn over ``x_range``, exact at the ends, at ``kinks`` (where a straight
    piece turns) and on both sides of ``jumps`` (where it leaps); ``points`` marked and labelled.
    ``curved``: not straight between those, so drawn through CURVE_POINTS points.
    ``y_range``: the output axis's reach whatever the function (widened only to show all of
    it), so that two plots side by side, or one plot before and after a change, compare."""
    x0, x1 = x_range
    along = [x0 + (x1 - x0) * i / CURVE_POINTS for i in range(1, CURVE_POINTS)] if curved else []
    xs = sorted({x0, x1, *along, *[k for k in kinks if x0 < k < x1]})
    pieces = [[(x, function(x)) for x in xs]]
    for jump in (j for j in jumps if x0 < j < x1):  # a step: two pieces, no line across the leap
        left = [(x, y) for x, y in pieces[0] if x < jump] + [(jump, function(jump))]
        right = [(jump, function(jump + 1e-12))] + [(x, y) for x, y in pieces[0] if x > jump]
        pieces = [left, right]
    ys = [y for piece in pieces for _, y in piece] + [y for _, y, _ in points] + [0.0]
    y0, y1 = _range(ys)
    if y_range is not None:  # the fixed reach, where the values stay within it
        y0 = y0 if min(ys) < y_range[0] else y_range[0]
        y1 = y1 if max(ys) > y_range[1] else y_range[1]
    box_w, box_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x):
        return LEFT + (x - x0) / (x1 - x0) * box_w

    def py(y):
        return TOP + (y1 - y) / (y1 - y0) * box_h

    parts = []
    for tick in _ticks(x0, x1):
        parts.append(f'<line class="grid" x1="{px(tick):.1f}" y1="{TOP}" x2="{px(tick):.1f}" y2="{TOP + box_h}"/>'
                     f'<text class="tick" x="{px(tick):.1f}" y="{TOP + box_h + 14}">{esc(fmt(round(tick, 6)))}</text>')
    for tick in _ticks(y0, y1):
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{py(tick):.1f}" x2="{LEFT + box_w}" y2="{py(tick):.1f}"/>'
                     f'<text class="tick y" x="{LEFT - 5}" y="{py(tick) + 4:.1f}">{esc(fmt(round(tick, 6)))}</text>')
    if x0 <= 0 <= x1:
        parts.append(f'<line class="axis" x1="{px(0):.1f}" y1="{TOP}" x2="{px(0):.1f}" y2="{TOP + box_h}"/>')
    if y0 <= 0 <= y1:
        parts.append(f'<line class="axis" x1="{LEFT}" y1="{py(0):.1f}" x2="{LEFT + box_w}" y2="{py(0):.1f}"/>')
    for piece in pieces:
        line = " ".join(f"{px(x):.2f},{py(y):.2f}" for x, y in piece)
        parts.append(f'<polyline class="curve" points="{line}"/>')
    for x, y, label in points[:POINTS_SHOWN]:
        parts.append(f'<circle class="point" cx="{px(x):.2f}" cy="{py(y):.2f}" r="4.5" data-x="{x!r}" data-y="{y!r}"/>')
        if label:
            anchor = "end" if px(x) > LEFT + box_w * 0.7 else "start"
            dx = -7 if anchor == "end" else 7
            parts.append(f'<text class="label" text-anchor="{anchor}" x="{px(x) + dx:.1f}" y="{py(y) - 7:.1f}">'
                         f'{esc(label)}</text>')
    parts.append(f'<text class="axis-label" x="{LEFT + box_w / 2:.1f}" y="{HEIGHT - 3}">{esc(x_label)}</text>'
                 f'<text class="axis-label" transform="rotate(-90)" x="{-(TOP + box_h / 2):.1f}" y="12">'
                 f'{esc(y_label)}</text>')
    return (f'<svg class="plot" role="img" aria-labelledby="{name}-title {name}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" data-x0="{x0!r}" data-x1="{x1!r}" data-y0="{y0!r}" data-y1="{y1!r}" '
            f'data-box="{LEFT},{TOP},{box_w},{box_h}">'
            f'<title id="{name}-title">{esc(title)}</title><desc id="{name}-desc">{esc(description)}</desc>'
            + "".join(parts) + "</svg>")


def neuron_plot(number: int, weight, bias, xs: list) -> str:
    """output = weight · input + bias, as a line over the inputs around ``xs`` (the
    samples' one input each), with each sample's input marked on it."""
    bias_value = 0 if bias is None else bias
    low, high = min(-3.0, min(xs) - 1), max(3.0, max(xs) + 1)
    points = [(x, weight * x + bias_value, f"({fmt(x)}, {fmt(weight * x + bias_value)})") for x in xs]
    formula = {"weight": fmt(weight), "bias": fmt(bias_value)}
    # the axes stay put while the knobs turn (as far as the sliders reach): a
    # steeper line looks steeper, a shifted one shifted, instead of the ticks changing
    knob = max(abs(KNOB_RANGE[0]), abs(KNOB_RANGE[1]))
    reach = knob * max(abs(low), abs(high)) + knob
    gives = "; ".join(say("plot.neuron.point", input=fmt(x), output=fmt(y)) for x, y, _ in points[:POINTS_SHOWN])
    return plot(lambda v: weight * v + bias_value, (low, high), points,
                y_range=(-reach, reach), name=f"plot-{number}",
                title=say("plot.neuron.title" if bias is None else "plot.neuron.title_bias", **formula),
                description=say("plot.neuron.description", points=gives, **formula),
                x_label=say("plot.neuron.x_label"), y_label=say("plot.neuron.y_label"))


def activation_plot(number: int, activation, outputs: list) -> str:
    """An activation function, with each of the layer's outputs as a point on it."""
    values = [v for v in outputs if isinstance(v, (int, float))]
    low, high = _range(values + [0.0], pad=0.15)
    points = [(v, activation.apply(v), "") for v in values[:POINTS_SHOWN]]
    shown = "; ".join(say("plot.activation.point", before=fmt(x), after=fmt(y)) for x, y, _ in points[:12])
    words = f"activation.{activation.name}"
    description = (say("plot.activation.description_more", words=say(f"{words}.words"), points=shown,
                       more=len(values) - 12) if len(values) > 12 else
                   say("plot.activation.description", words=say(f"{words}.words"), points=shown))
    return plot(activation.apply, (low, high), points, name=f"activation-{number}",
                title=say("plot.activation.title", activation=say(f"{words}.title"), formula=say(f"{words}.formula"),
                          number=number),
                description=description, x_label=say("plot.activation.x_label"),
                y_label=say("plot.activation.y_label"), kinks=activation.kinks, curved=activation.curved,
                jumps=activation.jumps)
