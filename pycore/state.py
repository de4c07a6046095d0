"""The page's whole state, the URL fragment that carries it, and its JSON forms.

One declarative table of properties (TensorFlow Playground's ``state.ts`` is the
model) drives reading and writing the fragment, the JSON the page's glue keeps,
the editors, and what the built page is told about the state (``table``): the page
retypes no default, choice or limit. A link is untrusted input: ``decode`` never
raises on a bad fragment, it keeps what it can and says what it left out.

The page keeps the state by link key (``to_keys``): ``{"inputs": …, "weights": …,
"weights2": …, "cell2": [1, 3], "view": "numpy", …}``, every key of every layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import quote, unquote

from .catalog import and_list, say
from .errors import field_key, field_label
from .player import LINKED_PHASES
from .stages import ACTIVATIONS
from .steps import STEP_KEYS, VIEWS

MAX_FRAGMENT = 1_000_000  # characters; a link longer than this is not read at all
MAX_LAYERS = 8
HIDDEN_PARTS = ("editors", "text", "code", "examples")  # what a slide or an iframe can leave out


@dataclass(frozen=True)
class Property:
    """One entry of the state: its name in the link, what it holds, its default."""

    name: str  # the fragment key (a layer's own keys add its number: weights2)
    # "text" (a field's text) | "flags" (some of choices) | "choice" (one of them) |
    # "cell" (two 1-based numbers, R,C) | "count" (a whole number from 0)
    type: str
    default: object = None  # for layer 1 (or the page)
    per_layer: bool = False  # one per layer: weights, weights2, ...
    choices: tuple[str, ...] = ()
    # what a change of it does: "computed" (the numbers are made of it: compute again),
    # "position" (the player's moment: the page shows it without a render), "shown" (how
    # the steps are told: render again), "presentation" (from links alone, never kept with
    # the learner's work, and mirrored onto the page, <body data-NAME>, for its styles)
    role: str = "computed"

    @property
    def presentation(self) -> bool:
        return self.role == "presentation"


# The one description of the state: encode, decode, the JSON forms and the editors follow it.
PROPERTIES = (
    Property("inputs", "text", "[[1, 2, 3, 2.5],\n [2, 5, -1, 2],\n [-1.5, 2.7, 3.3, -0.8]]"),
    Property("weights", "text",
             "[[0.2, 0.8, -0.5, 1],\n [0.5, -0.91, 0.26, -0.5],\n [-0.26, -0.27, 0.17, 0.87]]", per_layer=True),
    Property("biases", "text", "[2, 3, 0.5]", per_layer=True),
    # applied to the layer's outputs: none (the default: chapters 1 and 2 compute raw outputs)
    Property("activation", "choice", "none", per_layer=True, choices=tuple(ACTIVATIONS)),
    # the player's moment in a layer: the product cell (row, column, 1-based, as the page
    # labels them), how many terms of its dot product are added so far, or a later phase
    # of the cell ("bias" added, "activation" applied, "done": filled in). A layer with a
    # term or a phase is the one played; a cell alone is only selected.
    Property("cell", "cell", None, per_layer=True, role="position"),
    Property("term", "count", None, per_layer=True, role="position"),
    Property("phase", "choice", None, per_layer=True, choices=LINKED_PHASES, role="position"),
    # how the product step is shown: NumPy's matrix product, or the textbook's loops
    Property("view", "choice", VIEWS[0], choices=VIEWS, role="shown"),
    # for teachers embedding one worked step in a slide or an iframe
    Property("hide", "flags", (), choices=HIDDEN_PARTS, role="presentation"),
    # a teacher's exercise: the learner predicts the outputs' shape, one cell, or all the outputs
    Property("predict", "choice", None, choices=("shape", "cell", "outputs"), role="presentation"),
    Property("step", "choice", None, choices=STEP_KEYS, role="presentation"),
)
SPEC = {prop.name: prop for prop in PROPERTIES}
HIDE_CHOICES = SPEC["hide"].choices
STEP_CHOICES = SPEC["step"].choices
VIEW_CHOICES = SPEC["view"].choices
ACTIVATION_CHOICES = SPEC["activation"].choices
LAYER_PROPERTIES = tuple(prop for prop in PROPERTIES if prop.per_layer)
PAGE_PROPERTIES = tuple(prop for prop in PROPERTIES if not prop.per_layer)
FIELD_KINDS = tuple(prop.name for prop in PROPERTIES if prop.type == "text")  # the editors, in page order
POSITION = tuple(prop.name for prop in PROPERTIES if prop.role == "position")  # a layer's player moment
_KEY = re.compile(r"^([a-z]+?)([1-9][0-9]?)?$")
_SAFE = "[],.-"  # left readable in links; everything else is percent-encoded
_SURROGATE = re.compile("[\ud800-\udfff]")  # in a Python string, any one of these is half a character


def _default_layer() -> dict:
    return {prop.name: prop.default for prop in LAYER_PROPERTIES}


@dataclass
class State:
    """The page-wide properties, and one dict of the per-layer properties per layer."""

    inputs: str = SPEC["inputs"].default
    layers: list[dict] = field(default_factory=lambda: [_default_layer()])
    view: str = SPEC["view"].default
    hide: tuple[str, ...] = SPEC["hide"].default
    predict: str | None = SPEC["predict"].default
    step: str | None = SPEC["step"].default

    def texts(self) -> dict[str, str]:
        """Each field's key and text, in page order."""
        out = {prop.name: getattr(self, prop.name) for prop in PAGE_PROPERTIES if prop.type == "text"}
        for number, layer in enumerate(self.layers, start=1):
            for prop in LAYER_PROPERTIES:
                if prop.type == "text":
                    out[field_key(prop.name, number)] = layer[prop.name]
        return out

    def layer_texts(self) -> list[tuple[str, str]]:
        """(weights, biases) texts of each layer, as pycore's compute takes them."""
        return [(layer["weights"], layer["biases"]) for layer in self.layers]

    def activations(self) -> list[str]:
        return [layer.get("activation", "none") for layer in self.layers]


