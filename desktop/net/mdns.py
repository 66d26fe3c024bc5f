"""mDNS advertising of the player page (`_http._tcp`, host gm-terminal.local), off the loop.

Registration takes over a second and a network without multicast makes it fail or hang, so it
runs in a daemon thread with zeroconf's own loop: the app never waits for it and never stops
because of it.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

from desktop.net.discovery import MDNS_HOST

log = logging.getLogger(__name__)

SERVICE_TYPE = "_http._tcp.local."


def _zeroconf_factory(address: str) -> Any:
    from zeroconf import Zeroconf

    return Zeroconf(interfaces=[address])


def service_info(address: str, port: int) -> Any:
    """The advertised service: the player page at address:port under gm-terminal.local."""
    from zeroconf import ServiceInfo

    host = socket.gethostname().split(".", 1)[0] or "table"
    return ServiceInfo(
        SERVICE_TYPE,
        f"GM Terminal on {host}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(address)],
        port=port,
        properties={"path": "/"},
        server=f"{MDNS_HOST}.",
    )


class MdnsAdvertiser:
    """Advertises the server from a background thread; failures are logged, never raised."""

    def __init__(
        self,
        address: str,
        port: int,
        *,
        on_registered: Callable[[], None] | None = None,
        factory: Callable[[str], Any] = _zeroconf_factory,
    ) -> None:
        self._address = address
        self._port = port
        self._on_registered = on_registered
        self._factory = factory
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.registered = threading.Event()

    def start(self) -> None:
        """Begin advertising in the background."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="mdns", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Withdraw the advertisement (waits at most `timeout` seconds)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            zc = self._factory(self._address)
        except Exception as exc:  # no multicast, no interface: the app works without mDNS
            log.warning("mDNS advertising unavailable: %s", exc)
            return
        try:
            info = service_info(self._address, self._port)
            zc.register_service(info, allow_name_change=True)
            self.registered.set()
            log.info("advertised on mDNS as %s", MDNS_HOST)
            if self._on_registered is not None:
                self._on_registered()
            self._stop.wait()
            zc.unregister_service(info)
        except Exception as exc:
            log.warning("mDNS advertising failed: %s", exc)
        finally:
            try:
                zc.close()
            except Exception as exc:
                log.debug("mDNS close: %s", exc)
