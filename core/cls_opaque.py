"""Classifiers the model knows only by their answers: matchall and flower (u32 stays a
placeholder in ``core.net.OpaqueCls``).

They never match packets and their keys stay words, but they answer a request like the
kernel does where the kernel answers at all:

- ``mall_change()`` (cls_matchall.c): one filter per instance (a second one is -EEXIST, even
  for a replace), handle ``handle ?: 1``, flags checked, then the hardware request
  (``mall_replace_hw_filter()``: ``tc_setup_cb_add(TC_SETUP_CLSMATCHALL, skip_sw)``, and
  -EINVAL for skip_sw when no callback took it);
- ``fl_change()`` (cls_flower.c): the handle from the lowest free id starting at 1, a key equal
  to another filter's is -EEXIST (``fl_ht_insert_unique()``, no extack), then
  ``fl_hw_replace_filter()`` the same way with TC_SETUP_CLSFLOWER.

netdevsim's block callback refuses both types (``only offload of BPF classifiers
supported``), which matters exactly when the filter is skip_sw.
"""

from __future__ import annotations

from typing import Any

import attrs

from core import bus
from core.actions import GactAction, TcfExts, tc_act_flags_mismatch
from core.block import TcfProto
from core.errors import EEXIST, EINVAL, Extack, TcError
from core.flags import (
    TCA_CLS_FLAGS_IN_HW,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_HW,
    TCA_CLS_FLAGS_SKIP_SW,
)
from core.offload import TcClsCommonOffload, TcSetupType


@attrs.frozen
class OpaqueOpts:
    """What iproute2 sends for ``matchall``/``flower``: the key words (kept as words), the
    flags, the gact controls of ``action ...`` and a classid."""

    words: tuple[str, ...] = ()
    gen_flags: int = 0
    actions: tuple[int, ...] = ()
    classid: int = 0
    action_flags: tuple[int, ...] = ()
    action_indexes: tuple[int, ...] = ()


@attrs.define(eq=False)
class OpaqueFilter:
    handle: int
    words: tuple[str, ...]
    gen_flags: int
    classid: int = 0
    in_hw_count: int = 0
    exts: TcfExts = attrs.field(factory=TcfExts)
    hits: int = 0


@attrs.define
class TcClsOpaqueOffload:
    """``struct tc_cls_matchall_offload`` / ``flow_cls_offload`` as far as drivers look."""

    common: TcClsCommonOffload
    command: Any = None
    cookie: int = 0


class _Offloaded:
    kind = ""
    setup_type = TcSetupType.TC_SETUP_CLSMATCHALL

    def __init__(self) -> None:
        self.handles: dict[int, OpaqueFilter] = {}

    def get(self, handle: int) -> Any:
        return self.handles.get(handle)

    def walk(self) -> list[Any]:
        return [self.handles[h] for h in sorted(self.handles)]

    def empty(self) -> bool:
        return not self.handles

    def delete(self, tp: TcfProto, filt: Any, extack: Extack) -> bool:
        self.handles.pop(filt.handle, None)
        tp.block.net.release_action_indexes(filt.exts.actions)
        return not self.handles

    def destroy(self, tp: TcfProto, extack: Extack) -> None:
        for f in self.handles.values():
            tp.block.net.release_action_indexes(f.exts.actions)
        self.handles.clear()

    def classify(self, tp: TcfProto, skb: Any) -> tuple[int, int, Any]:
        return -1, 0, None

    def _new(self, tp: TcfProto, handle: int, opts: OpaqueOpts, extack: Extack) -> OpaqueFilter:
        flags = opts.gen_flags
        if flags & TCA_CLS_FLAGS_SKIP_HW and flags & TCA_CLS_FLAGS_SKIP_SW:
            raise TcError(-EINVAL)  # tc_flags_valid()
        if any(tc_act_flags_mismatch(f, flags) for f in opts.action_flags):
            # tcf_exts_validate_ex() with the filter's flags (matchall, flower, u32)
            raise TcError(-EINVAL, "Mismatch between action and filter offload flags")
        net = tp.block.net
        wanted = [*opts.action_indexes, *[0] * len(opts.actions)]
        actions = [GactAction(c, net.alloc_action_index("gact", w))
                   for c, w in zip(opts.actions, wanted, strict=False)]
        return OpaqueFilter(handle, opts.words, flags, opts.classid, exts=TcfExts(actions))

    def _hw_replace(self, tp: TcfProto, new: OpaqueFilter, extack: Extack) -> None:
        """``mall_replace_hw_filter()`` / ``fl_hw_replace_filter()``."""
        if new.gen_flags & TCA_CLS_FLAGS_SKIP_HW:
            new.gen_flags |= TCA_CLS_FLAGS_NOT_IN_HW
            return
        skip_sw = bool(new.gen_flags & TCA_CLS_FLAGS_SKIP_SW)
        common = TcClsCommonOffload(tp.chain.index, tp.protocol, tp.prio,
                                    extack if skip_sw else None)
        data = TcClsOpaqueOffload(common, cookie=id(new))
        err = bus.tc_setup_cb_add(tp.block, self.setup_type, data, skip_sw, new)
        if err:
            tp.block.net.release_action_indexes(new.exts.actions)
            raise TcError.from_ret(err, extack)
        if skip_sw and not new.gen_flags & TCA_CLS_FLAGS_IN_HW:
            tp.block.net.release_action_indexes(new.exts.actions)
            raise TcError(-EINVAL)
        if not new.gen_flags & TCA_CLS_FLAGS_IN_HW:
            new.gen_flags |= TCA_CLS_FLAGS_NOT_IN_HW


