"""The server's one error boundary, the Host-header check and the body-size limit.

Every failure leaves as JSON `{"error": ...}` with the status API.md gives it; a bad request
is never a 500. When several problems apply, the first in this order wins: 413, 401, 400,
404, 403, 409 — so the body is read (and its size checked) before anything looks at tokens.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Awaitable, Callable, Iterable

from aiohttp import web

from desktop.model.errors import DomainError

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
STATUS_OF_KIND = {
    "invalid": 400,
    "not_found": 404,
    "forbidden": 403,
    "conflict": 409,
    "unavailable": 503,  # the state file could not save the change
}
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]


def json_error(status: int, message: str) -> web.Response:
    """The one shape of every error answer."""
    return web.json_response({"error": message}, status=status)


def _message_of(exc: web.HTTPException) -> str:
    if isinstance(exc, web.HTTPMethodNotAllowed):
        return f"method {exc.method} not allowed here"
    if exc.status == 404:
        return "not found"
    if exc.status == 401:
        return "GM token required"
    if exc.status == 413:
        return f"body too large (at most {MAX_BODY} bytes)"
    return exc.reason or "error"


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every exception into a JSON error answer (domain errors by their kind)."""
    try:
        return await handler(request)
    except DomainError as exc:
        return json_error(STATUS_OF_KIND.get(exc.kind, 400), exc.message)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        response = json_error(exc.status, _message_of(exc))
        if isinstance(exc, web.HTTPMethodNotAllowed):
            response.headers["Allow"] = ", ".join(sorted(exc.allowed_methods))
        return response
    except Exception:
        log.exception("internal error on %s %s", request.method, request.path)
        return json_error(500, "internal error")


def host_name(header: str) -> str:
    """The name part of a Host header: without the port, IPv6 brackets kept off, lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def host_allowed(header: str | None, names: Iterable[str]) -> bool:
    """An IP literal, localhost, or one of this machine's names (DNS-rebinding defence)."""
    if header is None:
        return True  # HTTP/1.0 without a Host header: no browser sends that
    name = host_name(header)
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        pass
    else:
        return True
    return name == "localhost" or name in {n.lower().rstrip(".") for n in names}


def host_middleware(
    names: Callable[[], Iterable[str]],
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """403 for a foreign Host header, before any other check."""

    @web.middleware
    async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not host_allowed(request.headers.get("Host"), names()):
            return json_error(403, "unknown Host header")
        return await handler(request)

    return check_host


@web.middleware
async def body_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Read the body up front, so an oversized one is a 413 whatever else is wrong."""
    if request.method in BODY_METHODS:
        length = request.content_length
        if length is not None and length > MAX_BODY:
            return json_error(413, _message_of(web.HTTPRequestEntityTooLarge(MAX_BODY, length)))
        await request.read()  # raises HTTPRequestEntityTooLarge past client_max_size
    return await handler(request)
