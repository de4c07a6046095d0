"""Links made before a release still open exactly as they did: the gallery's links as they
stood before activations and exercises joined the state, and the previous release's ones."""

import json

import pytest
from helpers import ROOT, close

from pycore import compute
from pycore.state import decode, encode

LINKS = json.loads((ROOT / "tests" / "gallery_links.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("link", LINKS, ids=[f"{i}: {link['title']}" for i, link in enumerate(LINKS)])
def test_an_old_link_opens_unchanged(link):
    state, problems = decode("#" + link["fragment"])
    assert problems == []
    assert close(compute(state.inputs, state.layer_texts(), use_numpy=False).outputs, link["outputs"])
    assert encode(state) == link["fragment"]  # and it is still the same link
