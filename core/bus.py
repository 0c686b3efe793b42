"""The block-callback bus: dispatching offload requests and keeping the offload counters.

Mirrors ``net/sched/cls_api.c``: ``__tc_setup_cb_call`` and the v5.4+ wrappers
``tc_setup_cb_call/add/replace/destroy/reoffload`` (used by the v6.1 profile), the SEED-era
``tcf_block_cb_call`` with its ``nooffloaddevcnt`` check (used by the v5.2 profile), and the
counter helpers ``tcf_block_offload_inc/dec``, ``tc_cls_offload_cnt_update`` and
``tc_cls_offload_cnt_reset``.

A callback that misbehaves (raises anything, answers something that is not ``0``/``-errno``,
rewrites the request, overruns the watchdog: see :mod:`core.boundary`) is a driver error:
it is recorded, the callback is treated as having returned ``-EIO`` (with an extack naming
the driver when one is present), and the core carries on exactly as for any failing
callback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from core.boundary import DRIVER_ERROR, is_inline
from core.errors import EOPNOTSUPP, Extack
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


def _sent(type_data: Any) -> tuple[Any, ...]:
    """The request fields a callback must not change, as sent."""
    common = getattr(type_data, "common", None)
    return (getattr(type_data, "command", None), getattr(type_data, "prog", None),
            getattr(type_data, "oldprog", None), getattr(type_data, "exts", None),
            getattr(type_data, "name", None), getattr(type_data, "exts_integrated", None),
            common, getattr(common, "chain_index", None), getattr(common, "protocol", None),
            getattr(common, "prio", None), getattr(common, "extack", None))


_SENT_NAMES = ("command", "prog", "oldprog", "exts", "name", "exts_integrated", "common",
               "common.chain_index", "common.protocol", "common.prio", "common.extack")


def _restore(type_data: Any, sent: tuple[Any, ...]) -> None:
    """Put a rewritten request back as sent (the next callback gets the same request)."""
    for attr, value in zip(_SENT_NAMES[:7], sent[:7], strict=True):
        if hasattr(type_data, attr):
            setattr(type_data, attr, value)
    common = sent[6]
    if common is not None:
        for attr, value in zip(_SENT_NAMES[7:], sent[7:], strict=True):
            setattr(common, attr.partition(".")[2], value)


def call_one(block: Block, block_cb: FlowBlockCb, type_: TcSetupType, type_data: Any) -> int:
    """Invoke one callback through the driver boundary (:mod:`core.boundary`) and record
    the event. The request is recorded as sent, before the callback runs; a raise (any
    ``BaseException``), an answer that is not ``0``/``-errno``, a rewritten request or an
    overrun of the watchdog is a driver error: answered as ``-EIO``, with an extack naming
    the driver when one is present, the request put back as sent."""
    common = getattr(type_data, "common", None)
    extack: Extack | None = getattr(common, "extack", None)
    before = extack.msg if extack is not None else None
    log = block.net.log
    fields = _request_fields(type_data)
    sent = _sent(type_data)
    held_before = _probe(log, block_cb)
    ret, raised = block.net.boundary.call_errno(
        "callback", block_cb.cb, type_, type_data, block_cb.cb_priv,
        inline=is_inline(getattr(block_cb.cb, "__self__", None)))
    now = _sent(type_data)
    changed = [n for n, a, b in zip(_SENT_NAMES, sent, now, strict=True)
               if a is not b and not (isinstance(a, int | str) and a == b)]
    if changed:
        _restore(type_data, sent)
        if raised is None:
            raised = f"callback rewrote the request ({', '.join(changed)})"
            ret = DRIVER_ERROR
    if raised is not None and extack is not None:
        extack.set(f"{block_cb.owner}: driver error ({raised})")
    log.record(
        owner=block_cb.owner,
        setup_type=type_.name,
        ret=ret,
        extack=(extack.msg if extack is not None and extack.msg != before else None),
        raised=raised,
        held_before=held_before,
        held_after=_probe(log, block_cb),
        **fields,
    )
    return ret


def _probe(log: Any, block_cb: FlowBlockCb) -> Any:
    """The log's holdings probe (set by the invariant checker), never raising."""
    if log.probe is None:
        return None
    try:
        return log.probe(block_cb)
    except Exception:  # the probe guards the driver's hook itself; belt and braces
        return None


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
