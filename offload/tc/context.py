"""What the command front end works on: the emulator plus the bits of state a real system
keeps outside the tc core (which devices have been up and so own a root qdisc, and each
block's ``classid``, which ``tc_new_tfilter`` records from the request's parent)."""

from __future__ import annotations

import weakref
from typing import Any

import attrs


def _weak() -> weakref.WeakKeyDictionary[Any, int]:
    return weakref.WeakKeyDictionary()


@attrs.define
class Context:
    """One emulated system as the commands see it. ``emu`` follows the
    :class:`offload.emulator.Emulator` interface; ``vfs`` is an :class:`offload.vfs.Vfs`."""

    emu: Any
    vfs: Any = None
    ever_up: weakref.WeakSet[Any] = attrs.field(factory=weakref.WeakSet)
    block_classid: weakref.WeakKeyDictionary[Any, int] = attrs.field(factory=_weak)
    #: ``ip -force`` of the command being run
    force: bool = False

    @property
    def net(self) -> Any:
        return self.emu.net

    def ifindex(self, name: str) -> int:
        """``ll_name_to_index``: 0 for an unknown name."""
        dev = self.net.devices.get(name)
        return dev.ifindex if dev is not None else 0

    def has_root_qdisc(self, dev: Any) -> bool:
        """A device gets its default root qdisc (``noqueue`` for these software devices)
        the first time it goes up (``dev_activate``); before that only the built-in
        ``noop`` is attached, which dumps skip."""
        return bool(dev.up) or dev in self.ever_up

    def mark_up(self, name: str) -> None:
        dev = self.net.devices.get(name)
        if dev is not None:
            self.ever_up.add(dev)
