"""Keeps N idle or half-sent connections open to 127.0.0.1:PORT until stdin closes (a process
of its own, so its work does not slow the test's GM client). Prints `opened <count>` lines.

    python tests/e2e/idle_attacker.py PORT N
"""

from __future__ import annotations

import asyncio
import resource
import sys

HALF_SENT = [
    b"",
    b"GET /api/active-view/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
    b"POST /api/terminal/hide/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{",
]


async def one(port: int, n: int, stop: asyncio.Event, opened: list[int]) -> None:
    """Keep one connection open; open another whenever the server closes it."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.2)
            continue
        opened[0] += 1
        writer.write(HALF_SENT[n % len(HALF_SENT)])
        closed = asyncio.ensure_future(reader.read(-1))
        halt = asyncio.ensure_future(stop.wait())
        await asyncio.wait({closed, halt}, return_when=asyncio.FIRST_COMPLETED)
        for task in (closed, halt):
            task.cancel()
        writer.transport.abort()
        await asyncio.sleep(0.05)  # a closed one is replaced at once (a bounded rate)


async def main(port: int, count: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # room for the connections
    stop, opened = asyncio.Event(), [0]
    tasks = [asyncio.ensure_future(one(port, n, stop, opened)) for n in range(count)]
    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    while not stdin_closed.done():
        print(f"opened {opened[0]}", flush=True)
        await asyncio.wait({stdin_closed}, timeout=0.5)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"opened {opened[0]}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
