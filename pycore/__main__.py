"""python -m pycore --inputs TEXT --weights TEXT --biases TEXT [--weights TEXT --biases TEXT ...] [--json]"""

from __future__ import annotations

import argparse
import sys

from . import render_json, render_text
from .catalog import say
from .dense import read_and_compute
from .state import ACTIVATION_CHOICES

# The textbook's batch of 3 samples through a layer of 3 neurons, as a command (the help's example).
EXAMPLE_COMMAND = """\
  python3 -m pycore \\
    --inputs  "[[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]" \\
    --weights "[[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]" \\
    --biases  "[2, 3, 0.5]"
"""


def epilog() -> str:
    """The help's example and how the options combine, after the options."""
    return say("cli.example") + "\n" + EXAMPLE_COMMAND + "\n" + say("cli.epilog") + "\n"


class _LayerActivation(argparse.Action):
    """--activation NAME applies to the layer whose --biases came last before it."""

    def __call__(self, parser, namespace, value, option_string=None):
        layer = len(getattr(namespace, "biases", None) or [])
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest) or []), (layer, value)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m pycore",
        description=say("cli.description"),
        epilog=epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", required=True, metavar="TEXT", help=say("cli.help.inputs"))
    parser.add_argument("--weights", action="append", required=True, metavar="TEXT",
                        help=say("cli.help.weights"))
    parser.add_argument("--biases", action="append", required=True, metavar="TEXT",
                        help=say("cli.help.biases"))
    parser.add_argument("--activation", action=_LayerActivation, choices=ACTIVATION_CHOICES, metavar="NAME",
                        help=say("cli.help.activation", choices=", ".join(ACTIVATION_CHOICES)))  # the names, as typed
    parser.add_argument("--json", action="store_true", help=say("cli.help.json"))
    parser.add_argument("--full", action="store_true", help=say("cli.help.full"))
    parser.add_argument("--no-numpy", action="store_true", help=say("cli.help.no_numpy"))
    args = parser.parse_args(argv)
    if len(args.weights) != len(args.biases):
        parser.error(say("cli.unpaired", weights=len(args.weights), biases=len(args.biases)))
    activations = ["none"] * len(args.weights)
    for number, name in args.activation or []:
        if number == 0:
            parser.error(say("cli.activation_first"))
        if number > len(activations) or activations[number - 1] != "none":
            parser.error(say("cli.activation_twice", number=number))
        activations[number - 1] = name
    trace, errors = read_and_compute(args.inputs, list(zip(args.weights, args.biases)),
                                     use_numpy=False if args.no_numpy else None, activations=activations)
    if errors:  # every field's own mistake, as the page shows them, top to bottom
        for error in errors:
            print(_printable(say("cli.error", message=error.message), sys.stderr), file=sys.stderr)
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
