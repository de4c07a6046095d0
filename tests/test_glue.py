"""The page's glue (web/), read as source: one store, small modules with one job each,
nothing pycore decides written again, no words of its own. The end-to-end tests drive it;
these keep its shape."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from pycore.catalog import en, web_messages
from pycore.state import PROPERTIES

WEB = ROOT / "web"
SCRIPTS = sorted(path for path in WEB.glob("*.js") if path.name != "sw.js")  # sw.js: the service worker
# a string literal (each kind of quote), or a comment: read left to right, so that quotes in
# comments and comment marks in strings are each what they are
TOKENS = re.compile(r"""(?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)"""
                    r"""|//[^\n]*|/\*.*?\*/""", re.S)


def literals(path, ids: bool = False) -> list[str]:
    """The string literals of a script, without the elements' ids it looks up (``$("editors")``)."""
    code = path.read_text(encoding="utf-8")
    found = []
    for match in TOKENS.finditer(code):
        if match.group("string") and (ids or not code[:match.start()].endswith("$(")):
            found.append(match.group("string")[1:-1])
    return found


def test_the_composition_root_is_short_and_no_module_is_long():
    assert len((WEB / "app.js").read_text().splitlines()) <= 150
    for path in [*SCRIPTS, WEB / "engine.py"]:
        assert len(path.read_text().splitlines()) <= 400, path.name


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_module_but_the_store_holds_state_of_its_own(path):
    text = path.read_text(encoding="utf-8")
    if path.name != "store.js":
        assert not re.findall(r"^(?:let|var)\s", text, flags=re.M), "module-level let/var"
        assert not re.findall(r"^const \w+ = (?:new (?:Map|Set|WeakMap|WeakSet|Array)\b|\[|\{)", text, flags=re.M)
    assert "window.__layerLens" not in text and "globalThis.__layerLens" not in text


def test_nothing_pycore_decides_is_written_again_in_the_glue():
    """Defaults, choices and the layer limit reach the page from pycore (the built page's
    data): a script that names one of them as a string has written it again."""
    decided = set()
    for prop in PROPERTIES:
        decided |= set(prop.choices)
        if isinstance(prop.default, str) and prop.default:
            decided.add(prop.default)
    for path in SCRIPTS:
        found = decided & set(literals(path))
        assert not found, f"{path.name} writes {sorted(found)}"
        assert not re.search(r"max_?layers\s*=\s*\d|\b8\s*layers", path.read_text(), flags=re.I), path.name
    style = (WEB / "style.css").read_text()
    for choice in decided:
        assert f'"{choice}"' not in style, f"style.css names {choice}"


PROSE = re.compile(r"[A-Za-z]{2,}[,;:]? [a-z]{2,} [a-z]{2,}")  # three words in a row: a sentence's start
SELECTOR = re.compile(r"[#\[\]>]|^[\w.\- ]*\.[a-z][\w-]*(?: |$)")  # a CSS selector


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_the_glue_says_nothing_of_its_own(path):
    """Every sentence comes from pycore's catalog (web/words.js says the page.* ids)."""
    prose = [text for text in literals(path) if PROSE.search(text) and not SELECTOR.search(text)]
    assert not prose, prose
    for message_id in re.findall(r"""say\(\s*["'](page\.[\w.]+)["']""", path.read_text()):
        assert message_id in en.MESSAGES, message_id


def test_every_message_the_glue_says_is_in_the_built_pages_catalog():
    said = set()
    for path in SCRIPTS:
        said |= {text for text in literals(path) if re.fullmatch(r"page\.[\w.]+", text)}
    assert said <= set(web_messages()), said - set(web_messages())
    unused = {key for key in web_messages() if key not in said}
    assert not unused, f"page.* messages no script says: {sorted(unused)}"
