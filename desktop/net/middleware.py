"""The server's one error boundary, the Host and Origin checks, the body and the headers.

Every failure leaves as JSON `{"error": ...}` with the status API.md gives it; a bad request
is never a 500. A foreign Host (403), then a foreign Origin or a non-JSON write (403, 415) are
refused before anything else; after them the first in this order wins: 413, 401, 400, 404,
403, 409 — so the body is read (and its size checked) before anything looks at tokens.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from aiohttp import web

from desktop.model.errors import DomainError
from desktop.net.connections import BODY_TIMEOUT, SECURITY_HEADERS, GuardedHandler
from desktop.net.quietlog import QuietLog

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
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
JSON = "application/json"
SINGLE_HEADERS = ("Host", "Origin")  # a request carrying two of either is refused (400)
QUIET = QuietLog(log)

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
    """Turn every exception into a JSON error answer (domain errors by their kind).

    An answer given before the body was read to its end (a refusal, a 413) closes the
    connection after it: the unread rest is not the next request.
    """
    response = await _answer(request, handler)
    if request.body_exists and not request.content.is_eof() and not response.prepared:
        response.force_close()
    return response


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
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
    except ConnectionError:  # the client left (a display closing its stream): not an error
        log.debug("%s %s: the client left", request.method, request.path)
        raise  # aiohttp ends the connection quietly (connections.GuardedHandler.handle_error)
    except Exception as exc:  # a bug: said once per minute with a count, never a 5xx flood
        where = f"{request.method} {request.match_info.route.resource or request.path}"
        QUIET.warning(f"500:{where}:{type(exc).__name__}", f"internal error on {where}: {exc!r}")
        return json_error(500, "internal error")


_HOST = re.compile(
    r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?))(?::[0-9]{1,5})?"
)


def host_name(header: str) -> str | None:
    """The name part of a Host header (no port, no IPv6 brackets, lower case); None if malformed.

    Only `name[:port]` is a Host header: `127.0.0.1:18800.evil.com`, `localhost:80@evil.com`
    and `localhost..` are not, and never count as the name they start with.
    """
    value = header.strip().lower()
    match = _HOST.fullmatch(value)
    if match is None:
        return value if _is_ip(value) else None  # a bare IPv6 literal
    name = match["v6"] or match["name"]
    return name[:-1] if name.endswith(".") else name


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, names: Iterable[str]) -> bool:
    """An IP literal, localhost, or one of this machine's names (DNS-rebinding defence)."""
    if header is None:
        return True  # HTTP/1.0 without a Host header: no browser sends that (reads only)
    name = host_name(header)
    if not name:
        return False
    if _is_ip(name):
        return True
    return name == "localhost" or name in {n.lower().rstrip(".") for n in names}


def host_middleware(
    names: Callable[[], Iterable[str]],
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """403 for a foreign Host header, before any other check."""

    @web.middleware
    async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
        for name in SINGLE_HEADERS:  # with two, which one decides? neither: refused
            if len(request.headers.getall(name, ())) > 1:
                return json_error(400, f"more than one {name} header")
        if not host_allowed(request.headers.get("Host"), names()):
            return json_error(403, "unknown Host header")
        return await handler(request)

    return check_host


def _origin_of(url: str) -> str | None:
    """scheme://host[:port] of an Origin or Referer value, lower case (None if not http)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(request: web.Request) -> bool:
    """The request's Origin (else Referer) is this server as the client addressed it; or none.

    Browsers send Origin with every cross-site write; a page of this server has the origin
    `<scheme>://<Host>` (`http`: this server has no TLS, so an `https` origin is another site).
    Scripts that send neither header are not browsers and are let through.
    """
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if claimed is None:
        return True
    host = request.headers.get("Host", "").strip().lower()
    return bool(host) and _origin_of(claimed) == f"{request.scheme}://{host}"


@web.middleware
async def write_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Writes only from this server's own pages (403) and only as JSON (415)."""
    if request.method not in SAFE_METHODS and request.match_info.http_exception is None:
        if not request.headers.get("Host", "").strip():  # HTTP/1.0 may leave it out: no write
            return json_error(403, "a write needs a Host header")
        if not same_origin(request):
            return json_error(403, "writes come only from this server's own pages")
        if request.content_type != JSON:
            return json_error(415, "a write needs 'Content-Type: application/json'")
    return await handler(request)


async def _read_body(request: web.Request) -> web.StreamResponse | None:
    """Read the whole body within BODY_TIMEOUT; an answer when that is not possible."""
    length = request.content_length
    if length is not None and length > MAX_BODY:
        return json_error(413, _message_of(web.HTTPRequestEntityTooLarge(MAX_BODY, length)))
    try:
        if request.content.is_eof():  # the usual small body came with the headers: no timer
            await request.read()
        else:
            async with asyncio.timeout(BODY_TIMEOUT):
                await request.read()  # raises HTTPRequestEntityTooLarge past client_max_size
    except TimeoutError:
        answer = json_error(408, f"the body did not arrive within {BODY_TIMEOUT:g} s")
    except web.RequestPayloadError as exc:  # bad chunks or compression, or cut off
        QUIET.info(f"payload:{exc}", f"a request body could not be read: {exc}")
        answer = json_error(400, "the body could not be read (bad encoding, or cut off)")
    except (ConnectionError, asyncio.IncompleteReadError) as exc:
        QUIET.info(f"gone:{type(exc).__name__}", "a client left before sending its whole body")
        answer = json_error(400, "the body was cut off")
    else:
        return None
    answer.force_close()
    return answer


@web.middleware
async def body_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Read the body up front, so an oversized one is a 413 whatever else is wrong.

    Until the body is in, the connection may be closed by the guard (timeouts, caps); from
    then on it is being served, and only its client can end it.
    """
    protocol = request.protocol if isinstance(request.protocol, GuardedHandler) else None
    if protocol is not None:
        protocol.guard.headers_in(protocol)
    if request.method in BODY_METHODS or request.body_exists:  # a GET may carry one too
        refused = await _read_body(request)
        if refused is not None:
            if protocol is not None:
                protocol.guard.waiting(protocol)
            return refused
    if protocol is None:
        return await handler(request)
    protocol.guard.serving(protocol)
    try:
        return await handler(request)
    finally:
        protocol.guard.waiting(protocol)


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """API.md's headers on every answer; SVG (campaign images) may run nothing at all."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if response.content_type == "image/svg+xml":
        response.headers.add("Content-Security-Policy", "sandbox")
