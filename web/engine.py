"""Layer Lens's engine, in a Web Worker: the page's session (pycore.session) behind
PyScript's worker calls. The page's main thread never runs Python, so however long a
computation takes, typing and scrolling never freeze.

Every call takes one JSON message and returns one JSON reply (docs/protocol.md): a
reply says ``"ok": true``, or, when a bug in Python raised, ``"ok": false`` with the
bug and the session's version, so the page says so and goes on. None of them touches
the DOM.
"""

import functools
import json
import sys
import traceback
from pathlib import Path

# Restored from build.py's memory snapshot, Python already holds pycore: say so (the
# page shows it to tests and the benchmark).
BOOT = "snapshot" if "pycore" in sys.modules else "plain"

from pycore import view as views  # noqa: E402
from pycore.catalog import say  # noqa: E402
from pycore.dense import BROWSER_WORK_LIMIT  # noqa: E402
from pycore.session import Session  # noqa: E402

views.WORK_LIMIT = BROWSER_WORK_LIMIT  # here, in a browser: refuse what would take the loops over 2 s
session = Session()  # the page's one session: this worker serves one page


def _failed(error: BaseException) -> str:
    return json.dumps({"ok": False, "version": session.version, "bug": f"{type(error).__name__}: {error}",
                       "trace": traceback.format_exc()[-4000:]})


def boundary(call):
    """The call's reply as JSON text; a bug in Python becomes a reply that says so."""
    @functools.wraps(call)
    def answer(message_json="{}"):
        try:
            message = json.loads(str(message_json))
            return json.dumps({"ok": True, **call(message if isinstance(message, dict) else {})})
        except (Exception, SystemExit) as error:  # SystemExit too: nothing a call raises may stop the worker
            return _failed(error)
    return answer


async def start(page_url):
    """Load NumPy when the build vendored its wheel (from this origin only)."""
    try:
        wheel = json.loads(Path("site.json").read_text()).get("numpy_wheel")
        numpy = False
        if wheel:
            import js
            import pyodide_js

            try:
                await pyodide_js.loadPackage(js.URL.new(wheel, str(page_url)).href)
                import numpy as _  # noqa: F401

                numpy = True
                views.WORK_LIMIT = None  # NumPy computes large layers quickly
            except Exception as error:  # the pure-Python engine still computes everything
                js.console.warn(say("engine.numpy_failed", error=str(error)))
        return json.dumps({"ok": True, "numpy": numpy, "boot": BOOT})
    except (Exception, SystemExit) as error:
        return _failed(error)


ping = boundary(session.ping)
open = boundary(session.open)  # noqa: A001 (the protocol's name for it)
update = boundary(session.update)
frames = boundary(session.frames)
check = boundary(session.check)

__export__ = ["start", "ping", "open", "update", "frames", "check"]
