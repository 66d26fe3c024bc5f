"""The GM token: who is asking (the GM, or a player display without a token)."""

from __future__ import annotations

import hmac

from aiohttp import web

GM = "gm"
PLAYER = "player"


class GmAuth:
    """Checks `Authorization: Bearer <token>` (or `?token=` on GET, for EventSource)."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError("the GM token must not be empty")
        self._token = token.encode()

    def _presented(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization")
        if header is not None:
            scheme, _, value = header.partition(" ")
            return value.strip() if scheme.lower() == "bearer" else ""
        if request.method in ("GET", "HEAD"):
            return request.query.get("token")
        return None

    def actor(self, request: web.Request) -> str:
        """GM with the right token, player with none; a wrong token is a 401."""
        presented = self._presented(request)
        if presented is None:
            return PLAYER
        # A header may carry any byte (kept as surrogates): encoding it never fails.
        if hmac.compare_digest(presented.encode("utf-8", "surrogatepass"), self._token):
            return GM
        raise web.HTTPUnauthorized()

    def require_gm(self, request: web.Request) -> None:
        """401 unless the request carries the GM token."""
        if self.actor(request) != GM:
            raise web.HTTPUnauthorized()