def layer_state(**values) -> dict:
    """One layer's properties: the given ones, the defaults for the rest."""
    return {**_default_layer(), **values}


def encode(state: State) -> str:
    """``inputs=…&weights=…&biases=…[&weights2=…&biases2=…][&hide=…][&step=…]``"""
    parts = []
    for prop in PAGE_PROPERTIES:
        if prop.type == "text":
            parts.append(_pair(prop, prop.name, getattr(state, prop.name)))
        if prop.name == "inputs":  # the layers follow the inputs, as on the page
            for number, layer in enumerate(state.layers, start=1):
                parts += [_pair(p, field_key(p.name, number), layer[p.name]) for p in LAYER_PROPERTIES]
    parts += [_pair(prop, prop.name, getattr(state, prop.name)) for prop in PAGE_PROPERTIES
              if prop.type != "text"]
    return "&".join(part for part in parts if part)


def link(state: State) -> tuple[str | None, str | None]:
    """The fragment for a state, or None and why not, when it is longer than a link
    that ``decode`` reads back: such work is kept in the browser, not in its address."""
    fragment = encode(state)
    if len(fragment) <= MAX_FRAGMENT:
        return fragment, None
    return None, say("link.too_large", length=len(fragment), most=MAX_FRAGMENT)


# Percent-encoding of plain ASCII in one pass (urllib's quote goes character by character:
# 16 ms for a 128 x 128 matrix's text, at every edit).
_ASCII_QUOTED = {c: (chr(c) if chr(c).isalnum() or chr(c) in "_.~" + _SAFE else f"%{c:02X}") for c in range(128)}


def _quote(text: str) -> str:
    return text.translate(_ASCII_QUOTED) if text.isascii() else quote(text, safe=_SAFE)


def _pair(prop: Property, key: str, value) -> str:
    if prop.type == "text":
        return f"{key}={_quote(value)}"
    if value == prop.default:  # everything but the fields' texts is left out of links at its default
        return ""
    if prop.type in ("flags", "cell"):
        return f"{key}={','.join(map(str, value))}"
    return f"{key}={value}"


def decode(fragment: str) -> tuple[State | None, list[str]]:
    """The state a link describes (None when it describes none), and messages
    about anything in it that was not used."""
    fragment = fragment[1:] if fragment.startswith("#") else fragment
    if not fragment:
        return None, []
    if len(fragment) > MAX_FRAGMENT:
        return None, [say("link.too_long", length=len(fragment), most=MAX_FRAGMENT)]
    given, problems = _given(fragment)
    if not any(SPEC[_KEY.match(k).group(1)].type == "text" for k in given):
        return None, problems  # no fields: the learner's own stay (link_flags gives the rest)

    layers = []
    for number in range(1, MAX_LAYERS + 1):
        keys = {prop.name: field_key(prop.name, number) for prop in LAYER_PROPERTIES}
        if not any(keys[prop.name] in given for prop in LAYER_PROPERTIES if prop.type == "text"):
            break
        layer = {}
        for prop in LAYER_PROPERTIES:
            k = keys[prop.name]
            if prop.type == "text" and k not in given:
                problems.append(say("link.no_field", field=field_label(k)))
            layer[prop.name] = given.pop(k, "" if prop.type == "text" else prop.default)
        layers.append(layer)
    page = {}
    for prop in PAGE_PROPERTIES:
        if prop.type == "text" and prop.name not in given:
            problems.append(say("link.no_field", field=field_label(prop.name)))
        page[prop.name] = given.pop(prop.name, "" if prop.type == "text" else prop.default)
    for k in given:
        problems.append(say("link.layer_gap", key=_shown(k), most=MAX_LAYERS))
    if not layers:
        problems.append(say("link.no_layer"))
        layers = [{prop.name: "" if prop.type == "text" else prop.default for prop in LAYER_PROPERTIES}]
    return State(layers=layers, **page), problems


