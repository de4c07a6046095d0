"""TEMPORARY: English messages of the page, the state, the player and the exercises, kept
apart while pycore/catalog/en.py is being filled by another change; merged into en.py
(and this file deleted) before the work lands."""

MESSAGES: dict = {}
