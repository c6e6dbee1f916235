"""The addresses a room can reach this machine on, for ``--host 0.0.0.0``."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

from ..errors import UserError

ALL_INTERFACES = {"0.0.0.0", "::", ""}


def local_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses (best effort, no packet is sent)."""
    found: set[str] = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        # Connecting a UDP socket only picks the outgoing interface; nothing is sent.
        probe.connect(("10.255.255.255", 1))
        found.add(str(probe.getsockname()[0]))
    return sorted(a for a in found if not ipaddress.ip_address(a).is_loopback)


def share_urls(host: str, port: int, addresses: list[str]) -> list[str]:
    """The URLs to open: the host itself, or every address when bound to all interfaces."""
    if host in ALL_INTERFACES:
        return [f"http://{address}:{port}/" for address in addresses] or [
            f"http://127.0.0.1:{port}/"
        ]
    shown = f"[{host}]" if ":" in host else host
    return [f"http://{shown}:{port}/"]


def check_free(host: str, port: int) -> None:
    """UserError naming the fix when ``host:port`` cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UserError(
                f"Cannot listen on {host}:{port}: {exc.strerror}.",
                f"Pass another --port (e.g. --port {port + 1}) or --host.",
            ) from exc
