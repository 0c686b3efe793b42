"""The packet as the classifier sees it: a minimal ``struct sk_buff``.

Only what cls_bpf classify and an ``__sk_buff`` context need. The BPF engine in ``hwsim``
builds its ``__sk_buff`` view from this object and writes back the fields a program may
change (mark, tc_classid, tc_index, priority, queue_mapping, cb, the packet bytes).
"""

from __future__ import annotations

import attrs

ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
ETH_P_IPV6 = 0x86DD
ETH_P_ARP = 0x0806
ETH_P_8021Q = 0x8100

PACKET_HOST = 0


@attrs.define
class SkBuff:
    """Mirrors the fields of ``struct sk_buff`` that ``bpf_convert_ctx_access()`` exposes.

    ``data`` holds the frame starting at the MAC header (cls_bpf pushes the MAC header at
    ingress before running the program, so programs always see the Ethernet header first).
    """

    data: bytearray
    protocol: int = ETH_P_IP  # host byte order here; __sk_buff.protocol is network order
    ifindex: int = 0
    ingress_ifindex: int = 0
    mark: int = 0
    priority: int = 0
    queue_mapping: int = 0
    pkt_type: int = PACKET_HOST
    vlan_present: int = 0
    vlan_tci: int = 0
    vlan_proto: int = 0
    tc_index: int = 0
    hash: int = 0
    tc_classid: int = 0  # qdisc_skb_cb(skb)->tc_classid
    napi_id: int = 0
    cb: list[int] = attrs.field(factory=lambda: [0, 0, 0, 0, 0])
    tstamp: int = 0
    redirect_ifindex: int | None = None  # set by bpf_redirect()

    @property
    def len(self) -> int:
        return len(self.data)

    @classmethod
    def from_bytes(cls, frame: bytes, **kw: object) -> SkBuff:
        """Build an skb from an Ethernet frame; ``protocol`` is read from the EtherType."""
        proto = int.from_bytes(frame[12:14], "big") if len(frame) >= 14 else 0
        kw.setdefault("protocol", proto)
        return cls(data=bytearray(frame), **kw)  # type: ignore[arg-type]
