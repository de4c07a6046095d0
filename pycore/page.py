"""The page around the Steps: the document, its header, the gallery, the editors, the
exercise's form, the Code region, and what the built page tells its glue (``data``).

build.py writes the whole document from here, with the first example already
computed; the live page asks pycore for the parts that change (view.py). Every word
comes from the catalog; every text goes through ``esc``.
"""

from __future__ import annotations

import json

from . import exercise, player
from .catalog import current, say, web_messages
from .errors import field_key, field_label
from .html import esc, tag
from .stages import ACTIVATIONS
from .state import HIDDEN_PARTS, STEP_CHOICES, VIEW_CHOICES, State, encode, table, to_keys
from .trace import Trace

POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; "
          "img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'none'; manifest-src 'self'")


def document(shown, state: State, examples, *, app: str, version: str, snapshot: int | None,
             default_example: int) -> str:
    """The whole page for ``state`` as ``shown`` (a view.View): ``app`` is the folder of the
    build's own files, ``version`` the build's, ``snapshot`` the start-up snapshot's size."""
    words = current()
    data = {"words": web_messages(), "locale": words.TAG, "state": table(), "defaults": to_keys(State()),
            "examples": [{"fragment": example.fragment, "keys": to_keys(example.state)} for example in examples],
            "default_example": default_example,
            "moments": shown.moments, "played": shown.played, "have": shown.tokens(),
            "player": {"granularity": player.GRANULARITIES[0], "cells": player.GRANULARITIES[1],
                       "speed": float(player.SPEED)}}
    head = (tag("meta", charset="utf-8")
            + tag("meta", http_equiv="Content-Security-Policy", content_=POLICY)
            + tag("meta", name_="viewport", content_="width=device-width, initial-scale=1")
            + tag("meta", name_="color-scheme", content_="light dark")
            + tag("meta", name_="description", content_=say("chrome.description"))
            + tag("title", esc(say("chrome.title")))
            + tag("link", rel="icon", href="data:,")
            + tag("link", rel="stylesheet", href=f"./{app}/style.css")
            + tag("script", "", type="module", src=f"./{app}/app.js")
            + tag("script", _json_in_html(data), type="application/json", id="layer-lens-data"))
    body = (tag("a", esc(say("chrome.skip")), class_="skip", href="#steps-title")
            + header() + examples_nav(examples, encode(state))
            + tag("div", "", id="link-problems", class_="link-problems", role="alert", hidden=True)
            + tag("main", editors(state) + results(shown, state))
            + footer())
    return ("<!doctype html>\n" + tag("html", tag("head", head) + tag(
        "body", body, data_ready="false", data_idle="false", data_version=version,
        data_snapshot=snapshot or "", data_view=state.view), lang=words.TAG) + "\n")


def _json_in_html(data) -> str:
    """JSON inside a <script> data block: no "</script>" or "<!--" can end it early."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def header() -> str:
    update = tag("p", esc(say("chrome.update")) + " "
                 + tag("button", esc(say("chrome.reload")), type="button", id="reload-update") + " "
                 + esc(say("chrome.update_kept")), id="update", class_="update", role="status", hidden=True)
    loading = tag("p", tag("progress", "", aria_label=say("chrome.loading_label"))
                  + tag("span", esc(say("chrome.loading"))), id="loading", class_="loading", role="status")
    tagline = tag("p", esc(say("chrome.tagline")) + " "
                  + tag("code", "np.dot(inputs, np.array(weights).T) + biases") + ".", class_="tagline", data_hideable="text")
    return tag("header", tag("h1", esc(say("chrome.name"))) + tagline + update + loading, class_="top")


def examples_nav(examples, current_fragment: str = "") -> str:
    """The gallery: one ordinary share link per stage of the textbook's path."""
    items = "".join(
        tag("li", tag("a", tag("span", esc(example.title), class_="title")
                      + tag("span", esc(example.caption), class_="caption"),
                      href="#" + example.fragment, aria_current="page" if example.fragment == current_fragment else None))
        for example in examples)
    return tag("nav", tag("h2", esc(say("chrome.path")), class_="nav-title") + tag("ol", items),
               aria_label=say("chrome.examples"), class_="examples", data_hideable="examples")


