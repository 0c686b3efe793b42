"""Packets shared by the BPF tests, and the skb the kernel's BPF_PROG_TEST_RUN would build."""

from __future__ import annotations

import struct

import dpkt

from core.skb import SkBuff
from hwsim import packet

PACKETS: dict[str, bytes] = {
    "v4_tcp80_syn": packet.ipv4("tcp", dport=80),
    "v4_tcp443_ack": packet.ipv4("tcp", sport=40000, dport=443, tcp_flags=dpkt.tcp.TH_ACK,
                                 payload=b"hello world" * 3),
    "v4_udp53": packet.ipv4("udp", dport=53, payload=b"\x12\x34" * 10),
    "v4_udp_big": packet.ipv4("udp", src="192.168.1.1", dport=9999, payload=bytes(range(200))),
    "v6_udp5353": packet.ipv6("udp", dport=5353, payload=b"q" * 7),
    "v6_tcp22": packet.ipv6("tcp", dport=22),
    "arp_like": bytes.fromhex("ffffffffffff020000000001" "0806") + bytes(range(46)),
    "short_eth": bytes.fromhex("020000000002020000000001" "88b5") + b"\x01\x02\x03",
    "multicast_v4": packet.ipv4("udp", dst="224.0.0.1", dport=5000,
                                eth_dst=bytes.fromhex("01005e000001")),
}

CTX_MARK = 0x77
CTX_PRIORITY = 3
CTX_CB = (11, 22, 33, 44, 55)
LOOPBACK_IFINDEX = 1


def pkt_type_of(frame: bytes) -> int:
    """``eth_type_trans()`` on the loopback device.

    lo's ``dev_addr`` and ``broadcast`` are both all-zero, so ff:ff:ff:ff:ff:ff is
    PACKET_MULTICAST there, not PACKET_BROADCAST.
    """
    dst = frame[:6]
    if dst[0] & 1:
        return 2  # PACKET_MULTICAST
    return 0 if dst == bytes(6) else 3  # PACKET_HOST / PACKET_OTHERHOST


def ctx_in() -> bytes:
    """``struct __sk_buff`` for TEST_RUN's ctx_in: only fields the kernel accepts."""
    buf = bytearray(192)
    struct.pack_into("<I", buf, 8, CTX_MARK)
    struct.pack_into("<I", buf, 32, CTX_PRIORITY)
    struct.pack_into("<5I", buf, 48, *CTX_CB)
    return bytes(buf)


def skb_like_test_run(frame: bytes) -> SkBuff:
    """The skb ``bpf_prog_test_run_skb()`` builds from ``frame`` and :func:`ctx_in`."""
    return SkBuff.from_bytes(frame, ifindex=LOOPBACK_IFINDEX, pkt_type=pkt_type_of(frame),
                             mark=CTX_MARK, priority=CTX_PRIORITY, cb=list(CTX_CB))


def ctx_out_fields(buf: bytes) -> tuple[int, int, tuple[int, ...]]:
    """(mark, priority, cb) from a ctx_out image."""
    mark, = struct.unpack_from("<I", buf, 8)
    prio, = struct.unpack_from("<I", buf, 32)
    return mark, prio, struct.unpack_from("<5I", buf, 48)
