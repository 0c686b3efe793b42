"""The block-callback bus: dispatching offload requests and keeping the offload counters.

Mirrors ``net/sched/cls_api.c``: ``__tc_setup_cb_call`` and the v5.4+ wrappers
``tc_setup_cb_call/add/replace/destroy/reoffload`` (used by the v6.1 profile), the SEED-era
``tcf_block_cb_call`` with its ``nooffloaddevcnt`` check (used by the v5.2 profile), and the
counter helpers ``tcf_block_offload_inc/dec``, ``tc_cls_offload_cnt_update`` and
``tc_cls_offload_cnt_reset``.

A callback that raises is a driver error: the exception is recorded, the callback is
treated as having returned ``-EIO`` (with an extack naming the driver when one is present),
and the core carries on exactly as for any failing callback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from core.errors import EIO, EOPNOTSUPP, Extack
from core.events import prog_label
from core.flags import TCA_CLS_FLAGS_IN_HW, U32_MASK
from core.offload import FlowBlockCb, TcSetupType

if TYPE_CHECKING:
    from core.block import Block


class OffloadState(Protocol):
    """The per-filter bookkeeping the counters act on (``gen_flags``, ``in_hw_count``)."""

    gen_flags: int
    in_hw_count: int


def _request_fields(type_data: Any) -> dict[str, Any]:
    common = getattr(type_data, "common", None)
    command = getattr(type_data, "command", None)
    prog = getattr(type_data, "prog", None)
    oldprog = getattr(type_data, "oldprog", None)
    return {
        "command": command.name if command is not None else "",
        "prog": prog_label(prog),
        "oldprog": prog_label(oldprog),
        "prog_obj": prog,
        "oldprog_obj": oldprog,
        "chain": common.chain_index if common is not None else None,
        "prio": common.prio if common is not None else None,
        "protocol": common.protocol if common is not None else None,
    }


def call_one(block: Block, block_cb: FlowBlockCb, type_: TcSetupType, type_data: Any) -> int:
    """Invoke one callback, record the event, and turn an exception into ``-EIO``."""
    common = getattr(type_data, "common", None)
    extack: Extack | None = getattr(common, "extack", None)
    before = extack.msg if extack is not None else None
    log = block.net.log
    held_before = log.probe(block_cb) if log.probe is not None else None
    raised = None
    try:
        ret = block_cb.cb(type_, type_data, block_cb.cb_priv)
        if not isinstance(ret, int) or isinstance(ret, bool) or ret > 0:
            raised = f"callback returned {ret!r}, not 0 or a negative errno"
            ret = -EIO
    except Exception as exc:  # a plugin's bug must not corrupt the core
        raised = f"{type(exc).__name__}: {exc}"
        ret = -EIO
    if raised is not None and extack is not None:
        extack.set(f"{block_cb.owner}: driver error ({raised})")
    log.record(
        owner=block_cb.owner,
        setup_type=type_.name,
        ret=ret,
        extack=(extack.msg if extack is not None and extack.msg != before else None),
        raised=raised,
        held_before=held_before,
        held_after=log.probe(block_cb) if log.probe is not None else None,
        **_request_fields(type_data),
    )
    return ret


def __tc_setup_cb_call(block: Block, type_: TcSetupType, type_data: Any, err_stop: bool) -> int:
    """Mirrors ``__tc_setup_cb_call()``: walk ``cb_list`` in order; with ``err_stop`` the
    first error is returned at once (earlier callbacks are not undone); otherwise errors are
    ignored. Returns ``ok_count``."""
    ok_count = 0
    for block_cb in list(block.cb_list):
        err = call_one(block, block_cb, type_, type_data)
        if err:
            if err_stop:
                return err
        else:
            ok_count += 1
    return ok_count


# -- counters --------------------------------------------------------------------------


def tcf_block_offload_inc(block: Block, obj: OffloadState) -> None:
    """Mirrors ``tcf_block_offload_inc()``: set IN_HW once, counting it in ``offloadcnt``."""
    if obj.gen_flags & TCA_CLS_FLAGS_IN_HW:
        return
    obj.gen_flags |= TCA_CLS_FLAGS_IN_HW
    block.offloadcnt += 1


def tcf_block_offload_dec(block: Block, obj: OffloadState) -> None:
    """Mirrors ``tcf_block_offload_dec()``: clear IN_HW once, uncounting it."""
    if not obj.gen_flags & TCA_CLS_FLAGS_IN_HW:
        return
    obj.gen_flags &= ~TCA_CLS_FLAGS_IN_HW
    block.offloadcnt -= 1


def tc_cls_offload_cnt_update(block: Block, obj: OffloadState, diff: int, add: bool) -> None:
    """Mirrors ``tc_cls_offload_cnt_update()``; ``in_hw_count`` is a u32 and wraps
    (a remove on 0 gives 0xFFFFFFFF and leaves IN_HW as it was: quirk B)."""
    if add:
        if obj.in_hw_count == 0:
            tcf_block_offload_inc(block, obj)
        obj.in_hw_count = (obj.in_hw_count + diff) & U32_MASK
    else:
        obj.in_hw_count = (obj.in_hw_count - diff) & U32_MASK
        if obj.in_hw_count == 0:
            tcf_block_offload_dec(block, obj)


def tc_cls_offload_cnt_reset(block: Block, obj: OffloadState) -> None:
    """Mirrors ``tc_cls_offload_cnt_reset()``."""
    tcf_block_offload_dec(block, obj)
    obj.in_hw_count = 0


# -- v5.4+ API (profile v6.1) ------------------------------------------------------------


def tc_setup_cb_call(block: Block, type_: TcSetupType, type_data: Any, err_stop: bool) -> int:
    """Mirrors ``tc_setup_cb_call()`` (v5.4+): the raw ``ok_count``; no nooffloaddevcnt check."""
    return __tc_setup_cb_call(block, type_, type_data, err_stop)


def tc_setup_cb_add(
    block: Block, type_: TcSetupType, type_data: Any, err_stop: bool, obj: OffloadState
) -> int:
    """Mirrors ``tc_setup_cb_add()``: non-destructive add. Successful callbacks are not
    undone on error and no counters move; on success the counters grow by ``ok_count``."""
    if block.nooffloaddevcnt and err_stop:
        return -EOPNOTSUPP
    ok = __tc_setup_cb_call(block, type_, type_data, err_stop)
    if ok < 0:
        return ok
    if ok > 0:
        tc_cls_offload_cnt_update(block, obj, ok, True)
    return 0


def tc_setup_cb_replace(
    block: Block,
    type_: TcSetupType,
    type_data: Any,
    err_stop: bool,
    old: OffloadState,
    new: OffloadState,
) -> int:
    """Mirrors ``tc_setup_cb_replace()``: destructive replace. The old filter's counters
    are reset *before* any callback runs, and stay reset if a callback fails."""
    if block.nooffloaddevcnt and err_stop:
        return -EOPNOTSUPP
    tc_cls_offload_cnt_reset(block, old)
    ok = __tc_setup_cb_call(block, type_, type_data, err_stop)
    if ok < 0:
        return ok
    if ok > 0:
        tc_cls_offload_cnt_update(block, new, ok, True)
    return 0


def tc_setup_cb_destroy(
    block: Block, type_: TcSetupType, type_data: Any, err_stop: bool, obj: OffloadState
) -> int:
    """Mirrors ``tc_setup_cb_destroy()``: every callback is asked, then the counters are
    always reset. No nooffloaddevcnt check."""
    ok = __tc_setup_cb_call(block, type_, type_data, err_stop)
    tc_cls_offload_cnt_reset(block, obj)
    return min(ok, 0)


def tc_setup_cb_reoffload(
    block: Block,
    add: bool,
    block_cb: FlowBlockCb,
    type_: TcSetupType,
    type_data: Any,
    obj: OffloadState,
    skip_sw: bool,
) -> int:
    """Mirrors ``tc_setup_cb_reoffload()`` (and the SEED ``cls_bpf_reoffload`` body, which
    behaves the same): one callback; an error matters only for a skip_sw add; every
    acknowledged request moves the count by one in the direction of ``add``."""
    err = call_one(block, block_cb, type_, type_data)
    if err:
        if add and skip_sw:
            return err
        return 0
    tc_cls_offload_cnt_update(block, obj, 1, add)
    return 0


# -- SEED API (profile v5.2) ----------------------------------------------------------------


def tc_setup_cb_call_seed(
    block: Block, type_: TcSetupType, type_data: Any, err_stop: bool
) -> int:
    """Mirrors the SEED-era ``tc_setup_cb_call()`` → ``tcf_block_cb_call()``: refuses with
    ``-EOPNOTSUPP`` (no message) when a non-offload device is bound and ``err_stop`` is set,
    before any callback is called."""
    if block.nooffloaddevcnt and err_stop:
        return -EOPNOTSUPP
    return __tc_setup_cb_call(block, type_, type_data, err_stop)
