"""A TCP relay on 127.0.0.1 in front of the app, for what a network does to a display.

`silence(request)` makes the connections that carried that request (say the snapshot stream)
deliver nothing more to the browser while staying open (a half-open connection: a router lost
the flow, the TV never got a FIN); every other connection, and those made afterwards, work.
It records the request lines the browser sent, the status lines it was answered with and the
bytes a silenced connection dropped, so a test can see what went over the wire.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from dataclasses import dataclass, field

# The request line without its query (displays add ?display=<id> to every request).
REQUEST_LINE = re.compile(rb"(?:^|\r\n)((?:GET|POST|HEAD) [^\s?]+)(?:\?\S*)? HTTP/1\.1\r\n")
STATUS_LINE = re.compile(rb"^HTTP/1\.1 (\d{3})")


@dataclass
class _Pair:
    browser: socket.socket
    app: socket.socket
    requests: list[str] = field(default_factory=list)
    silenced: bool = False


@dataclass
class TcpRelay:
    """Relays 127.0.0.1:<port> to the app's port, one pair of threads per connection."""

    target_port: int
    port: int = 0
    requests: list[str] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    swallowed: bytearray = field(default_factory=bytearray)  # what silenced connections dropped
    _pairs: list[_Pair] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _listener: socket.socket | None = None
    _closed: bool = False

    def start(self) -> TcpRelay:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def silence(self, request: str) -> int:
        """The open connections that carried `request` ("GET /path") stop delivering to the
        browser and stay open; how many."""
        with self._lock:
            pairs = [pair for pair in self._pairs if request in pair.requests]
            for pair in pairs:
                pair.silenced = True
        return len(pairs)

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            self._closed = True  # a connection accepted meanwhile is closed by _accept
            for pair in self._pairs:
                for sock in (pair.browser, pair.app):
                    sock.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                browser, _ = self._listener.accept()
            except OSError:
                return
            try:
                app = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:  # the app has stopped (a test's end) while the page reconnects
                browser.close()
                continue
            pair = _Pair(browser, app)
            with self._lock:
                if self._closed:  # accepted as the relay closed: never relayed, never leaked
                    browser.close()
                    app.close()
                    return
                self._pairs.append(pair)
            threading.Thread(target=self._upstream, args=(pair,), daemon=True).start()
            threading.Thread(target=self._downstream, args=(pair,), daemon=True).start()

    def _upstream(self, pair: _Pair) -> None:
        """Browser to app: everything, noting the request lines."""
        while data := _recv(pair.browser):
            lines = [m.decode() for m in REQUEST_LINE.findall(data)]
            with self._lock:
                pair.requests += lines
                self.requests += lines
            try:
                pair.app.sendall(data)
            except OSError:
                return
        _shut(pair.app)

    def _downstream(self, pair: _Pair) -> None:
        """App to browser: everything until silenced, noting the status lines; then nothing."""
        while data := _recv(pair.app):
            if pair.silenced:
                with self._lock:
                    self.swallowed += data
                continue
            status = STATUS_LINE.match(data)
            if status:
                with self._lock:
                    self.statuses.append(int(status.group(1)))
            try:
                pair.browser.sendall(data)
            except OSError:
                return
        if not pair.silenced:
            _shut(pair.browser)


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
