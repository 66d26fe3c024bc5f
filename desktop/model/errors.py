"""Domain errors: every refused action raises one, with a message that names the problem."""

from __future__ import annotations


class DomainError(Exception):
    """A refused action; the state is left as it was."""

    kind = "invalid"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """A missing required field, or a wrong type or value (HTTP 400)."""

    kind = "invalid"


class NotFound(DomainError):
    """An unknown id: token, room, door, deck, location, terminal, NPC, question (HTTP 404)."""

    kind = "not_found"


class Forbidden(DomainError):
    """A player asked for something the rules do not allow (HTTP 403)."""

    kind = "forbidden"


class Conflict(DomainError):
    """Not possible now: no location open, cell occupied, nothing to undo (HTTP 409)."""

    kind = "conflict"


class NotSaved(DomainError):
    """The state file could not take the change: it was rolled back (HTTP 503)."""

    kind = "unavailable"

    def __init__(self, reason: str) -> None:
        super().__init__(f"table not saved: {reason}")
        self.reason = reason
