"""Layer Lens's engine, in a Web Worker: pycore behind a few calls that take and
return JSON text. The page's main thread never runs Python, so however long a
computation takes, typing and scrolling never freeze.

The calls are exported to the page's glue (web/main.js) through PyScript's
worker ``__export__``; none of them touches the DOM.
"""

import json

from pycore import render_html
from pycore import state as fragment
from pycore.state import State
from pycore.view import view

_last = {"trace": None}  # the last trace that computed: cell selection re-renders it


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
        except Exception as error:  # the pure-Python engine still computes everything
            js.console.warn(f"NumPy did not load ({error}); computing with the Python loops.")
    return json.dumps({"numpy": numpy, "max_layers": fragment.MAX_LAYERS})


def open_link(hash_text):
    """The state a URL fragment (or a saved one) describes, and what was left out of it."""
    state, problems = fragment.decode(str(hash_text))
    return json.dumps({"state": _to_dict(state) if state else None, "problems": problems})


def show(state_json, selected_json):
    """Everything the page shows for these fields."""
    state = _from_dict(json.loads(state_json))
    try:
        shown = view(state, _selected(selected_json))
    except Exception as error:  # a bug, not the learner's mistake: say so, keep the page working
        return json.dumps({"failure": f"{type(error).__name__}: {error}", "errors": {},
                           "fragment": fragment.encode(state)})
    if shown.trace is not None:
        _last["trace"] = shown.trace
    return json.dumps({"errors": shown.errors, "steps": shown.steps, "outputs": shown.outputs,
                       "code_loops": shown.code_loops, "code_numpy": shown.code_numpy,
                       "engine": shown.engine, "fragment": fragment.encode(state)})


def select(selected_json):
    """The Steps again, with other product cells selected (nothing is recomputed)."""
    trace = _last["trace"]
    return json.dumps({"steps": render_html.render(trace, _selected(selected_json)) if trace else None})


def editors(state_json):
    """The layers' editors for a state, with its texts (escaped by pycore)."""
    state = _from_dict(json.loads(state_json))
    return json.dumps({"layers": render_html.layers_fields(state.layers)})


def add_layer(state_json):
    """The editors of one more layer, which starts with the textbook's next-page example."""
    state = _from_dict(json.loads(state_json)).with_layer_added()
    return json.dumps({"html": render_html.layer_fields(len(state.layers), *state.layers[-1])})


def example():
    return json.dumps({"state": _to_dict(State())})


def _selected(selected_json):
    return {int(layer): (int(cell[0]), int(cell[1])) for layer, cell in json.loads(selected_json).items()}


def _to_dict(state):
    return {"inputs": state.inputs, "layers": [list(layer) for layer in state.layers],
            "hide": list(state.hide), "step": state.step}


def _from_dict(data):
    return State(str(data["inputs"]), [(str(w), str(b)) for w, b in data["layers"]],
                 tuple(data.get("hide") or ()), data.get("step"))


__export__ = ["start", "open_link", "show", "select", "editors", "add_layer", "example"]
