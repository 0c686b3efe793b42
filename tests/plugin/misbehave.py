"""A driver plugin that misbehaves once, on purpose, at one hook (for the boundary tests).

``--driver tests.plugin.misbehave:make --driver-opt hook=HOOK --driver-opt how=HOW
[--driver-opt when=KIND]``:

- ``hook``: ``ndo_setup_tc`` (bind/unbind), ``callback`` (the block callback),
  ``ndo_set_features``, ``offload_holdings``;
- ``how``: ``raise:NAME`` (``Exception``, ``KeyboardInterrupt``, ``SystemExit``,
  ``GeneratorExit``), ``return:NAME`` (a value from :data:`VALUES`), ``mutate:FIELD``
  (rewrite the request, then answer 0), ``sleep`` (sleep :data:`SLEEP` s, then behave);
- ``when``: the request kind it fires on (``add``, ``replace``, ``remove``, ``bind``,
  ``any``).

It fires once, then behaves like a correct one-program-per-slot card.
"""

from __future__ import annotations

import time
from typing import Any

from core.driver import flow_block_cb_setup_simple
from core.errors import EOPNOTSUPP
from core.offload import FlowBlockCommand, TcClsBpfCommand, TcSetupType

SLEEP = 1.0
EXCEPTIONS: dict[str, type[BaseException]] = {
    "Exception": RuntimeError, "KeyboardInterrupt": KeyboardInterrupt,
    "SystemExit": SystemExit, "GeneratorExit": GeneratorExit}
VALUES: dict[str, Any] = {
    "None": None, "True": True, "False": False, "str": "0", "float": 0.0, "positive": 1,
    "huge": -2**63, "below-max-errno": -4096, "list": [0]}


def _kind(type_data: Any) -> str:
    if hasattr(type_data, "binder_type"):
        return "bind" if type_data.command == FlowBlockCommand.FLOW_BLOCK_BIND else "unbind"
    prog, old = getattr(type_data, "prog", None), getattr(type_data, "oldprog", None)
    if prog is not None and old is not None:
        return "replace"
    return "add" if prog is not None else "remove"


class Misbehaving:
    """A correct card, but for one deliberate misbehaviour."""

    def __init__(self, hook: str, how: str, when: str = "any") -> None:
        self.name = "badnic"
        self.hook, self.how, self.when = hook, how, when
        self.armed = True
        self.fired = False
        self.held: dict[str, list[Any]] = {}
        self.cb_list: list[Any] = []

    def _misbehave(self, hook: str, kind: str, req: Any) -> tuple[bool, Any]:
        """``(True, answer)`` when the misbehaviour replaces the answer."""
        if not self.armed or hook != self.hook or self.when not in ("any", kind):
            return False, None
        self.armed = False
        self.fired = True
        how, _, arg = self.how.partition(":")
        if how == "raise":
            raise EXCEPTIONS[arg]("deliberate misbehaviour")
        if how == "return":
            return True, VALUES[arg]
        if how == "sleep":
            time.sleep(SLEEP)
            return False, None
        if how == "mutate":
            obj, _, attr = arg.rpartition(".")
            target = getattr(req, obj) if obj else req
            value = {"command": TcClsBpfCommand.TC_CLSBPF_STATS,
                     "binder_type": 2}.get(attr)
            setattr(target, attr, value)
            return True, 0
        raise ValueError(f"unknown misbehaviour {self.how!r}")

    def ndo_setup_tc(self, dev: Any, type: TcSetupType, type_data: Any) -> int:
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        hit, answer = self._misbehave("ndo_setup_tc", _kind(type_data), type_data)
        if hit:
            return answer  # type: ignore[no-any-return]
        self.held.setdefault(dev.name, [])
        return flow_block_cb_setup_simple(type_data, self.cb_list, self.block_cb, dev, dev,
                                          ingress_only=True, owner=f"{self.name}:{dev.name}")

    def ndo_set_features(self, dev: Any, features: frozenset[str]) -> int:
        hit, answer = self._misbehave("ndo_set_features", "any", None)
        return answer if hit else 0  # type: ignore[no-any-return]

    def block_cb(self, type: TcSetupType, req: Any, dev: Any) -> int:
        if type != TcSetupType.TC_SETUP_CLSBPF or req.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            return -EOPNOTSUPP
        prog, old = req.prog, req.oldprog
        hit, answer = self._misbehave("callback", _kind(req), req)
        if hit:
            return answer  # type: ignore[no-any-return]
        held = self.held.setdefault(dev.name, [])
        if old is not None and any(p is old for p in held):
            held.remove(old)
        if prog is not None and not any(p is prog for p in held):
            held.append(prog)
        return 0

    def offload_holdings(self, cb_priv: Any) -> Any:
        hit, answer = self._misbehave("offload_holdings", "any", None)
        return answer if hit else list(self.held.get(cb_priv.name, []))

    def offload_netdev(self, cb_priv: Any) -> Any:
        return cb_priv


def make(hook: str = "callback", how: str = "raise:Exception", when: str = "any") -> Misbehaving:
    return Misbehaving(hook, how, when)
