"""Words in one place: every sentence pycore says comes from its catalog, by message id,
and every language has the same ids with the same placeholders."""

from __future__ import annotations

import ast
import re
import string

import pytest
from helpers import ROOT

from pycore import catalog
from pycore.catalog import en, placeholders

SOURCES = sorted([*(path for path in (ROOT / "pycore").rglob("*.py") if "catalog" not in path.parts),
                  ROOT / "web" / "engine.py"])
CODE = {path: path.read_text(encoding="utf-8") for path in SOURCES}
# the calls that take a message id, and which of their arguments it is
ID_ARGUMENT = {"say": 0, "template": 0, "InputError": 1, "fail": 1, "_refuse": 3}


def said() -> tuple[set[str], list[re.Pattern]]:
    """The ids pycore says: literally, and as patterns (an f-string id: f"activation.{name}.title")."""
    literal, patterns = set(), []
    for text in CODE.values():
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            at = ID_ARGUMENT.get(name)
            if at is None or len(node.args) <= at:
                continue
            arguments = [node.args[at]]
            while arguments:
                argument = arguments.pop()
                if isinstance(argument, ast.IfExp):  # say("a" if x else "b")
                    arguments += [argument.body, argument.orelse]
                elif isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    literal.add(argument.value)
                elif isinstance(argument, ast.JoinedStr):
                    parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w.]+" for v in argument.values]
                    patterns.append(re.compile("".join(parts) + "$"))
    return literal, patterns


def named() -> tuple[set[str], list[re.Pattern]]:
    """Every catalog id written anywhere in pycore (an id chosen first, said later: ``kind =
    "x.y"``), and every id built: f"parse.invisible_{where}", ``message_id + "_chained"``."""
    ids, patterns = set(), []
    for text in CODE.values():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in en.MESSAGES:
                ids.add(node.value)
            elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant) \
                    and re.fullmatch(r"[a-z]+\.[\w.]*", node.values[0].value):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w.]+" for v in node.values]
                patterns.append(re.compile("".join(parts) + "$"))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.right, ast.Constant) \
                    and isinstance(node.right.value, str) and re.fullmatch(r"_\w+", node.right.value):
                patterns.append(re.compile(r"[\w.]+" + re.escape(node.right.value) + "$"))
    return ids, patterns


def test_every_id_said_is_in_the_catalog_and_every_id_in_it_is_said():
    literal, patterns = said()
    assert literal <= set(en.MESSAGES), sorted(literal - set(en.MESSAGES))
    for pattern in patterns:
        assert any(pattern.match(key) for key in en.MESSAGES), pattern.pattern
    web = set()
    for path in (ROOT / "web").glob("*.js"):
        web |= set(re.findall(r"""["'](page\.[\w.]+)["']""", path.read_text()))
    ids, built = named()
    unused = {key for key in en.MESSAGES
              if key not in literal | web | ids and not any(pattern.match(key) for pattern in patterns + built)}
    assert not unused, sorted(unused)


@pytest.mark.parametrize("name", sorted(catalog.LANGUAGES))
def test_each_language_has_the_same_ids_and_placeholders(name):
    words = catalog.LANGUAGES[name]
    assert set(words.MESSAGES) == set(en.MESSAGES), set(words.MESSAGES) ^ set(en.MESSAGES)
    for key, text in words.MESSAGES.items():
        assert placeholders(text) == placeholders(en.MESSAGES[key]), key
        if isinstance(text, dict):
            assert "other" in text and set(text) <= {"zero", "one", "two", "few", "many", "other"}, key
            assert "count" in placeholders(en.MESSAGES[key]) or key.endswith("counted"), key
        for form in text.values() if isinstance(text, dict) else [text]:
            list(string.Formatter().parse(form))  # a template str.format reads
    for helper in ("plural", "count_words", "noun", "and_list", "number", "plural_category"):
        assert callable(getattr(words, helper)), helper


def test_the_pages_own_messages_are_plain_placeholders_the_glue_can_fill():
    for key, text in catalog.web_messages().items():
        for form in text.values() if isinstance(text, dict) else [text]:
            assert not re.search(r"\{\w+[:!]", form) and "{{" not in form, key  # web/words.js fills {name} only


# Three words in a row, as a sentence's start, is prose; code and markup are not.
PROSE = re.compile(r"\b[A-Za-z][a-z]+,? [a-z]{2,} [a-z]{2,}\b")
CODE_LIKE = re.compile(r"[=(){}<>\[\]]|\bnp\.|^\s*(for|import|print|if|return)\b|^[\w.\-]+$|^\s*[#$.]")


def strings_of(tree) -> list[tuple[int, str]]:
    """The string constants of a module, but its docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_sentence_is_written_outside_the_catalog(path):
    found = [(line, text) for line, text in strings_of(ast.parse(CODE[path]))
             if PROSE.search(text) and not CODE_LIKE.search(text)]
    assert not found, found
