"""Layer Lens's engine, in a Web Worker: pycore behind a few calls that take and
return JSON text. The page's main thread never runs Python, so however long a
computation takes, typing and scrolling never freeze.

The calls are exported to the page's glue (web/main.js) through PyScript's
worker ``__export__``; none of them touches the DOM. The state travels in the
JSON form pycore's state table defines (``pycore.state.to_json``).
"""

import hashlib
import json
import sys

# Restored from build.py's memory snapshot, Python already holds pycore: say so (the
# page shows it to tests and the benchmark).
BOOT = "snapshot" if "pycore" in sys.modules else "plain"

from pycore import render_html  # noqa: E402
from pycore import state as states  # noqa: E402
from pycore import view as views  # noqa: E402
from pycore.dense import BROWSER_WORK_LIMIT  # noqa: E402
from pycore.examples import EXAMPLES, add_layer_problem  # noqa: E402
from pycore.view import cells, check, complete, view  # noqa: E402

views.WORK_LIMIT = BROWSER_WORK_LIMIT  # here, in a browser: refuse what would take the loops over 2 s


async def start(page_url):
    """Load NumPy when the build vendored its wheel (from this origin only)."""
    with open("site.json") as file:
        wheel = json.load(file).get("numpy_wheel")
    numpy = False
    if wheel:
        import js
        import pyodide_js

        try:
            await pyodide_js.loadPackage(js.URL.new(wheel, page_url).href)
            import numpy as _  # noqa: F401

            numpy = True
            views.WORK_LIMIT = None  # NumPy computes large layers quickly
        except Exception as error:  # the pure-Python engine still computes everything
            js.console.warn(f"NumPy did not load ({error}); computing with the Python loops.")
    return json.dumps({"numpy": numpy, "max_layers": states.MAX_LAYERS, "boot": BOOT,
                       "examples": [states.to_json(example.state) for example in EXAMPLES]})


def open_link(hash_text):
    """The state a URL fragment describes (None when it describes none), and what was left out of it."""
    state, problems = states.decode(str(hash_text))
    flags = {} if state else states.link_flags(str(hash_text))
    return json.dumps({"state": states.to_json(state) if state else None, "flags": flags, "problems": problems})


def open_saved(work_json):
    """The state the last visit saved (its JSON form), checked like any untrusted input."""
    try:
        data = json.loads(work_json)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return json.dumps({"state": states.to_json(states.from_json(data)), "problems": []})
    except (ValueError, TypeError, AttributeError):
        return json.dumps({"state": None, "problems": [
            "Your saved work could not be read (the browser's storage holds something else); "
            "the example is shown instead."]})


def show(state_json, options_json):
    """Everything the page shows for a state. ``options``: ``editors``, the layer
    numbers whose editors the page lacks; ``revealed``, an exercise's answer was
    checked; ``have``, the token of each part the page shows (only new parts are sent)."""
    options = json.loads(options_json)
    asked = states.from_json(json.loads(state_json))
    state = complete(asked)
    revealed = bool(options.get("revealed"))
    editors = [render_html.layer_fields(n, state.layers[n - 1]) for n in options.get("editors", [])
               if 0 < n <= len(state.layers)]
    completed = states.to_json(state)["layers"] if None in asked.layers else []
    added = {i: completed[i] for i, layer in enumerate(asked.layers) if layer is None}  # Add a layer's fields
    fragment, too_large = states.link(state)
    answer = {"added": added, "editors": editors, "fragment": fragment, "link_note": too_large,
              "add_layer_problem": add_layer_problem(state)}
    try:
        shown = view(state, revealed=revealed)
    except Exception as error:  # a bug, not the learner's mistake: say so, keep the page working
        return json.dumps({**answer, "failure": f"{type(error).__name__}: {error}", "errors": {}})
    parts = [*shown.chunks, ("outputs", shown.outputs), ("code-loops", shown.code_loops),
             ("code-numpy", shown.code_numpy)]
    have = options.get("have") or {}
    shell = _token(shown.shell)
    if have.get("shell") != shell:  # the page puts in a new shell: every step goes into it
        have = {key: token for key, token in have.items() if ":" not in key}
    return json.dumps({**answer, "errors": shown.errors, "problems": shown.problems,
                       "shell": [shell, None if have.get("shell") == shell else shown.shell],
                       "chunks": _news(parts, have), "engine": shown.engine, "predict": shown.predict,
                       "step": shown.step})


def _token(text):
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _news(parts, have):
    """[id, token, HTML] for each part; the HTML is left out (None) where the page already
    shows that very part (its token matches): a large matrix is not sent again at every edit."""
    out = []
    for part_id, html in parts:
        token = _token(html)
        out.append([part_id, token, None if have.get(part_id) == token else html])
    return out


def check_prediction(state_json, guess):
    """The learner's prediction, right or wrong, and the step that answers it."""
    verdict = check(complete(states.from_json(json.loads(state_json))), str(guess))
    if verdict is None:
        return json.dumps(None)
    return json.dumps({"right": verdict.right, "words": verdict.words, "step": verdict.step,
                       "answered": verdict.answered})


def frames(state_json, layer, cells_json):
    """The player's frames for some cells of a layer, to play without asking again."""
    state = complete(states.from_json(json.loads(state_json)))
    return json.dumps(cells(state, int(layer), [tuple(cell) for cell in json.loads(cells_json)]))


def encode(state_json):
    """The link for a state, None when too large (the player moves without a full render)."""
    return json.dumps(states.link(complete(states.from_json(json.loads(state_json))))[0])


__export__ = ["start", "open_link", "open_saved", "show", "check_prediction", "frames", "encode"]
