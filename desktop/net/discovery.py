"""How the table finds the server: the LAN address, the player URL, QR codes and host names."""

from __future__ import annotations

import io
import ipaddress
import logging
import socket
from dataclasses import dataclass, field

import ifaddr
import segno

log = logging.getLogger(__name__)

MDNS_HOST = "gm-terminal.local"  # the stable name the server advertises on mDNS
# Probe targets for the routing trick, one per private range: connecting a UDP socket picks the
# interface the kernel would route through, and sends nothing.
_PROBES = ("192.168.255.254", "10.254.254.254", "172.31.255.254")
_VIRTUAL_PREFIXES = (
    "docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "tun", "tap", "wg", "utun",
    "tailscale", "zt", "ppp", "lo", "cni", "flannel", "podman", "lxc", "ipsec",
)  # fmt: skip
_DOCKER_DEFAULT = ipaddress.ip_network("172.17.0.0/16")


@dataclass
class Discovery:
    """What the server tells about itself: the names it answers to and the player URLs."""

    host_names: frozenset[str] = field(default_factory=lambda: machine_names())
    player_url: str = ""  # set once the server listens; "" means "derive it from the request"
    mdns_url: str = ""  # set once mDNS advertising succeeded


def machine_names() -> frozenset[str]:
    """Host names this machine answers to: its hostname (short and FQDN), their .local, ours."""
    names = {MDNS_HOST}
    hostname = socket.gethostname().lower().rstrip(".")
    if hostname:
        short = hostname.split(".", 1)[0]
        names.update({hostname, short, f"{short}.local"})
    return frozenset(names)


def _probe(target: str) -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect((target, 9))  # UDP connect: a routing decision, no packet
            address = sock.getsockname()[0]
    except OSError:
        return None
    return address if isinstance(address, str) else None


def _interfaces() -> dict[str, str]:
    """IPv4 address -> interface name, from ifaddr."""
    found: dict[str, str] = {}
    try:
        adapters = ifaddr.get_adapters()
    except OSError:
        return found
    for adapter in adapters:
        for ip in adapter.ips:
            if isinstance(ip.ip, str):
                found[ip.ip] = str(adapter.nice_name)
    return found


def _virtual(address: str, interface: str) -> bool:
    name = interface.lower()
    return name.startswith(_VIRTUAL_PREFIXES) or ipaddress.ip_address(address) in _DOCKER_DEFAULT


def _rank(address: str, interface: str, routed: bool) -> tuple[int, int, int]:
    ip = ipaddress.ip_address(address)
    return (int(not _virtual(address, interface)), int(ip.is_private), int(routed))


def lan_address() -> str:
    """This machine's address on the LAN (not docker or a VPN when a LAN one exists)."""
    interfaces = _interfaces()
    routed = {a for a in (_probe(t) for t in _PROBES) if a is not None}
    candidates = set(interfaces) | routed
    usable = [
        a
        for a in candidates
        if not ipaddress.ip_address(a).is_loopback
        and not ipaddress.ip_address(a).is_link_local
        and not ipaddress.ip_address(a).is_unspecified
    ]
    if not usable:
        return "127.0.0.1"
    return max(sorted(usable), key=lambda a: _rank(a, interfaces.get(a, ""), a in routed))


def is_loopback_host(host: str) -> bool:
    """A bind address only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def display_host(bind_host: str) -> str:
    """The host a display should use for a server bound to `bind_host`."""
    if bind_host in ("", "0.0.0.0", "::"):
        return lan_address()
    return bind_host


def player_url(host: str, port: int) -> str:
    """The player display's URL for a server bound to host:port."""
    shown = display_host(host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def mdns_url(port: int) -> str:
    """The player URL under the advertised .local name."""
    return f"http://{MDNS_HOST}:{port}/"


def qr_svg(url: str) -> str:
    """An SVG QR code of the URL (scales with its viewBox)."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out,
        kind="svg",
        scale=1,
        border=2,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        omitsize=True,
    )
    return out.getvalue().decode()


def qr_png(url: str, scale: int = 8) -> bytes:
    """A PNG QR code of the URL, `scale` pixels per module."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=scale, border=2)
    return out.getvalue()
