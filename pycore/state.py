"""The page's whole state, and the URL fragment that carries it.

One declarative table of fields (TensorFlow Playground's ``state.ts`` is the
model) drives both reading and writing the fragment; nothing else parses it.
A link is untrusted input: ``decode`` never raises on a bad fragment, it keeps
what it can and says what it left out, in words for the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from .fields import key, label

MAX_FRAGMENT = 1_000_000  # characters; a link longer than this is not read at all
MAX_LAYERS = 8


@dataclass(frozen=True)
class Property:
    """One entry of the state: its name in the link, what it holds, its default."""

    name: str  # the fragment key (a layer's own keys add its number: weights2)
    type: str  # "text" (a field's text) | "flags" (some of choices) | "choice" (one of them)
    default: object = None  # for layer 1 (or the page)
    later_default: object = None  # for a newly added layer
    per_layer: bool = False  # one editor per layer: Weights, Weights (layer 2), ...
    choices: tuple[str, ...] = ()


# The one description of the state: encode, decode and the page's editors follow it.
PROPERTIES = (
    Property("inputs", "text", "[[1, 2, 3, 2.5],\n [2, 5, -1, 2],\n [-1.5, 2.7, 3.3, -0.8]]"),
    Property("weights", "text",
             "[[0.2, 0.8, -0.5, 1],\n [0.5, -0.91, 0.26, -0.5],\n [-0.26, -0.27, 0.17, 0.87]]",
             "[[0.1, -0.14, 0.5],\n [-0.5, 0.12, -0.33],\n [-0.44, 0.73, -0.13]]", per_layer=True),
    Property("biases", "text", "[2, 3, 0.5]", "[-1, 2, -0.5]", per_layer=True),
    # for teachers embedding one worked step in a slide or an iframe
    Property("hide", "flags", (), choices=("editors", "text", "code", "examples")),
    Property("step", "choice", None, choices=("shapes", "transpose", "product", "biases", "outputs")),
)
SPEC = {prop.name: prop for prop in PROPERTIES}
HIDE_CHOICES = SPEC["hide"].choices
STEP_CHOICES = SPEC["step"].choices
_LAYER_FIELDS = tuple(prop for prop in PROPERTIES if prop.per_layer)
_KEY = re.compile(r"^([a-z]+?)([1-9][0-9]?)?$")
_SAFE = "[],.-"  # left readable in links; everything else is percent-encoded


@dataclass
class State:
    inputs: str = SPEC["inputs"].default
    layers: list[tuple[str, ...]] = field(
        default_factory=lambda: [tuple(prop.default for prop in _LAYER_FIELDS)])
    hide: tuple[str, ...] = SPEC["hide"].default
    step: str | None = SPEC["step"].default

    def texts(self) -> dict[str, str]:
        """Each field's fragment key and text, in page order."""
        out = {prop.name: getattr(self, prop.name) for prop in PROPERTIES
               if prop.type == "text" and not prop.per_layer}
        for number, texts in enumerate(self.layers, start=1):
            for prop, text in zip(_LAYER_FIELDS, texts):
                out[key(prop.name, number)] = text
        return out

    def with_layer_added(self) -> State:
        added = tuple(prop.later_default for prop in _LAYER_FIELDS)
        return State(self.inputs, [*self.layers, added], self.hide, self.step)


def encode(state: State) -> str:
    """``inputs=…&weights=…&biases=…[&weights2=…&biases2=…][&hide=…][&step=…]``"""
    parts = [f"{name}={quote(text, safe=_SAFE)}" for name, text in state.texts().items()]
    for prop in PROPERTIES:
        if prop.type == "text":
            continue
        value = getattr(state, prop.name)
        if prop.type == "flags" and value:
            parts.append(f"{prop.name}={','.join(value)}")
        elif prop.type == "choice" and value is not None:
            parts.append(f"{prop.name}={value}")
    return "&".join(parts)


def decode(fragment: str) -> tuple[State | None, list[str]]:
    """The state a link describes (None when it describes none), and messages
    about anything in it that was not used."""
    fragment = fragment[1:] if fragment.startswith("#") else fragment
    if not fragment:
        return None, []
    if len(fragment) > MAX_FRAGMENT:
        return None, [f"This link is {len(fragment):,} characters long; links of up to "
                      f"{MAX_FRAGMENT:,} are read. The example is shown instead."]
    problems: list[str] = []
    texts: dict[str, str] = {}  # fragment key -> text, for the text properties
    values: dict[str, object] = {}  # property name -> value, for the others
    for part in fragment.split("&"):
        if not part:
            continue
        name, sep, raw = part.partition("=")
        shown = _shown(name)
        if not sep:
            problems.append(f"The link's part “{shown}” has no “=” and was left out.")
            continue
        try:
            value = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            problems.append(f"The link's value for “{shown}” is not valid percent-encoded "
                            "text and was left out.")
            continue
        match = _KEY.match(name)
        prop = SPEC.get(match.group(1)) if match else None
        number = int(match.group(2) or 1) if match else 1
        if prop is None or (match.group(2) and (not prop.per_layer or number == 1)):
            problems.append(f"The link's key “{shown}” is not one Layer Lens knows; it was left out.")
        elif name in texts or name in values:
            problems.append(f"The link gives “{shown}” twice; the first one is used.")
        elif prop.type == "text":
            texts[name] = value
        elif prop.type == "flags":
            values[name] = tuple(c for c in prop.choices if c in value.split(","))
        elif value in prop.choices:
            values[name] = value
        else:
            problems.append(f"The link asks for an unknown {prop.name} “{_shown(value)}”; "
                            "it was left out.")
    flags = {prop.name: values.get(prop.name, prop.default) for prop in PROPERTIES
             if prop.type != "text"}
    if not texts:
        return (State(**flags) if values else None), problems

    layers = []
    for number in range(1, MAX_LAYERS + 1):
        keys = [key(prop.name, number) for prop in _LAYER_FIELDS]
        if not any(k in texts for k in keys):
            break
        for prop, k in zip(_LAYER_FIELDS, keys):
            if k not in texts:
                problems.append(f"The link has no {label(prop.name, number)}; it starts empty.")
        layers.append(tuple(texts.pop(k, "") for k in keys))
    singles = {}
    for prop in PROPERTIES:
        if prop.type == "text" and not prop.per_layer:
            if prop.name not in texts:
                problems.append(f"The link has no {label(prop.name)}; it starts empty.")
            singles[prop.name] = texts.pop(prop.name, "")
    for k in texts:
        problems.append(f"The link's “{_shown(k)}” does not follow the layers before it "
                        f"(at most {MAX_LAYERS} layers, numbered without gaps); it was left out.")
    if not layers:
        problems.append("The link has no Weights or Biases; they start empty.")
        layers = [tuple("" for _ in _LAYER_FIELDS)]
    return State(layers=layers, **singles, **flags), problems


def _shown(text: str) -> str:
    """A bit of a hostile link, short enough to quote in a message (escaped later)."""
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."
