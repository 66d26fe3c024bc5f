"""LAN address choice, player URLs, Host names, QR codes, mDNS failure handling, the kept token."""

from __future__ import annotations

import shutil
import stat
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop.net import discovery
from desktop.net.discovery import lan_address, player_url, qr_png, qr_svg
from desktop.net.gm_token import kept_gm_token
from desktop.net.mdns import MdnsAdvertiser
from desktop.net.middleware import host_allowed, host_name


def fake_network(
    monkeypatch: pytest.MonkeyPatch, interfaces: dict[str, str], routed: str | None
) -> None:
    monkeypatch.setattr(discovery, "_interfaces", lambda: dict(interfaces))
    monkeypatch.setattr(discovery, "_probe", lambda _target: routed)


def test_lan_beats_docker_and_vpn(monkeypatch: pytest.MonkeyPatch) -> None:
    interfaces = {"127.0.0.1": "lo", "172.17.0.1": "docker0", "10.8.0.2": "tun0",
                  "192.168.1.20": "wlan0"}  # fmt: skip
    fake_network(monkeypatch, interfaces, routed="10.8.0.2")  # the VPN holds the default route
    assert lan_address() == "192.168.1.20"


def test_routed_address_wins_among_lan_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_network(monkeypatch, {"192.168.1.20": "eth0", "10.0.0.7": "wlan0"}, routed="10.0.0.7")
    assert lan_address() == "10.0.0.7"


def test_only_virtual_or_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_network(monkeypatch, {"127.0.0.1": "lo", "172.17.0.1": "docker0"}, routed=None)
    assert lan_address() == "172.17.0.1"
    fake_network(monkeypatch, {"127.0.0.1": "lo", "169.254.3.4": "eth0"}, routed=None)
    assert lan_address() == "127.0.0.1"


def test_probe_sends_nothing_and_finds_an_address() -> None:
    assert discovery._probe("10.254.254.254") in (None, *discovery._interfaces())


def test_player_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_network(monkeypatch, {"192.168.1.20": "wlan0"}, routed="192.168.1.20")
    assert player_url("0.0.0.0", 8765) == "http://192.168.1.20:8765/"
    assert player_url("127.0.0.1", 9000) == "http://127.0.0.1:9000/"
    assert player_url("fd00::2", 80) == "http://[fd00::2]:80/"


@pytest.mark.parametrize(
    ("header", "name"),
    [("Example.COM:80", "example.com"), ("[::1]:8765", "::1"), ("host.", "host"),
     ("10.0.0.1", "10.0.0.1")],
)  # fmt: skip
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_host_allowed() -> None:
    names = discovery.machine_names()
    assert host_allowed("gm-terminal.local:8765", names)
    assert host_allowed(None, names)
    assert not host_allowed("", names)
    assert not host_allowed("gm-terminal.local.evil.com", names)
    assert not host_allowed("127.0.0.1.nip.io", names)


def test_qr_codes_hold_the_url(tmp_path: Path) -> None:
    url = "http://192.168.1.20:8765/"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "viewBox" in svg
    png = qr_png(url, 4)
    assert png.startswith(b"\x89PNG")
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed")
    (tmp_path / "qr.png").write_bytes(qr_png(url, 8))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert decoded.stdout.strip() == url


def test_mdns_without_multicast_never_stops_the_app() -> None:
    def broken(_address: str) -> Any:
        raise OSError("no multicast here")

    advertiser = MdnsAdvertiser("192.168.1.20", 8765, factory=broken)
    advertiser.start()
    advertiser.stop(timeout=10)
    assert not advertiser.registered.is_set()


class FakeZeroconf:
    """Records what the advertiser asks of zeroconf."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def register_service(self, info: Any, allow_name_change: bool = False) -> None:
        self.calls.append(("register", info))

    def unregister_service(self, info: Any) -> None:
        self.calls.append(("unregister", info))

    def close(self) -> None:
        self.calls.append(("close", None))


def test_mdns_registers_our_name_and_withdraws_it() -> None:
    zc = FakeZeroconf()
    done = threading.Event()
    advertiser = MdnsAdvertiser("192.168.1.20", 8765, factory=lambda _a: zc, on_registered=done.set)
    advertiser.start()
    assert done.wait(10)
    advertiser.stop(timeout=10)
    kinds = [kind for kind, _ in zc.calls]
    assert kinds == ["register", "unregister", "close"]
    info = zc.calls[0][1]
    assert info.server == "gm-terminal.local." and info.port == 8765
    assert info.type == "_http._tcp.local."


def test_kept_token_is_made_once_and_private(tmp_path: Path) -> None:
    first = kept_gm_token(tmp_path / "config")
    assert len(first) >= 24
    assert kept_gm_token(tmp_path / "config") == first
    mode = stat.S_IMODE((tmp_path / "config" / "gm-token").stat().st_mode)
    assert mode & 0o077 == 0
    (tmp_path / "config" / "gm-token").write_text("chosen-by-the-gm\n")
    assert kept_gm_token(tmp_path / "config") == "chosen-by-the-gm"
