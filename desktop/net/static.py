"""The player page's files, served from the installed `player_page` package and nothing else.

The files are listed once when the app is built and each gets its own route: a request is
answered only when its path is one of those names, so nothing outside the package can be
reached (no traversal, no campaign file), and the router answers 404/405 for everything else.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from importlib.resources import files
from importlib.resources.abc import Traversable

from aiohttp import web

PACKAGE = "player_page"
INDEX = "index.html"
PAGE_PREFIXES = ("terminal/",)  # the page is also served under /terminal/
_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".json": "application/json",
    ".txt": "text/plain",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webm": "video/webm",  # the keep-awake video (media/)
    ".mp4": "video/mp4",
}
_TEXT = ("text/", "application/json", "image/svg+xml")


def _servable(name: str) -> bool:
    """Page files only: no Python, no hidden files, no notes for developers."""
    return not name.startswith((".", "_")) and not name.endswith((".py", ".pyc", ".md"))


def _walk(folder: Traversable, prefix: str, found: dict[str, Traversable]) -> None:
    for entry in folder.iterdir():
        if not _servable(entry.name):
            continue
        if entry.is_dir():
            _walk(entry, f"{prefix}{entry.name}/", found)
        elif entry.is_file():
            found[prefix + entry.name] = entry


def content_type(name: str) -> str:
    """The Content-Type of a page file, with a charset for text."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    kind = _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(_TEXT) else kind


class PlayerPage:
    """The page's files by their path relative to the package."""

    def __init__(self, package: str = PACKAGE) -> None:
        self._files: dict[str, Traversable] = {}
        try:
            root = files(package)
        except ModuleNotFoundError:
            return
        _walk(root, "", self._files)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._files)

    def response(self, name: str) -> web.Response:
        """The file's bytes; the page itself is never cached, so a new version shows at once."""
        body = self._files[name].read_bytes()
        cache = "no-cache" if name.endswith(".html") else "public, max-age=60"
        return web.Response(
            body=body, headers={"Content-Type": content_type(name), "Cache-Control": cache}
        )

    def add_routes(self, router: web.UrlDispatcher) -> None:
        """GET (and HEAD) for every file, at / and under /terminal/; the page at both roots."""
        paths = ["", *(p.rstrip("/") + "/" for p in PAGE_PREFIXES)]
        if INDEX in self._files:
            for prefix in paths:
                router.add_get(f"/{prefix}", self._handler(INDEX))
        for name in sorted(self._files):
            if "{" in name or "}" in name:
                continue  # not expressible as a route; the page never refers to such a file
            for prefix in paths:
                router.add_get(f"/{prefix}{name}", self._handler(name))

    def _handler(self, name: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            return self.response(name)

        return handle
