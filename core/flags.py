"""Classifier flag bits and their checks.

Mirrors ``include/uapi/linux/pkt_cls.h`` (``TCA_CLS_FLAGS_*``, ``TCA_BPF_FLAG_ACT_DIRECT``) and
the helpers of ``include/net/pkt_cls.h`` (``tc_flags_valid``, ``tc_skip_sw``, ``tc_skip_hw``,
``tc_in_hw``).
"""

from __future__ import annotations

TCA_CLS_FLAGS_SKIP_HW = 1 << 0
TCA_CLS_FLAGS_SKIP_SW = 1 << 1
TCA_CLS_FLAGS_IN_HW = 1 << 2
TCA_CLS_FLAGS_NOT_IN_HW = 1 << 3
TCA_CLS_FLAGS_VERBOSE = 1 << 4

TCA_BPF_FLAG_ACT_DIRECT = 1 << 0

#: ``CLS_BPF_SUPPORTED_GEN_FLAGS`` in net/sched/cls_bpf.c (same in v5.2 and v6.1).
CLS_BPF_SUPPORTED_GEN_FLAGS = TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW

U32_MASK = 0xFFFFFFFF


def tc_skip_sw(flags: int) -> bool:
    """Mirrors ``tc_skip_sw()``."""
    return bool(flags & TCA_CLS_FLAGS_SKIP_SW)


def tc_skip_hw(flags: int) -> bool:
    """Mirrors ``tc_skip_hw()``."""
    return bool(flags & TCA_CLS_FLAGS_SKIP_HW)


def tc_in_hw(flags: int) -> bool:
    """Mirrors ``tc_in_hw()``."""
    return bool(flags & TCA_CLS_FLAGS_IN_HW)


def tc_flags_valid(flags: int) -> bool:
    """Mirrors ``tc_flags_valid()``: only SKIP_HW, SKIP_SW and VERBOSE, and not both skips."""
    if flags & ~(TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW | TCA_CLS_FLAGS_VERBOSE):
        return False
    flags &= TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW
    return flags != (TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW)


def cls_bpf_flags(flags: int) -> int:
    """Mirrors ``cls_bpf_flags()``: the user-settable part compared on replace."""
    return flags & CLS_BPF_SUPPORTED_GEN_FLAGS


def cls_bpf_gen_flags_ok(flags: int) -> bool:
    """The ``TCA_BPF_FLAGS_GEN`` check of ``cls_bpf_set_parms()``: 0, SKIP_HW or SKIP_SW only."""
    return not (flags & ~CLS_BPF_SUPPORTED_GEN_FLAGS) and tc_flags_valid(flags)


def flag_names(flags: int) -> list[str]:
    """Names as iproute2 prints them (``skip_hw``, ``skip_sw``, ``in_hw``, ``not_in_hw``)."""
    out = []
    if flags & TCA_CLS_FLAGS_SKIP_HW:
        out.append("skip_hw")
    if flags & TCA_CLS_FLAGS_SKIP_SW:
        out.append("skip_sw")
    if flags & TCA_CLS_FLAGS_IN_HW:
        out.append("in_hw")
    if flags & TCA_CLS_FLAGS_NOT_IN_HW:
        out.append("not_in_hw")
    return out
