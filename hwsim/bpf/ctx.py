"""The ``struct __sk_buff`` context of tc programs: layout, access rules, and skb sync.

Access rules mirror ``tc_cls_act_is_valid_access()`` + ``bpf_skb_is_valid_access()``
(net/core/filter.c); reads mirror ``bpf_convert_ctx_access()``: ``protocol`` and
``vlan_proto`` are network order, ``data``/``data_end``/``data_meta`` are packet pointers.
"""

from __future__ import annotations

import struct

import attrs

from core.skb import SkBuff

CTX_SIZE = 192


@attrs.frozen
class Field:
    name: str
    off: int
    size: int
    writable: bool = False
    narrow_read: bool = True  # 1/2-byte reads inside the field allowed


FIELDS = (
    Field("len", 0, 4), Field("pkt_type", 4, 4), Field("mark", 8, 4, True),
    Field("queue_mapping", 12, 4, True), Field("protocol", 16, 4),
    Field("vlan_present", 20, 4), Field("vlan_tci", 24, 4), Field("vlan_proto", 28, 4),
    Field("priority", 32, 4, True), Field("ingress_ifindex", 36, 4), Field("ifindex", 40, 4),
    Field("tc_index", 44, 4, True),
    *(Field(f"cb{i}", 48 + 4 * i, 4, True) for i in range(5)),
    Field("hash", 68, 4), Field("tc_classid", 72, 4, True),
    Field("data", 76, 4, narrow_read=False), Field("data_end", 80, 4, narrow_read=False),
    Field("napi_id", 84, 4),
    Field("data_meta", 140, 4, narrow_read=False),
    Field("tstamp", 152, 8, True), Field("wire_len", 160, 4), Field("gso_segs", 164, 4),
    Field("gso_size", 176, 4), Field("hwtstamp", 184, 8),
)
BY_OFF = {f.off: f for f in FIELDS}
OFF_DATA, OFF_DATA_END, OFF_DATA_META = 76, 80, 140
PKT_POINTER_FIELDS = {OFF_DATA: "pkt", OFF_DATA_END: "pkt_end", OFF_DATA_META: "pkt_meta"}


def field_at(off: int, size: int) -> Field | None:
    """The field an access of ``size`` bytes at ``off`` falls in, or None."""
    for f in FIELDS:
        if f.off <= off and off + size <= f.off + f.size:
            return f
    return None


def access_error(off: int, size: int, write: bool) -> str | None:
    """None when the access is allowed, else the kernel's reason text."""
    msg = f"invalid bpf_context access off={off} size={size}"
    if off < 0 or off + size > CTX_SIZE or off % size:
        return msg
    f = field_at(off, size)
    if f is None:
        return msg
    if write:
        if not f.writable or (size != f.size and not (f.name == "tstamp" and size == 8)):
            return msg
        return None
    if size != f.size and (not f.narrow_read or size > 4):
        return msg
    return None


# everything at offsets 0..88 except data/data_end pointers, then tstamp..hwtstamp
_FILL = struct.Struct("<19I 8x I 52x 12x Q I I 8x I 4x Q")


def fill(buf: bytearray, skb: SkBuff) -> None:
    """Write ``skb`` into the ``__sk_buff`` image (pointer fields are handled by the engine)."""
    cb = skb.cb
    _FILL.pack_into(
        buf, 0, len(skb.data), skb.pkt_type, skb.mark, skb.queue_mapping,
        ((skb.protocol & 0xFF) << 8) | ((skb.protocol >> 8) & 0xFF), skb.vlan_present,
        skb.vlan_tci, ((skb.vlan_proto & 0xFF) << 8) | ((skb.vlan_proto >> 8) & 0xFF),
        skb.priority, skb.ingress_ifindex, skb.ifindex, skb.tc_index,
        cb[0], cb[1], cb[2], cb[3], cb[4], skb.hash, skb.tc_classid, skb.napi_id,
        skb.tstamp, len(skb.data), 0, 0, 0,
    )


_BACK = struct.Struct("<8x I I 16x I 8x I 5I 4x I")


def write_back(buf: bytearray, skb: SkBuff) -> None:
    """Copy writable fields back (``bpf_convert_ctx_access`` stores)."""
    (skb.mark, qm, skb.priority, tci, c0, c1, c2, c3, c4, skb.tc_classid) = _BACK.unpack_from(
        buf, 0)
    if qm < 0xFFFF:  # NO_QUEUE_MAPPING writes are ignored
        skb.queue_mapping = qm
    skb.tc_index = tci & 0xFFFF
    skb.cb[:] = (c0, c1, c2, c3, c4)
    skb.tstamp = struct.unpack_from("<Q", buf, 152)[0]
