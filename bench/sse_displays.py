"""Many SSE displays in one lean child process: raw sockets, epoll, receipt times only.

A display here costs a few microseconds per event (no HTTP client, no JSON), so the figures
measure the server rather than the bench. Receipt times use time.perf_counter(), which is
CLOCK_MONOTONIC on Linux and so comparable with the parent process's clock.
"""

from __future__ import annotations

import multiprocessing
import re
import selectors
import socket
import time
from multiprocessing.connection import Connection
from typing import Any

ID = re.compile(rb"id: (\d+)\n")


class Display:
    """One stream: its socket, the revisions seen in order, and when."""

    __slots__ = ("first", "last", "order", "sock", "tail", "times")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.tail = b""
        self.last = -1
        self.first = 0.0
        self.order: list[int] = []
        self.times: dict[int, float] = {}

    def feed(self, data: bytes, now: float) -> None:
        text = self.tail + data
        for match in ID.finditer(text):
            rev = int(match.group(1))
            if rev > self.last or not self.order:
                if not self.order:
                    self.first = now
                self.order.append(rev)
                self.times[rev] = now
                self.last = rev
            elif rev < self.last:
                self.order.append(rev)  # out of order: recorded, reported by in_order()
        self.tail = text[-24:]


def open_display(host: str, port: int) -> socket.socket:
    sock = socket.create_connection((host, port))
    request = f"GET /api/active-view/stream/ HTTP/1.1\r\nHost: {host}\r\nUser-Agent: bench\r\n\r\n"
    sock.sendall(request.encode())
    sock.setblocking(False)
    return sock


class Fleet:
    """The child's displays and its command loop."""

    def __init__(self, host: str, port: int, control: Connection) -> None:
        self.host, self.port, self.control = host, port, control
        self.selector = selectors.DefaultSelector()
        self.displays: list[Display] = []
        self.waiting: int | None = None

    def connect(self, count: int) -> dict[str, Any]:
        start = time.perf_counter()
        new = []
        for _ in range(count):
            display = Display(open_display(self.host, self.port))
            self.selector.register(display.sock, selectors.EVENT_READ, display)
            new.append(display)
        self.displays += new
        while not all(d.order for d in new):
            self.pump(0.05)
        firsts = sorted(d.first - start for d in new) or [0.0]
        return {"p50": firsts[len(firsts) // 2], "max": firsts[-1]}

    def pump(self, timeout: float) -> None:
        for key, _ in self.selector.select(timeout):
            display: Display = key.data
            try:
                data = display.sock.recv(1 << 18)
            except BlockingIOError:
                continue
            display.feed(data, time.perf_counter())

    def all_at(self, rev: int) -> bool:
        return all(d.last >= rev for d in self.displays)

    def command(self, name: str, arg: Any) -> Any:
        if name == "connect":
            return self.connect(arg)
        if name == "times":
            return [[d.times.get(rev) for d in self.displays] for rev in arg]
        if name == "in_order":
            return all(d.order == sorted(set(d.order)) for d in self.displays)
        if name == "frames":
            return sum(len(d.order) for d in self.displays) / max(1, len(self.displays))
        if name == "close":
            for display in self.displays:
                self.selector.unregister(display.sock)
                display.sock.close()
            self.displays = []
            return True
        raise ValueError(name)

    def run(self) -> None:
        deadline = 0.0
        while True:
            if self.control.poll():
                try:
                    name, arg = self.control.recv()
                except EOFError:  # the bench is gone
                    return
                if name == "stop":
                    return
                if name == "wait":
                    self.waiting = arg
                    deadline = time.perf_counter() + 60
                else:
                    self.control.send(self.command(name, arg))
            if self.waiting is not None and self.all_at(self.waiting):
                self.waiting = None
                self.control.send(time.perf_counter())
            elif self.waiting is not None and time.perf_counter() > deadline:
                behind = [d.last for d in self.displays if d.last < self.waiting]
                self.control.send(RuntimeError(f"{len(behind)} displays stuck at {behind[:5]}"))
                self.waiting = None
            self.pump(0.001 if self.waiting is not None else 0.01)


def _child(host: str, port: int, control: Connection) -> None:
    Fleet(host, port, control).run()


class Displays:
    """The parent's handle on the child process of displays."""

    def __init__(self, url: str) -> None:
        host, port = url.split("//", 1)[1].strip("/").rsplit(":", 1)
        context = multiprocessing.get_context("fork")
        self._control, child = context.Pipe()
        self._process = context.Process(target=_child, args=(host, int(port), child), daemon=True)
        self._process.start()

    def ask(self, name: str, arg: Any = None) -> Any:
        self._control.send((name, arg))
        return self._control.recv()

    def connect(self, count: int) -> dict[str, float]:
        result: dict[str, float] = self.ask("connect", count)
        return result

    def wait_all(self, rev: int) -> float:
        """Block until every display saw rev (or a later one); answers when (perf_counter)."""
        done = self.ask("wait", rev)
        if isinstance(done, Exception):
            raise done
        result: float = done
        return result

    def times(self, revisions: list[int]) -> list[list[float | None]]:
        result: list[list[float | None]] = self.ask("times", revisions)
        return result

    def close(self) -> None:
        self.ask("close")

    def stop(self) -> None:
        self._control.send(("stop", None))
        self._process.join(10)
