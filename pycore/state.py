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

from .fields import label

MAX_FRAGMENT = 1_000_000  # characters; a link longer than this is not read at all
MAX_LAYERS = 8


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # inputs | weights | biases
    default: str  # the textbook's text for layer 1
    later_default: str = ""  # the text a newly added layer starts with


FIELDS = (
    FieldSpec("inputs", "[[1, 2, 3, 2.5],\n [2, 5, -1, 2],\n [-1.5, 2.7, 3.3, -0.8]]"),
    FieldSpec("weights", "[[0.2, 0.8, -0.5, 1],\n [0.5, -0.91, 0.26, -0.5],\n [-0.26, -0.27, 0.17, 0.87]]",
              later_default="[[0.1, -0.14, 0.5],\n [-0.5, 0.12, -0.33],\n [-0.44, 0.73, -0.13]]"),
    FieldSpec("biases", "[2, 3, 0.5]", later_default="[-1, 2, -0.5]"),
)
SPEC = {spec.kind: spec for spec in FIELDS}

# Flags for teachers embedding one worked step in a slide or an iframe.
HIDE_CHOICES = ("editors", "text", "code", "examples")
STEP_CHOICES = ("shapes", "transpose", "product", "biases", "outputs")

_KEY = re.compile(r"^(inputs|weights|biases)([1-9][0-9]?)?$")
_SAFE = "[],.-"  # left readable in links; everything else is percent-encoded


@dataclass
class State:
    inputs: str = SPEC["inputs"].default
    layers: list[tuple[str, str]] = field(
        default_factory=lambda: [(SPEC["weights"].default, SPEC["biases"].default)])
    hide: tuple[str, ...] = ()
    step: str | None = None

    def texts(self) -> dict[str, str]:
        """Each field's fragment key and text, in page order."""
        out = {"inputs": self.inputs}
        for number, (weights, biases) in enumerate(self.layers, start=1):
            suffix = "" if number == 1 else str(number)
            out["weights" + suffix] = weights
            out["biases" + suffix] = biases
        return out

    def with_layer_added(self) -> State:
        added = (SPEC["weights"].later_default, SPEC["biases"].later_default)
        return State(self.inputs, [*self.layers, added], self.hide, self.step)


def encode(state: State) -> str:
    """``inputs=…&weights=…&biases=…[&weights2=…&biases2=…][&hide=…][&step=…]``"""
    parts = [f"{key}={quote(text, safe=_SAFE)}" for key, text in state.texts().items()]
    if state.hide:
        parts.append("hide=" + ",".join(state.hide))
    if state.step:
        parts.append("step=" + state.step)
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
    texts: dict[str, str] = {}
    hide: tuple[str, ...] = ()
    step = None
    for part in fragment.split("&"):
        if not part:
            continue
        key, sep, raw = part.partition("=")
        shown_key = _shown(key)
        if not sep:
            problems.append(f"The link's part “{shown_key}” has no “=” and was left out.")
            continue
        try:
            value = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            problems.append(f"The link's value for “{shown_key}” is not valid percent-encoded "
                            "text and was left out.")
            continue
        if key == "hide":
            hide = tuple(choice for choice in HIDE_CHOICES if choice in value.split(","))
            continue
        if key == "step":
            if value in STEP_CHOICES:
                step = value
            else:
                problems.append(f"The link asks for an unknown step “{_shown(value)}”; all steps are shown.")
            continue
        match = _KEY.match(key)
        if not match or match.group(2) == "1":
            problems.append(f"The link's key “{shown_key}” is not one Layer Lens knows; it was left out.")
            continue
        if key in texts:
            problems.append(f"The link gives “{shown_key}” twice; the first one is used.")
            continue
        texts[key] = value
    if not any(_KEY.match(key) for key in texts):
        return (State(hide=hide, step=step) if hide or step else None), problems

    layers = []
    number = 1
    while number <= MAX_LAYERS:
        suffix = "" if number == 1 else str(number)
        weights, biases = texts.pop("weights" + suffix, None), texts.pop("biases" + suffix, None)
        if weights is None and biases is None:
            break
        if weights is None or biases is None:
            missing = label("weights" if weights is None else "biases", number)
            problems.append(f"The link has no {missing}; it starts empty.")
        layers.append((weights or "", biases or ""))
        number += 1
    inputs = texts.pop("inputs", None)
    if inputs is None:
        problems.append("The link has no Inputs; it starts empty.")
    for key in texts:
        problems.append(f"The link's “{_shown(key)}” does not follow the layers before it "
                        f"(at most {MAX_LAYERS} layers, numbered without gaps); it was left out.")
    if not layers:
        problems.append("The link has no Weights or Biases; they start empty.")
        layers = [("", "")]
    return State(inputs or "", layers, hide, step), problems


def _shown(text: str) -> str:
    """A bit of a hostile link, short enough to quote in a message (escaped later)."""
    text = text.replace("\n", " ")
    return text if len(text) <= 40 else text[:37] + "..."