class MatchallCls(_Offloaded):
    """cls_matchall (see the module docstring)."""

    kind = "matchall"
    setup_type = TcSetupType.TC_SETUP_CLSMATCHALL

    def change(self, tp: TcfProto, handle: int, opts: Any, old: Any, create: bool,
               extack: Extack) -> Any:
        """Mirrors ``mall_change()``."""
        if not isinstance(opts, OpaqueOpts):
            raise TcError(-EINVAL)
        if self.handles:
            raise TcError(-EEXIST)
        new = self._new(tp, handle or 1, opts, extack)
        self._hw_replace(tp, new, extack)
        self.handles[new.handle] = new
        return new


class FlowerCls(_Offloaded):
    """cls_flower (see the module docstring)."""

    kind = "flower"
    setup_type = TcSetupType.TC_SETUP_CLSFLOWER

    def change(self, tp: TcfProto, handle: int, opts: Any, old: Any, create: bool,
               extack: Extack) -> Any:
        """Mirrors ``fl_change()``: handle, key uniqueness, then the hardware."""
        if not isinstance(opts, OpaqueOpts):
            raise TcError(-EINVAL)
        if old is not None:
            if handle and handle != old.handle:
                raise TcError(-EINVAL)
            handle = old.handle
        elif not handle:
            handle = 1
            while handle in self.handles:
                handle += 1
        new = self._new(tp, handle, opts, extack)
        if any(f.words == new.words for f in self.handles.values() if f is not old):
            tp.block.net.release_action_indexes(new.exts.actions)
            raise TcError(-EEXIST)
        self._hw_replace(tp, new, extack)
        if old is not None:
            tp.block.net.release_action_indexes(old.exts.actions)
        self.handles[handle] = new
        return new


U32_ROOT_HTID = 0x80000000  # the root hash table 800: (u32_init: 0x80000000 | ...)


@attrs.frozen
class U32Key:
    val: int
    mask: int
    off: int


@attrs.define(eq=False)
class U32HNode:
    """The root hash table of a u32 instance, dumped as ``fh 800: ht divisor 1``."""

    handle: int = U32_ROOT_HTID
    divisor: int = 1


@attrs.define(eq=False)
class U32KNode(OpaqueFilter):
    keys: tuple[U32Key, ...] = ()
    ht: int = U32_ROOT_HTID


class U32Cls(_Offloaded):
    """cls_u32 for keys given as ``match u32 VAL MASK [at OFF]`` in the root table:
    ``u32_change()`` allocates node ids from 0x800 (``gen_new_kid()``), asks the hardware
    (``u32_replace_hw_knode()``: TC_SETUP_CLSU32, fatal only with skip_sw) and dumps the
    root table first (``u32_walk()``)."""

    kind = "u32"
    setup_type = TcSetupType.TC_SETUP_CLSU32

    def __init__(self) -> None:
        super().__init__()
        self.root = U32HNode()

    def walk(self) -> list[Any]:
        return [self.root, *super().walk()]

    def get(self, handle: int) -> Any:
        return self.root if handle == self.root.handle else self.handles.get(handle)

    def change(self, tp: TcfProto, handle: int, opts: Any, old: Any, create: bool,
               extack: Extack) -> Any:
        if not isinstance(opts, OpaqueOpts):
            raise TcError(-EINVAL)
        if old is not None:
            raise TcError(-EINVAL)  # changing a knode's keys is not modelled
        if not handle:
            node = 0x800
            while U32_ROOT_HTID | node in self.handles:
                node += 1
            handle = U32_ROOT_HTID | node
        new_f = self._new(tp, handle, opts, extack)
        new = U32KNode(new_f.handle, new_f.words, new_f.gen_flags, new_f.classid,
                       exts=new_f.exts, keys=tuple(_u32_keys(opts.words)))
        self._hw_replace(tp, new, extack)
        self.handles[handle] = new
        return new

    def delete(self, tp: TcfProto, filt: Any, extack: Extack) -> bool:
        if filt is self.root:
            raise TcError(-EINVAL)
        return super().delete(tp, filt, extack)


def _u32_keys(words: tuple[str, ...]) -> list[U32Key]:
    """``match u32 VAL MASK [at OFF]`` (f_u32.c ``parse_u32``: the value is masked)."""
    keys = []
    i = 0
    while i < len(words):
        if words[i:i + 2] != ("match", "u32") or i + 3 >= len(words):
            i += 1
            continue
        try:
            val, mask = int(words[i + 2], 0), int(words[i + 3], 0)
            off = int(words[i + 5], 0) if words[i + 4:i + 5] == ("at",) else 0
        except (ValueError, IndexError):
            break
        i += 6 if words[i + 4:i + 5] == ("at",) else 4
        keys.append(U32Key(val & mask & 0xFFFFFFFF, mask & 0xFFFFFFFF, off))
    return keys
