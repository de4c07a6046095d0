"""Markup, written safely: every picture pycore draws for the page is built with these.

Every piece of text goes through ``esc`` (``tag`` escapes every attribute value);
content passed to ``tag`` is markup already. No inline script, no event handlers,
no style attributes: the page's CSS styles the classes, and its glue finds what it
applies moments and edits to by their data attributes.
"""

from __future__ import annotations

import hashlib
from html import escape


def esc(text) -> str:
    return escape(str(text), quote=True)


_NAMES: dict[str, str] = {}  # class_ -> class, data_row -> data-row: worked out once per name
VOID = {"input", "br", "img", "meta", "link"}  # elements with no content and no closing tag


def attrs(values: dict) -> str:
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        html_name = _NAMES.get(name) or _NAMES.setdefault(name, name.rstrip("_").replace("_", "-"))
        if value is True:
            parts.append(" " + html_name)
        elif type(value) is int:  # numbers need no escaping
            parts.append(f' {html_name}="{value}"')
        else:
            parts.append(f' {html_name}="{escape(str(value), quote=True)}"')
    return "".join(parts)


def tag(name: str, content: str = "", **values) -> str:
    """``content`` is markup already; pass text through ``esc`` first."""
    if name in VOID:
        return f"<{name}{attrs(values)}>"
    return f"<{name}{attrs(values)}>{content}</{name}>"


def classes(*names) -> str | None:
    return " ".join(name for name in names if name) or None


def token(markup: str) -> str:
    """A short token of a part's markup: the page keeps it to say which part it shows."""
    return hashlib.blake2b(markup.encode(), digest_size=8).hexdigest()