# -- the editors ----------------------------------------------------------------------------

def field_editor(kind: str, number: int, text: str) -> str:
    """One labelled editor with its hint and its (empty) error line. The textarea
    starts with a newline because HTML drops the first one: the text stays exact."""
    key = field_key(kind, number)
    rows = 2 if kind == "biases" else 4
    return tag("div",
               tag("label", esc(field_label(key)), for_=f"field-{key}")
               + tag("p", esc(say(f"chrome.hint.{kind}")), class_="hint", id=f"hint-{key}", data_hideable="text")
               + tag("textarea", "\n" + esc(text), id=f"field-{key}", data_key=key,
                     rows=rows, spellcheck="false", autocomplete="off", autocapitalize="off",
                     aria_describedby=f"hint-{key} error-{key}")
               + tag("div", tag("p", "", class_="huge-size")
                     + tag("button", esc(say("chrome.huge_show")), type="button", data_act="show") + " "
                     + tag("button", esc(say("chrome.huge_clear")), type="button", data_act="clear"),
                     class_="huge-field", hidden=True)
               + tag("p", "", class_="error", id=f"error-{key}", role="alert", hidden=True),
               class_="field", data_key=key)


def layer_fields(number: int, layer: dict) -> str:
    return tag("fieldset", tag("legend", esc(say("chrome.layer", number=number)))
               + field_editor("weights", number, layer["weights"]) + field_editor("biases", number, layer["biases"])
               + activation_picker(number, layer.get("activation", "none")),
               class_="layer-fields", data_layer=number)


def activation_picker(number: int, chosen: str) -> str:
    key = field_key("activation", number)
    options = "".join(tag("option", esc(say("chrome.activation_choice", title=say(f"activation.{name}.title"),
                                            formula=say(f"activation.{name}.formula"))
                                        if name != "none" else say("chrome.activation_none")),
                          value=name, selected=name == chosen) for name in ACTIVATIONS)
    return tag("div", tag("label", esc(field_label(key)), for_=f"field-{key}")
               + tag("select", options, id=f"field-{key}", data_key=key),
               class_="field activation-field")


def layers_fields(layers: list[dict], start: int = 1) -> str:
    """The editors of the layers, numbered from ``start``."""
    return "".join(layer_fields(n, layer) for n, layer in enumerate(layers, start=start))


def editors(state: State) -> str:
    jump = tag("p", tag("button", esc(say("chrome.predict_jump")), type="button"), id="predict-jump",
               class_="predict-jump", hidden=True)
    actions = tag("div", tag("button", esc(say("chrome.add_layer")), type="button", id="add-layer")
                  + tag("button", esc(say("chrome.remove_layer")), type="button", id="remove-layer")
                  + tag("button", esc(say("chrome.reset")) + " " + tag("span", "", id="reset-which", class_="which"),
                        type="button", id="reset")
                  + tag("button", esc(say("chrome.copy_link")), type="button", id="copy-link")
                  + tag("span", "", id="copy-status", class_="copy-status", role="status"), class_="actions")
    recent = tag("details", tag("summary", esc(say("chrome.recent")) + " ("
                                + tag("span", "0", id="recent-count") + ")")
                 + tag("p", esc(say("chrome.recent_hint")), class_="hint") + tag("ol", "", id="recent-list"),
                 id="recent", class_="recent", hidden=True)
    fallback = tag("div", tag("label", esc(say("chrome.copy_this")), for_="copy-fallback-field")
                   + tag("input", id="copy-fallback-field", type="text", readonly=True),
                   id="copy-fallback", class_="copy-fallback", hidden=True)
    return tag("section", jump + field_editor("inputs", 1, state.inputs)
               + tag("div", layers_fields(state.layers), id="layers") + actions
               + tag("p", "", id="layer-note", class_="hint layer-note", hidden=True)
               + tag("p", "", id="link-note", class_="hint link-note", hidden=True) + recent + fallback,
               id="editors", class_="editors", aria_label=say("chrome.fields"), data_hideable="editors")


