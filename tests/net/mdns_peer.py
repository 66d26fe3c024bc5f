"""The other side of the LAN in test_mdns_lan.py: a device looking for the table on mDNS.

    python tests/net/mdns_peer.py ADDRESS

Run inside the second network namespace. Browses `_http._tcp.local.` from ADDRESS and prints one
JSON line per event: {"found": {name, server, port, addresses, path}} once the table's service
resolves, {"host": [addresses]} for the A record of gm-terminal.local, and {"removed": name}
when the service is withdrawn. Exits after the removal, or after 30 s.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from zeroconf import AddressResolverIPv4, ServiceBrowser, ServiceStateChange, Zeroconf

SERVICE_TYPE = "_http._tcp.local."
HOST = "gm-terminal.local."


def say(event: dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


def main(address: str) -> None:
    zc = Zeroconf(interfaces=[address])
    removed = threading.Event()

    def on_change(
        zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is ServiceStateChange.Added:
            info = zeroconf.get_service_info(service_type, name, timeout=5000)
            if info is None:
                return
            path = (info.properties or {}).get(b"path", b"").decode()
            say(
                {
                    "found": {
                        "name": name,
                        "server": info.server,
                        "port": info.port,
                        "addresses": info.parsed_addresses(),
                        "path": path,
                    }
                }
            )
            resolver = AddressResolverIPv4(HOST)
            if resolver.request(zeroconf, 3000):
                say({"host": resolver.parsed_addresses()})
        elif state_change is ServiceStateChange.Removed:
            say({"removed": name})
            removed.set()

    browser = ServiceBrowser(zc, SERVICE_TYPE, handlers=[on_change])
    say({"browsing": address})
    removed.wait(30)
    browser.cancel()
    zc.close()


if __name__ == "__main__":
    main(sys.argv[1])
