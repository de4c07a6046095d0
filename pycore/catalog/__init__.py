"""Every sentence Layer Lens shows, from one catalog per language.

A catalog is a module (``en.py``) holding ``MESSAGES``, keyed by message id, and the
grammar helpers of its language beside them. A message is a ``str.format`` template
with named placeholders; where its words depend on a number, it is a dict keyed by
the language's plural categories (CLDR's: ``one``, ``other``, ...), chosen by the
value of its ``count`` placeholder. Every language has the same ids and the same
placeholders (a test checks it), so code never builds a sentence itself: it says
``say("parse.empty")`` and passes the values.

The language is the context's (``use("es")``), English by default. Ids starting
``page.`` are the ones the page's glue says itself: build.py writes them into the
built page, and web/words.js fills them in the same way.
"""

from __future__ import annotations

import contextlib
import string
from contextvars import ContextVar
from types import ModuleType

from . import en

LANGUAGES: dict[str, ModuleType] = {"en": en}
DEFAULT = "en"
WEB_PREFIX = "page."
_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def language() -> str:
    return _language.get()


def current() -> ModuleType:
    return LANGUAGES[_language.get()]


@contextlib.contextmanager
def use(name: str):
    """Say everything within the ``with`` in this language."""
    token = _language.set(name if name in LANGUAGES else DEFAULT)
    try:
        yield current()
    finally:
        _language.reset(token)


def template(message_id: str, count=None) -> str:
    """The message's template, in the current language, for ``count`` where it has plural forms."""
    words = current()
    text = words.MESSAGES[message_id]
    if isinstance(text, dict):
        if count is None:
            raise KeyError(f"{message_id} needs a count")
        text = text.get(words.plural_category(count), text["other"])
    return text


class _Formatter(string.Formatter):
    """str.format, but a count asked for with digit grouping ({count:,}) is written the
    way the language writes counts (1,000 in English)."""

    def format_field(self, value, format_spec):
        if format_spec == "," and isinstance(value, int):
            return current().number(value)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def say(message_id: str, /, **values) -> str:
    """The message ``message_id`` with its placeholders filled in."""
    return _FORMATTER.vformat(template(message_id, values.get("count")), (), values)


# -- the grammar helpers of the current language ------------------------------------------

def plural(count: int, noun: str) -> str:
    """``3 samples``, ``1 bias``: a count and its noun (a key of the catalog's NOUNS)."""
    return current().plural(count, noun)


def count_words(count: int, noun: str) -> str:
    """``one sample`` for 1, ``3 samples`` otherwise: a count that starts a phrase."""
    return current().count_words(count, noun)


def noun(name: str, count: int = 1) -> str:
    """A noun alone, singular or plural."""
    return current().noun(name, count)


def and_list(items: list[str]) -> str:
    """``a, b and c``."""
    return current().and_list(items)


def number(value: int) -> str:
    """A count written for reading: ``1,000,000``."""
    return current().number(value)


# -- what the tests and the build read -----------------------------------------------------

def placeholders(text) -> set[str]:
    """The placeholder names of a template (or of every form of a plural one)."""
    forms = text.values() if isinstance(text, dict) else [text]
    return {name.split(".")[0].split("[")[0] for form in forms
            for _, name, _, _ in string.Formatter().parse(form) if name}


def web_messages(name: str = DEFAULT) -> dict:
    """The messages the page's glue says, for the built page."""
    with use(name) as words:
        return {key: text for key, text in words.MESSAGES.items() if key.startswith(WEB_PREFIX)}
