"""Campaign text in an action, menu, button or tab: Qt reads a lone "&" as a keyboard mnemonic
("Galley & Mess" would read "Galley _Mess"), so every name goes through here first."""

from __future__ import annotations


def menu_text(name: str) -> str:
    """The name as Qt draws it literally in an action, menu, button or tab text."""
    return name.replace("&", "&&")
