"""The engine protocol (docs/protocol.md), as a contract: web/engine.py on CPython, driven
with the messages the page sends, its replies checked against what the document says."""

from __future__ import annotations

import importlib.util
import json
import re
from urllib.parse import quote

import pytest
from helpers import ROOT

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES
from pycore.state import decode, encode, to_keys

DOC = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
DEFAULT = EXAMPLES[DEFAULT_EXAMPLE]

# What each reply holds, as the document's tables say (a render adds RENDER's fields).
RENDER = {"errors", "problems", "fragment", "link_note", "add_layer_problem", "flags", "revealed", "shell", "parts",
          "moments", "played", "positions"}
REPLIES = {"ping": {"ok", "version"}, "open": {"ok", "version", "replaced", "state"},
           "update": {"ok", "version", "added"}, "frames": {"ok", "version", "layer", "cells"},
           "check": {"ok", "version", "verdict"}}
CELL = {"layer", "cell", "order", "previous", "next", "first", "last", "start", "count", "detail", "token"}
MOMENT = {"layer", "cell", "order", "phase", "term", "playing", "step", "index", "total", "value", "pair", "detail",
          "line", "vars", "diagram", "say", "status", "link", "label"}


@pytest.fixture
def engine():
    """A fresh web/engine.py: one page's session."""
    spec = importlib.util.spec_from_file_location("engine_under_test", ROOT / "web" / "engine.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def send(engine, name: str, message: dict | None = None, render: bool = True) -> dict:
    reply = json.loads(getattr(engine, name)(json.dumps(message or {})))
    assert reply["ok"], reply
    assert REPLIES[name] <= set(reply), (name, REPLIES[name] - set(reply))
    if render and "shell" in reply:
        assert set(reply) >= RENDER, RENDER - set(reply)
    return reply


def parts(reply) -> dict:
    return {part_id: (token, html) for part_id, token, html in reply["parts"]}


def test_every_call_is_documented_and_every_documented_call_exported(engine):
    documented = re.findall(r"^### `(\w+)\(", DOC, flags=re.M)
    assert sorted(documented) == sorted(engine.__export__)
    for name in REPLIES:
        assert f"`{name}(" in DOC


def test_open_a_link_then_change_a_field_gets_only_what_changed(engine):
    opened = send(engine, "open", {"version": 1, "source": "link", "fragment": "#" + DEFAULT.fragment})
    assert opened["replaced"] and opened["version"] == 1 and opened["state"] == to_keys(DEFAULT.state)
    assert opened["fragment"] == DEFAULT.fragment and opened["errors"] == {} and opened["problems"] == []
    have = {part_id: token for part_id, (token, _) in parts(opened).items()} | {"shell": opened["shell"][0]}
    assert all(html is not None for _, html in parts(opened).values())
    changed = send(engine, "update", {"version": 2, "since": 1, "changes": {"biases": "[0, 0, 0]"}, "render": True,
                                      "have": have})
    assert changed["version"] == 2 and changed["shell"][1] is None  # the same shell: not sent again
    sent = {part_id for part_id, (_, html) in parts(changed).items() if html is not None}
    assert "1:product/grid" not in sent and "1:transpose" not in sent  # no change there: not sent
    assert {"outputs", "1:biases", "code-loops"} <= sent
    assert decode(changed["fragment"])[0].layers[0]["biases"] == "[0, 0, 0]"


def test_a_change_since_a_version_the_session_does_not_hold_asks_for_the_whole_state(engine):
    send(engine, "open", {"version": 5, "source": "link", "fragment": DEFAULT.fragment, "render": False},
         render=False)
    reply = send(engine, "update", {"version": 7, "since": 6, "changes": {"biases": "[1, 1, 1]"}})
    assert reply["resync"] and reply["version"] == 5
    state = {**to_keys(DEFAULT.state), "biases": "[1, 1, 1]"}
    synced = send(engine, "open", {"version": 7, "source": "state", "data": state})
    assert synced["state"]["biases"] == "[1, 1, 1]" and synced["version"] == 7


def test_a_player_move_needs_no_render_and_its_link_reopens_it(engine):
    send(engine, "open", {"version": 1, "source": "link", "fragment": DEFAULT.fragment})
    moved = send(engine, "update", {"version": 2, "since": 1, "changes": {"cell": [2, 3], "phase": "bias"},
                                    "render": False}, render=False)
    assert "shell" not in moved and "cell=2,3" in moved["fragment"] and "phase=bias" in moved["fragment"]


def test_adding_a_layer_starts_its_fields_and_sends_its_editor_once(engine):
    send(engine, "open", {"version": 1, "source": "link", "fragment": DEFAULT.fragment})
    added = send(engine, "update", {"version": 2, "since": 1, "changes": {}, "layers": 2})
    assert added["added"]["weights2"] == EXAMPLES[-1].state.layers[1]["weights"]
    editor = parts(added)["editor:2"]
    assert 'id="field-weights2"' in editor[1] and "Layer 2" in editor[1]
    again = send(engine, "update", {"version": 3, "since": 2, "changes": {"biases2": "[0, 0, 0]"},
                                    "have": {"editor:2": editor[0]}})
    assert parts(again)["editor:2"][1] is None


def test_frames_give_every_moment_of_the_cells_asked_for(engine):
    send(engine, "open", {"version": 1, "source": "link", "fragment": DEFAULT.fragment})
    reply = send(engine, "frames", {"layer": 1, "cells": [[1, 2], [9, 9]]})
    (cell,) = reply["cells"]  # (9, 9) is not on show: left out
    assert CELL | {"frames"} <= set(cell) and cell["cell"] == [1, 2] and cell["start"] == 1
    assert [frame["step"] for frame in cell["frames"]] == list(range(cell["count"]))
    for frame in cell["frames"]:
        assert set(frame) >= MOMENT, MOMENT - set(frame)


def test_a_check_reveals_the_answer_and_a_change_asks_again(engine):
    send(engine, "open", {"version": 1, "source": "link", "fragment": DEFAULT.fragment + "&predict=shape"})
    typo = send(engine, "check", {"guess": "three by four"})
    assert typo["verdict"]["answered"] is False and not typo["revealed"] and "2.385" not in json.dumps(typo)
    checked = send(engine, "check", {"guess": "(3, 4)"})
    assert checked["verdict"] == {"right": False, "answered": True, "step": "transpose"}
    assert checked["revealed"] and "Show the worked step" in parts(checked)["verdict"][1]
    assert 'class="step step-transpose answer"' in checked["shell"][1]
    changed = send(engine, "update", {"version": 2, "since": 1, "changes": {"biases": "[1, 1, 1]"}})
    assert not changed["revealed"] and "predict again" in parts(changed)["verdict"][1]


def test_a_flags_only_link_keeps_the_fields(engine):
    send(engine, "open", {"version": 1, "source": "state", "data": {**to_keys(DEFAULT.state), "biases": "[5, 5, 5]"}})
    reply = send(engine, "open", {"version": 2, "source": "link", "fragment": "#view=loops&hide=code"})
    assert reply["replaced"] is False and reply["state"]["biases"] == "[5, 5, 5]"
    assert reply["state"]["view"] == "loops" and reply["flags"]["hide"] == ["code"]


def test_saved_work_never_brings_a_links_flags(engine):
    saved = {**to_keys(DEFAULT.state), "hide": ["editors"], "predict": "outputs"}
    reply = send(engine, "open", {"version": 1, "source": "saved", "data": saved})
    assert reply["state"]["hide"] == [] and reply["state"]["predict"] is None


def test_saved_work_of_earlier_versions_opens(engine):
    nested = {"inputs": "[1, 2]", "layers": [{"weights": "[[1, 2]]", "biases": "[0]"}], "view": "numpy"}
    reply = send(engine, "open", {"version": 1, "source": "saved", "data": nested})
    assert reply["state"]["weights"] == "[[1, 2]]" and reply["errors"] == {}


def test_a_bug_in_python_is_a_reply_that_says_so(engine, monkeypatch):
    send(engine, "open", {"version": 3, "source": "link", "fragment": DEFAULT.fragment, "render": False},
         render=False)

    def broken(message):
        raise SystemExit("a bug")
    monkeypatch.setattr(engine.session, "frames", broken)
    wrapped = engine.boundary(engine.session.frames)
    reply = json.loads(wrapped(json.dumps({"layer": 1, "cells": [[0, 0]]})))
    assert reply == {"ok": False, "version": 3, "bug": "SystemExit: a bug", "trace": reply["trace"]}
    assert json.loads(engine.ping("{}")) == {"ok": True, "version": 3}  # the worker goes on
    bad = json.loads(engine.update("not json"))
    assert bad["ok"] is False and bad["bug"].startswith("JSONDecodeError")


def test_a_link_with_mistakes_gets_errors_and_its_layer_editors(engine):
    fragment = (f"inputs=[1,2]&weights={quote('[[1, 2]]')}&biases=[0]&weights2={quote('[[1, 2, 3]]')}&biases2=[0"
                f"&activation2=relu")
    reply = send(engine, "open", {"version": 1, "source": "link", "fragment": fragment})
    assert set(reply["errors"]) == {"biases2"}  # a field that does not read: its own mistake first
    assert [part_id for part_id, _, _ in reply["parts"]] == ["editor:2"]
    assert reply["state"]["activation2"] == "relu" and reply["fragment"] == encode(decode(fragment)[0])


def test_a_position_the_new_fields_lack_is_let_go_quietly_link_and_all(engine):
    opened = send(engine, "open", {"version": 1, "source": "link", "fragment": DEFAULT.fragment + "&cell=2,2&term=2"})
    assert opened["positions"]["cell"] == [2, 2] and "cell=2,2&term=2" in opened["fragment"]
    edited = send(engine, "update", {"version": 2, "since": 1, "changes": {"inputs": "[[1, 2, 3, 2.5]]"}})
    assert edited["problems"] == [] and edited["positions"] == {"cell": None, "term": None, "phase": None}
    assert "cell=" not in edited["fragment"] and "term=" not in edited["fragment"]
    reopened = send(engine, "open", {"version": 3, "source": "link", "fragment": edited["fragment"] + "&cell=2,2"})
    assert any("outside layer 1's product" in problem for problem in reopened["problems"])  # a link's: said
