"""A page's session: the state the page shows, held beside pycore (in the page's Web
Worker), changed by the page's messages, answered with what to show.

The page sends what changed (a field's key and its text), never the whole state;
each message carries the page's version of the state, and the session answers with
the version it reached, so the page can tell a reply to an older state from the
current one. The messages and their replies are written down in docs/protocol.md;
web/engine.py puts this class behind PyScript's worker calls.

Every reply is plain data (JSON-ready). What is rendered comes as parts, each with a
token: a part the page says it already shows (``have``) is sent without its markup.
"""

from __future__ import annotations

from dataclasses import replace

from . import page
from . import view as views
from .catalog import say
from .errors import split_key
from .examples import EXAMPLES, add_layer_problem, new_layer
from .html import esc, tag, token
from .state import (
    MAX_LAYERS,
    POSITION,
    SPEC,
    State,
    decode,
    from_json,
    from_keys,
    layer_state,
    link,
    link_flags,
    readable,
    to_keys,
    with_key,
)


class Session:
    def __init__(self, where: str = "browser"):
        self.state = State()
        self.version = 0
        self.revealed = False  # an exercise's answer was checked: show everything
        self.verdict = ""  # its verdict, as markup
        self.answer = None  # the step that answers it, once checked
        self.opened = 0  # how many times something was opened: each exercise opened is a new one
        self.where = where

    # -- opening: a link, saved work, an example, the page's own state ---------------------
    def open(self, message: dict) -> dict:
        """``{"version", "source": "link"|"saved"|"example"|"state", "fragment"|"data"|"index",
        "have"}``: the fields of a link (or only its settings), work saved in the browser,
        an example of the gallery, or the page's whole state (after a reply went missing)."""
        source = message.get("source")
        problems: list[str] = []
        replaced = True
        if source == "link":
            opened, problems = decode(str(message.get("fragment", "")))
            if opened is None:  # no fields: the learner's own stay, the link's settings apply to them
                replaced = False
                flags = link_flags(str(message.get("fragment", "")))
                opened = replace(self.state, **{name: tuple(value) if isinstance(value, list) else value
                                                for name, value in flags.items()})
        elif source == "saved":
            data = message.get("data")
            if readable(data):
                opened = from_json(data, keep_presentation=False)  # flags come from links alone
            else:
                opened, problems = State(), [say("work.unreadable")]
        elif source == "example":
            index = message.get("index")
            example = EXAMPLES[index] if isinstance(index, int) and 0 <= index < len(EXAMPLES) else EXAMPLES[0]
            opened = replace(example.state, layers=[dict(layer) for layer in example.state.layers])
        elif source == "state":
            opened = from_keys(message.get("data") if isinstance(message.get("data"), dict) else {})
        else:
            raise ValueError(f"unknown source {source!r}")
        if source == "state":  # the page's own state again (a reply went missing): the same exercise
            self.revealed = bool(message.get("revealed"))
        else:
            self.revealed, self.verdict, self.answer = False, "", None
            self.opened += 1
        self.state = opened
        self.version = int(message.get("version", self.version))
        reply = {"version": self.version, "replaced": replaced, "state": to_keys(self.state)}
        if message.get("render", True):
            return {**reply, **self._shown(message.get("have"), problems, opened=True)}
        return {**reply, **self._link(), "problems": problems}

    # -- a change ---------------------------------------------------------------------------
    def update(self, message: dict) -> dict:
        """``{"version", "since", "changes": {key: value}, "layers"?, "render", "have"}``: the
        keys that changed since version ``since`` (the last one this session acknowledged),
        and the number of layers when it changed. ``render`` False: only the link is needed
        (the player moved; the page shows its moments itself)."""
        if message.get("since") != self.version:
            return {"version": self.version, "added": {}, "resync": True}
        before = self.state
        state = replace(before, layers=[dict(layer) for layer in before.layers])
        count = message.get("layers")
        added = {}
        if isinstance(count, int) and count != len(state.layers):
            count = max(1, min(count, MAX_LAYERS))
            del state.layers[count:]
            while len(state.layers) < count:
                number = len(state.layers) + 1
                state.layers.append(new_layer(state.layers[-1]["weights"], number))
                added.update({key: value for key, value in to_keys(state).items()
                              if key.endswith(str(number)) and split_key(key)[1] == number})
        for key, value in (message.get("changes") or {}).items():
            state = with_key(state, key, value) or state
        computed_changed = _computed(state) != _computed(before)
        if computed_changed and self.revealed:  # other numbers: the exercise asks again
            self.revealed, self.answer = False, None
            self.verdict = tag("span", esc(say("exercise.again")))
        self.state = state
        self.version = int(message.get("version", self.version + 1))
        reply = {"version": self.version, "added": added}
        if message.get("render", True):
            reply.update(self._shown(message.get("have"), [], opened=False))
        else:
            reply.update(self._link())
        return reply

    # -- the player's moments, and a check ---------------------------------------------------
    def frames(self, message: dict) -> dict:
        """``{"layer", "cells": [[row, column], ...]}`` (0-based): every moment of those cells."""
        number = int(message.get("layer", 1))
        wanted = [tuple(cell) for cell in message.get("cells", []) if isinstance(cell, list) and len(cell) == 2]
        asking = bool(self.state.predict) and not self.revealed
        return {"version": self.version, "layer": number,
                "cells": views.cells(self.state, number, wanted, outputs=not asking)}

    def check(self, message: dict) -> dict:
        """``{"guess", "have"}``: the learner's prediction. Right or wrong, the answer is then
        shown (``render``); an answer that could not be read reveals nothing."""
        verdict = views.check(self.state, str(message.get("guess", "")))
        if verdict is None:
            return {"version": self.version, "verdict": None}
        words = ("✓ " if verdict.right else "✗ ") + verdict.words if verdict.answered else verdict.words
        kind = "unread" if not verdict.answered else "right" if verdict.right else "wrong"
        markup = tag("span", esc(words), class_=f"verdict-line {kind}")
        if verdict.answered:
            markup += " " + tag("button", esc(say("exercise.show_step")), type="button", class_="to-answer",
                                data_step=verdict.step)
        self.verdict = markup
        if verdict.answered:
            self.revealed, self.answer = True, verdict.step
        return {"version": self.version, "verdict": {"right": verdict.right, "answered": verdict.answered,
                                                     "step": verdict.step},
                **self._shown(message.get("have"), [], opened=False)}

    def ping(self, message: dict | None = None) -> dict:
        return {"version": self.version}

    # -- what the page shows -------------------------------------------------------------------
    def _link(self) -> dict:
        fragment, too_large = link(self.state)
        return {"fragment": fragment, "link_note": too_large}

    def _shown(self, have: dict | None, problems: list[str], *, opened: bool) -> dict:
        """Everything the page shows for the session's state; parts the page already shows
        (``have``: part id -> token) are sent without their markup."""
        shown = views.view(self.state, where=self.where, revealed=self.revealed, opened=opened,
                           answer=self.answer if self.revealed else None, exercise=self.opened)
        # the player's moment as the fields have it (quietly let go where they lack it): before the link
        for key, value in shown.positions.items():
            self.state = with_key(self.state, key, value) or self.state
        have = have if isinstance(have, dict) else {}
        # each layer's editor after the first, its fields empty (the page fills them in): once
        editors = [(f"editor:{number}", page.layer_fields(number, layer_state(weights="", biases="")))
                   for number in range(2, len(self.state.layers) + 1)]
        out = {**self._link(), "add_layer_problem": add_layer_problem(self.state), "errors": shown.errors,
               "problems": problems + shown.problems, "revealed": self.revealed,
               "flags": {prop.name: _flag(getattr(self.state, prop.name)) for prop in SPEC.values()
                         if not prop.per_layer and prop.presentation}}
        if not shown.errors:  # the one step a link shows, where these fields have it
            out["flags"]["step"] = shown.step
        if shown.errors:  # and, should nothing else be on show, why (the link may hide the editors)
            empty = say("render.nothing_hidden" if "editors" in self.state.hide else "render.nothing")
            return {**out, "parts": _news(editors, have), "empty": empty}
        shell = token(shown.shell)
        if have.get("shell") != shell:  # the page puts in a new shell: every step goes into it
            have = {key: kept for key, kept in have.items() if ":" not in key or key.startswith("editor:")}
        parts = [*shown.parts(self.verdict), *editors]
        out.update({"shell": [shell, None if have.get("shell") == shell else shown.shell],
                    "parts": _news(parts, have), "moments": shown.moments, "played": shown.played,
                    "positions": {key: value for key, value in to_keys(self.state).items()
                                  if split_key(key)[0] in POSITION}})
        return out


def _computed(state: State) -> tuple:
    """What the numbers are made of: the values of every key whose role is "computed"."""
    keys = to_keys(state)
    return tuple((key, keys[key]) for key in keys if SPEC[split_key(key)[0]].role == "computed")


def _flag(value):
    return list(value) if isinstance(value, tuple) else value


def _news(parts, have: dict) -> list:
    """[id, token, markup] for each part; the markup is left out (None) where the page
    already shows that very part (its token matches): a large matrix is not sent again."""
    out = []
    for part_id, html in parts:
        kept = token(html)
        out.append([part_id, kept, None if have.get(part_id) == kept else html])
    return out