def _given(fragment: str) -> tuple[dict[str, object], list[str]]:
    """Every key the link uses, with its value read, and messages about what was not used."""
    problems: list[str] = []
    given: dict[str, object] = {}  # key -> value, for every key used
    for part in fragment.split("&"):
        if not part:
            continue
        name, sep, raw = part.partition("=")
        shown = _shown(name)
        if not sep:
            problems.append(say("link.no_equals", part=shown))
            continue
        try:
            value = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            problems.append(say("link.bad_encoding", key=shown))
            continue
        match = _KEY.match(name)
        prop = SPEC.get(match.group(1)) if match else None
        if prop is None or (match.group(2) and (not prop.per_layer or match.group(2) == "1")):
            problems.append(say("link.unknown_key", key=shown))
        elif name in given:
            problems.append(say("link.twice", key=shown))
        else:
            value, problem = _read_value(prop, value)
            if problem:
                problems.append(problem)
            if value is not None:
                given[name] = value
    return given, problems


def link_flags(fragment: str) -> dict:
    """The page-wide settings a link gives (view, hide, predict, step), where it gives no
    fields: they apply to the fields on the page. Empty when it gives none."""
    fragment = fragment[1:] if fragment.startswith("#") else fragment
    if len(fragment) > MAX_FRAGMENT:
        return {}
    given, _ = _given(fragment)
    return {prop.name: _json_value(prop, given[prop.name]) for prop in PAGE_PROPERTIES
            if prop.type != "text" and prop.name in given}


def _read_value(prop: Property, value: str) -> tuple[object, str]:
    """A link's value for ``prop``, and a message when some of it was left out."""
    if prop.type == "text":
        return value, ""
    if prop.type in ("cell", "count"):
        parts = value.split(",")
        wanted = 2 if prop.type == "cell" else 1
        least = 1 if prop.type == "cell" else 0
        if len(parts) == wanted and all(p.isascii() and p.isdigit() and len(p) <= 6 and int(p) >= least
                                        for p in parts):
            numbers = tuple(int(p) for p in parts)
            return (numbers if prop.type == "cell" else numbers[0]), ""
        return None, say(f"link.not_{prop.type}", key=prop.name, value=_shown(value))
    if prop.type == "flags":
        asked = [v for v in value.split(",") if v]
        unknown = [v for v in asked if v not in prop.choices]
        kept = tuple(c for c in prop.choices if c in asked)
        problem = say("link.unknown_flags", key=prop.name, unknown=and_list([f"“{_shown(v)}”" for v in unknown]),
                      known=", ".join(prop.choices)) if unknown else ""
        return kept, problem
    if value in prop.choices:
        return value, ""
    return None, say("link.unknown_choice", key=prop.name, value=_shown(value))


def clean(text: str) -> str:
    """Text as UTF-8 can carry it: a lone surrogate (half of a character, which a page or
    its storage can hold but no encoder writes) becomes the replacement character."""
    return _SURROGATE.sub("\ufffd", text)


def _shown(text: str) -> str:
    """A bit of a hostile link, short enough to quote in a message (escaped later)."""
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."


# -- the JSON forms the page's glue keeps ---------------------------------------------------

def to_keys(state: State) -> dict:
    """The state by link key, every key of every layer: the form the page keeps."""
    data = {}
    for prop in PAGE_PROPERTIES:
        data[prop.name] = _json_value(prop, getattr(state, prop.name))
        if prop.name == "inputs":
            for number, layer in enumerate(state.layers, start=1):
                for p in LAYER_PROPERTIES:
                    data[field_key(p.name, number)] = _json_value(p, layer[p.name])
    return data