# -- the results --------------------------------------------------------------------------

def results(shown, state: State) -> str:
    problem = tag("div", tag("p", "", id="engine-problem-words")
                  + tag("label", esc(say("chrome.report")), for_="engine-problem-report")
                  + tag("textarea", "", id="engine-problem-report", readonly=True, rows=4),
                  id="engine-problem", class_="engine-problem", role="alert", hidden=True)
    predict = tag("section", tag("h2", esc(say("chrome.predict")), id="predict-title")
                  + tag("div", shown.predict, id="predict-body")
                  + tag("p", "", id="verdict", class_="verdict", role="status"),
                  id="predict", class_="predict", aria_labelledby="predict-title", hidden=not shown.predict)
    outputs = tag("section", tag("h2", esc(say("chrome.outputs")), id="outputs-title")
                  + tag("div", shown.outputs, id="outputs-body") + tag("p", esc(shown.engine), id="engine",
                                                                         class_="engine"),
                  id="outputs", class_="outputs", aria_labelledby="outputs-title")
    views = tag("fieldset", tag("legend", esc(say("chrome.view"))) + "".join(
        tag("label", tag("input", type="radio", name_="view", value=choice, data_key="view",
                         checked=choice == state.view) + " " + esc(say(f"chrome.view.{choice}")))
        for choice in VIEW_CHOICES), class_="view-switch", id="view-switch")
    steps = tag("section", tag("h2", esc(say("chrome.steps")), id="steps-title", tabindex="-1") + views
                + tag("div", shown.steps, id="steps-body"),
                id="steps", class_="steps-region", aria_labelledby="steps-title")
    programs = "".join(
        tag("div", tag("div", tag("h3", esc(say(f"chrome.code.{kind}")), id=f"code-{kind}-title")
                       + tag("span", tag("button", esc(say("chrome.copy")), type="button", class_="copy-code",
                                         data_target=f"code-{kind}", aria_label=say(f"chrome.copy.{kind}"))
                             + tag("span", "", class_="copy-status", role="status")), class_="program-head")
            + tag("pre", esc(text), id=f"code-{kind}", tabindex="0", aria_labelledby=f"code-{kind}-title"),
            class_="program", id=f"program-{kind}")
        for kind, text in (("loops", shown.code_loops), ("numpy", shown.code_numpy)))
    code = tag("section", tag("h2", esc(say("chrome.code")), id="code-title")
               + tag("p", esc(say("chrome.code_hint")) + " " + tag("code", "python3") + ".", data_hideable="text")
               + programs, id="code", class_="code", aria_labelledby="code-title", data_hideable="code")
    return tag("div", tag("p", esc(say("chrome.computing")), id="computing", class_="computing", role="status",
                          hidden=True)
               + tag("p", "", id="stale-note", class_="stale-note", hidden=True)
               + problem + predict + outputs + steps + code, class_="results")


def footer() -> str:
    flags = tag("code", esc("&hide=" + ",".join(HIDDEN_PARTS)))
    one_step = " ".join(tag("code", esc(f"&step={key}")) for key in STEP_CHOICES)
    return tag("footer", tag("p", esc(say("chrome.footer"))) + tag("p", esc(say("chrome.embed")) + " " + flags + " "
                                                                   + esc(say("chrome.embed_steps")) + " " + one_step),
               class_="bottom", data_hideable="text")


def predict_panel(trace: Trace, kind: str, cell=None, opened: int = 0) -> str:
    """The exercise: its question, the answer field and the Check button (the answer goes
    to pycore's exercise.check in the worker; nothing leaves the page). ``opened`` counts
    the times an exercise was opened: each one is a new form, with an empty answer."""
    return tag("form", tag("p", esc(exercise.question(trace, kind, cell)), class_="question")
               + tag("div", tag("label", esc(say("chrome.prediction")), for_="prediction")
                     + tag("input", id="prediction", type="text", autocomplete="off", spellcheck="false",
                           autocapitalize="off", aria_describedby="verdict")
                     + tag("button", esc(say("chrome.check")), type="submit"), class_="predict-row"),
               class_="predict-form", data_kind=kind, data_opened=opened)
