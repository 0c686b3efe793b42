"""Packets for tests and scenarios: build Ethernet/IPv4/IPv6/TCP/UDP frames, read/write pcap.

Built on dpkt, which also computes IP/TCP/UDP checksums when a frame is serialised, so
frames are valid on the wire (a kernel BPF_PROG_TEST_RUN sees the same bytes we do).
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from pathlib import Path

import dpkt

ETH_P_IP = 0x0800
ETH_P_IPV6 = 0x86DD
DEFAULT_SRC_MAC = bytes.fromhex("020000000001")
DEFAULT_DST_MAC = bytes.fromhex("020000000002")


def ether(payload: bytes | dpkt.Packet, ethertype: int, *, src: bytes = DEFAULT_SRC_MAC,
          dst: bytes = DEFAULT_DST_MAC) -> bytes:
    """An Ethernet II frame around ``payload``."""
    return bytes(dpkt.ethernet.Ethernet(src=src, dst=dst, type=ethertype, data=payload))


def _l4(proto: str, sport: int, dport: int, payload: bytes, flags: int) -> dpkt.Packet:
    if proto == "tcp":
        return dpkt.tcp.TCP(sport=sport, dport=dport, flags=flags, seq=1, win=65535,
                            data=payload)
    if proto == "udp":
        return dpkt.udp.UDP(sport=sport, dport=dport, data=payload)
    raise ValueError(f"unknown L4 protocol {proto!r}")


def ipv4(proto: str = "tcp", *, src: str = "10.0.0.1", dst: str = "10.0.0.2",
         sport: int = 1234, dport: int = 80, payload: bytes = b"", ttl: int = 64,
         tcp_flags: int = dpkt.tcp.TH_SYN, eth_src: bytes = DEFAULT_SRC_MAC,
         eth_dst: bytes = DEFAULT_DST_MAC) -> bytes:
    """Ethernet/IPv4/{TCP,UDP} frame with valid checksums."""
    l4 = _l4(proto, sport, dport, payload, tcp_flags)
    ip = dpkt.ip.IP(src=socket.inet_aton(src), dst=socket.inet_aton(dst), ttl=ttl,
                    p=dpkt.ip.IP_PROTO_TCP if proto == "tcp" else dpkt.ip.IP_PROTO_UDP,
                    data=l4)
    ip.len = len(ip)  # make dpkt compute totals and checksums on bytes()
    return ether(ip, ETH_P_IP, src=eth_src, dst=eth_dst)


def ipv6(proto: str = "udp", *, src: str = "fd00::1", dst: str = "fd00::2",
         sport: int = 1234, dport: int = 53, payload: bytes = b"", hlim: int = 64,
         tcp_flags: int = dpkt.tcp.TH_SYN, eth_src: bytes = DEFAULT_SRC_MAC,
         eth_dst: bytes = DEFAULT_DST_MAC) -> bytes:
    """Ethernet/IPv6/{TCP,UDP} frame with valid checksums."""
    l4 = _l4(proto, sport, dport, payload, tcp_flags)
    nxt = dpkt.ip.IP_PROTO_TCP if proto == "tcp" else dpkt.ip.IP_PROTO_UDP
    ip6 = dpkt.ip6.IP6(src=socket.inet_pton(socket.AF_INET6, src),
                       dst=socket.inet_pton(socket.AF_INET6, dst), nxt=nxt, hlim=hlim,
                       data=l4)
    ip6.plen = len(l4)
    l4.sum = 0
    ip6.data = l4
    raw = bytes(ip6)  # dpkt fills the L4 checksum when packing an IP6 with TCP/UDP
    return ether(raw, ETH_P_IPV6, src=eth_src, dst=eth_dst)


def read_pcap(path: str | Path) -> list[tuple[float, bytes]]:
    """All frames of a pcap file as ``(timestamp, bytes)``."""
    with open(path, "rb") as fh:
        return [(ts, bytes(buf)) for ts, buf in dpkt.pcap.Reader(fh)]


def write_pcap(path: str | Path, frames: Iterable[bytes | tuple[float, bytes]]) -> None:
    """Write Ethernet frames (optionally with timestamps) as a pcap file."""
    with open(path, "wb") as fh:
        w = dpkt.pcap.Writer(fh, linktype=dpkt.pcap.DLT_EN10MB)
        for i, f in enumerate(frames):
            ts, buf = f if isinstance(f, tuple) else (float(i), f)
            w.writepkt(buf, ts=ts)
