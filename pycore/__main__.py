"""python -m pycore --inputs TEXT --weights TEXT --biases TEXT [--weights TEXT --biases TEXT ...] [--json]"""

from __future__ import annotations

import argparse
import sys

from . import render_json, render_text
from .dense import forward
from .errors import InputError
from .parse import read_fields
from .state import ACTIVATION_CHOICES

EXAMPLE = """\
example (the textbook's batch of 3 samples through a layer of 3 neurons):
  python3 -m pycore \\
    --inputs  "[[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]" \\
    --weights "[[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]" \\
    --biases  "[2, 3, 0.5]"

Repeat --weights and --biases for each further layer; the outputs of one layer
are the inputs of the next. --activation relu (or step) after a layer's --biases
applies that activation to its outputs. Fields take the textbook's list syntax or a pasted
grid (numbers split by spaces or commas, rows by newlines or semicolons).
"""


class _LayerActivation(argparse.Action):
    """--activation NAME applies to the layer whose --biases came last before it."""

    def __call__(self, parser, namespace, value, option_string=None):
        layer = len(getattr(namespace, "biases", None) or [])
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest) or []), (layer, value)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m pycore",
        description="Show every step of a dense layer: inputs · weightsᵀ + biases.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", required=True, metavar="TEXT", help="a sample or a batch")
    parser.add_argument("--weights", action="append", required=True, metavar="TEXT",
                        help="one neuron's weights, or one row per neuron (repeat per layer)")
    parser.add_argument("--biases", action="append", required=True, metavar="TEXT",
                        help="one bias per neuron (repeat per layer); empty for none")
    parser.add_argument("--activation", action=_LayerActivation, choices=ACTIVATION_CHOICES, metavar="NAME",
                        help="the activation of the layer whose --biases come just before: "
                             f"{', '.join(ACTIVATION_CHOICES)} (default none)")
    parser.add_argument("--json", action="store_true", help="print the whole trace as one JSON object")
    parser.add_argument("--full", action="store_true",
                        help="print every digit instead of at most 8 decimals")
    parser.add_argument("--no-numpy", action="store_true",
                        help="compute with the pure-Python loops only")
    args = parser.parse_args(argv)
    if len(args.weights) != len(args.biases):
        parser.error(f"each layer needs --weights and --biases: got {len(args.weights)} "
                     f"--weights and {len(args.biases)} --biases")
    activations = ["none"] * len(args.weights)
    for number, name in args.activation or []:
        if number == 0:
            parser.error("--activation belongs after its layer's --biases")
        if number > len(activations) or activations[number - 1] != "none":
            parser.error(f"--activation given twice for layer {number}")
        activations[number - 1] = name
    inputs, layers, errors = read_fields(args.inputs, list(zip(args.weights, args.biases)))
    if not errors:
        try:
            trace = forward(inputs, layers, use_numpy=False if args.no_numpy else None,
                            texts=(args.inputs, list(zip(args.weights, args.biases))), activations=activations)
        except InputError as error:
            errors = [error]
    if errors:  # every field's own mistake, as the page shows them, top to bottom
        for error in errors:
            print(_printable(f"error: {error.message}", sys.stderr), file=sys.stderr)
        return 2
    if args.json:
        ascii_only = not _writes(sys.stdout, "ᵀ≠")
        sys.stdout.write(render_json.render(trace, ascii_only=ascii_only) + "\n")
    else:
        sys.stdout.write(_printable(render_text.render(trace, full=args.full), sys.stdout))
    return 0


# Where the terminal cannot write a symbol (a Windows console in cp1252, a pipe in ASCII),
# write it the way a keyboard would.
_PLAIN = str.maketrans({"≠": "!=", "ᵀ": ".T", "×": "*", "·": ".", "…": "...", "✱": "*", "→": "->",
                        "⋮": ":", "⋯": "...", "⋱": "...", "“": '"', "”": '"', "’": "'", "—": "-",
                        "\u2068": "", "\u2069": ""})


def _writes(stream, text: str) -> bool:
    try:
        text.encode(stream.encoding or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def _printable(text: str, stream) -> str:
    if _writes(stream, text):
        return text
    plain = text.translate(_PLAIN)
    return plain.encode(stream.encoding or "ascii", "replace").decode(stream.encoding or "ascii")


if __name__ == "__main__":
    sys.exit(main())