def from_keys(data: dict, *, keep_presentation: bool = True) -> State:
    """The state from its keys (see ``to_keys``), which come from the page or its storage:
    anything of the wrong type, or not one of the choices, reads as the default; the
    layers are those whose fields are given, numbered without gaps. ``keep_presentation``
    False drops what only links may set (saved work never hides the editors)."""
    page = {prop.name: _valid(prop, data.get(prop.name)) for prop in PAGE_PROPERTIES
            if keep_presentation or not prop.presentation}
    layers = []
    for number in range(1, MAX_LAYERS + 1):
        keys = {prop.name: field_key(prop.name, number) for prop in LAYER_PROPERTIES}
        if not any(keys[prop.name] in data for prop in LAYER_PROPERTIES if prop.type == "text"):
            break
        layers.append({prop.name: _valid(prop, data.get(keys[prop.name])) for prop in LAYER_PROPERTIES})
    return State(layers=layers or [{prop.name: _valid(prop, None) for prop in LAYER_PROPERTIES}], **page)


def with_key(state: State, key: str, value) -> State | None:
    """The state with one key set, its value read as ``from_keys`` reads it; None when the
    key is not one of this state's (an unknown name, a layer it does not have)."""
    match = _KEY.match(key)
    prop = SPEC.get(match.group(1)) if match else None
    number = int(match.group(2) or 1) if match else 0
    if prop is None or (number > 1 and not prop.per_layer) or (match.group(2) == "1") \
            or not 1 <= number <= len(state.layers):
        return None
    value = _valid(prop, value)
    if not prop.per_layer:
        return replace(state, **{prop.name: value})
    layers = list(state.layers)
    layers[number - 1] = {**layers[number - 1], prop.name: value}
    return replace(state, layers=layers)


def to_json(state: State) -> dict:
    """The nested form: ``{"inputs": …, "layers": [{"weights": …, "biases": …}, …], …}``."""
    data = {prop.name: _json_value(prop, getattr(state, prop.name)) for prop in PAGE_PROPERTIES}
    data["layers"] = [{prop.name: _json_value(prop, layer[prop.name]) for prop in LAYER_PROPERTIES}
                      for layer in state.layers]
    return data


def from_json(data: dict, *, keep_presentation: bool = True) -> State:
    """The state from either JSON form: by key (``to_keys``), or nested (``to_json``, as
    work saved by earlier versions of the page holds it)."""
    if not isinstance(data, dict):
        data = {}
    layers = data.get("layers")
    if not isinstance(layers, list):
        return from_keys(data, keep_presentation=keep_presentation)
    page = {prop.name: _valid(prop, data.get(prop.name)) for prop in PAGE_PROPERTIES
            if keep_presentation or not prop.presentation}
    layers = [layer for layer in layers[:MAX_LAYERS] if isinstance(layer, dict)] or [{}]
    return State(layers=[{prop.name: _valid(prop, layer.get(prop.name)) for prop in LAYER_PROPERTIES}
                         for layer in layers], **page)


def readable(data) -> bool:
    """Is this work as Layer Lens saves it (either JSON form), as far as its fields go?
    Storage can hold anything; what is not this is set aside, never opened as empty fields."""
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), str):
        return False
    layers = data.get("layers")
    if isinstance(layers, list):
        return bool(layers) and all(isinstance(layer, dict) and isinstance(layer.get("weights"), str)
                                    for layer in layers)
    return isinstance(data.get("weights"), str)


def _json_value(prop: Property, value):
    return list(value) if prop.type in ("flags", "cell") and value is not None else value


def _valid(prop: Property, value):
    if prop.type == "text":
        return clean(value) if isinstance(value, str) else ""
    if prop.type == "flags":
        return tuple(c for c in prop.choices if isinstance(value, list) and c in value)
    if prop.type == "cell":
        ok = isinstance(value, list) and len(value) == 2 and all(_whole(v, 1) for v in value)
        return tuple(value) if ok else prop.default
    if prop.type == "count":
        return value if _whole(value, 0) else prop.default
    return value if value in prop.choices else prop.default


def _whole(value, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and least <= value < 10**6


def table() -> dict:
    """What the page is told about the state: every property (its type, default and
    choices, whether it is per layer, what a change of it does), the layer limit."""
    return {"properties": [{"name": p.name, "type": p.type, "default": _json_value(p, p.default),
                            "per_layer": p.per_layer, "choices": list(p.choices), "role": p.role}
                           for p in PROPERTIES],
            "max_layers": MAX_LAYERS,
            "layer_field": next(p.name for p in LAYER_PROPERTIES if p.type == "text")}  # a layer has it: one per layer
