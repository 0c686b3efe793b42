"""A minimal third-party driver plugin for the explorer tests: any number of programs per
port, removes of unknown programs acknowledged (like netdevsim), ``offload_holdings`` for
auditing and ``offload_reset`` for injected device resets."""

from __future__ import annotations

from typing import Any

from core.driver import flow_block_cb_setup_simple
from core.offload import TcClsBpfCommand, TcSetupType


class PluginDriver:
    name = "plugnic"

    def __init__(self) -> None:
        self.cbs: list[Any] = []
        self.held: dict[str, list[Any]] = {}

    def ndo_setup_tc(self, dev: Any, type: TcSetupType, bo: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -95
        return flow_block_cb_setup_simple(bo, self.cbs, self.cb, dev, dev, True,
                                          owner=f"plugnic:{dev.name}")

    def cb(self, type: TcSetupType, req: Any, dev: Any) -> int:
        if req.command == TcClsBpfCommand.TC_CLSBPF_STATS:
            return -95
        held = self.held.setdefault(dev.name, [])
        if req.oldprog is not None and any(p is req.oldprog for p in held):
            held[:] = [p for p in held if p is not req.oldprog]
        if req.prog is not None:
            held.append(req.prog)
        return 0

    def offload_holdings(self, dev: Any) -> list[Any]:
        return list(self.held.get(dev.name, []))

    def offload_reset(self, dev: Any) -> None:
        self.held.clear()


def make() -> PluginDriver:
    return PluginDriver()
