"""hwsim.packet: frames are well-formed (checked by dpkt parsing them back) and pcap I/O."""

from __future__ import annotations

import socket
import struct

import dpkt

from hwsim import packet


def _ones_complement_ok(data: bytes) -> bool:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s == 0xFFFF


def test_ipv4_tcp_fields_and_checksums():
    f = packet.ipv4("tcp", src="10.1.2.3", dst="10.9.8.7", sport=5555, dport=80,
                    payload=b"abc")
    eth = dpkt.ethernet.Ethernet(f)
    assert eth.type == packet.ETH_P_IP
    ip = eth.data
    assert socket.inet_ntoa(ip.src) == "10.1.2.3" and ip.p == dpkt.ip.IP_PROTO_TCP
    assert _ones_complement_ok(f[14:34])  # IPv4 header checksum
    tcp = ip.data
    assert (tcp.sport, tcp.dport, tcp.data) == (5555, 80, b"abc")
    pseudo = ip.src + ip.dst + struct.pack("!BBH", 0, 6, len(bytes(tcp)))
    assert _ones_complement_ok(pseudo + f[34:])


def test_ipv6_udp_checksum():
    f = packet.ipv6("udp", dport=5353, payload=b"xyz")
    eth = dpkt.ethernet.Ethernet(f)
    ip6 = eth.data
    assert eth.type == packet.ETH_P_IPV6 and ip6.nxt == dpkt.ip.IP_PROTO_UDP
    udp = f[54:]
    pseudo = ip6.src + ip6.dst + struct.pack("!IxxxB", len(udp), 17)
    assert _ones_complement_ok(pseudo + udp)
    assert struct.unpack("!H", udp[2:4])[0] == 5353


def test_pcap_roundtrip(tmp_path):
    frames = [packet.ipv4("udp"), packet.ipv6("tcp")]
    path = tmp_path / "x.pcap"
    packet.write_pcap(path, [(1.5, frames[0]), (2.0, frames[1])])
    got = packet.read_pcap(path)
    assert [b for _, b in got] == frames
    assert [ts for ts, _ in got] == [1.5, 2.0]
