"""The driver contract: what a NIC driver plugin implements, and how plugins are found.

A driver is the Python counterpart of a ``struct net_device_ops`` with ``ndo_setup_tc``
(and optionally ``ndo_set_features``). The hook specs below are written the pluggy way: each
is a function whose body is its documentation. :func:`validate_driver` checks an object
against them when it is registered, so a broken plugin fails early with a clear message.

Third-party drivers register a factory under the entry-point group ``offload.drivers``::

    [project.entry-points."offload.drivers"]
    mynic = "mynic.driver:MyNicDriver"

The in-tree simulated NIC uses the same door.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from core.errors import EBUSY, ENOENT, EOPNOTSUPP, Extack
from core.offload import (
    FlowBlockBinderType,
    FlowBlockCb,
    FlowBlockCommand,
    FlowBlockOffload,
    FlowSetupCb,
    TcSetupType,
)

if TYPE_CHECKING:
    from importlib import metadata

    from core.netdev import NetDevice

ENTRY_POINT_GROUP = "offload.drivers"


class DriverPluginError(Exception):
    """A driver plugin could not be loaded or does not satisfy the contract."""


@runtime_checkable
class NetDriver(Protocol):
    """What a driver object provides. See the ``hookspec_*`` functions for each method."""

    name: str

    def ndo_setup_tc(self, dev: NetDevice, type: TcSetupType, type_data: Any) -> int: ...


def hookspec_ndo_setup_tc(dev: NetDevice, type: TcSetupType, type_data: Any) -> int:
    """``ndo_setup_tc(dev, type, type_data)``: called by the core for ``TC_SETUP_BLOCK``.

    ``type_data`` is a :class:`core.offload.FlowBlockOffload`. On ``FLOW_BLOCK_BIND`` the
    driver appends one :class:`FlowBlockCb` per callback to ``type_data.cb_list`` (use
    :func:`flow_block_cb_setup_simple`) and returns 0; it returns ``-EOPNOTSUPP`` for a
    binder type it does not offload (the device then counts as a non-offload device), or
    another negative errno to fail the bind. On ``FLOW_BLOCK_UNBIND`` it moves its callbacks
    to ``type_data.cb_list``.

    The callbacks then receive ``cb(TC_SETUP_CLSBPF, TcClsBpfOffload, cb_priv)`` and return
    0 or a negative errno, optionally setting ``request.common.extack`` (only present for
    skip_sw filters, as in the kernel). A callback that raises (anything), answers something
    else, rewrites the request or overruns the watchdog is a driver error (-EIO, message
    naming the driver; see :mod:`core.boundary`); the core's state is never corrupted by it.
    """


def hookspec_ndo_set_features(dev: NetDevice, features: frozenset[str]) -> int:
    """Optional. ``ndo_set_features(dev, features)``: called before the feature set changes
    (``ethtool -K``). Return 0 to accept or a negative errno to refuse (netdevsim refuses
    turning ``hw-tc-offload`` off with -EBUSY while it holds a TC program)."""


def hookspec_ndo_uninit(dev: NetDevice) -> None:
    """Optional. Called when the device is unregistered, after its qdiscs are gone."""


def hookspec_offload_holdings(cb_priv: Any) -> list[Any]:
    """Optional (auditing). The programs the hardware behind a callback holds, as a list
    or tuple; anything else, a raise or an overrun is a driver error (unaudited)."""


def hookspec_bpf_verifier_prep(dev: NetDevice, prog: Any) -> int:
    """Optional (device-bound programs, ``ndo_bpf``): see :mod:`offload.plugins._bpf` for
    it and ``bpf_verify``, ``bpf_translate``, ``bpf_destroy``."""


HOOKSPECS: dict[str, Callable[..., Any]] = {
    "ndo_setup_tc": hookspec_ndo_setup_tc,
    "ndo_set_features": hookspec_ndo_set_features,
    "ndo_uninit": hookspec_ndo_uninit,
    "offload_holdings": hookspec_offload_holdings,
    "bpf_verifier_prep": hookspec_bpf_verifier_prep,
}
REQUIRED_HOOKS = ("ndo_setup_tc",)


def validate_driver(obj: object, origin: str = "driver") -> None:
    """Check ``obj`` against the hook specs; raise :class:`DriverPluginError` naming the gap."""
    if not isinstance(getattr(obj, "name", None), str):
        raise DriverPluginError(f"{origin}: a driver needs a string attribute 'name'")
    for hook in REQUIRED_HOOKS:
        if not callable(getattr(obj, hook, None)):
            raise DriverPluginError(f"{origin}: missing required hook {hook}()")
    for hook, spec in HOOKSPECS.items():
        impl = getattr(obj, hook, None)
        if impl is None:
            continue
        if not callable(impl):
            raise DriverPluginError(f"{origin}: {hook} is not callable")
        want = len(inspect.signature(spec).parameters)
        try:
            params = inspect.signature(impl).parameters.values()
        except (TypeError, ValueError):
            continue
        if any(p.kind is p.VAR_POSITIONAL for p in params):
            continue
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        required = [p for p in positional if p.default is p.empty]
        if len(required) > want or len(positional) < want:
            raise DriverPluginError(
                f"{origin}: {hook}() takes {len(positional)} arguments, the spec has {want}"
            )


def __getattr__(name: str) -> Any:
    """``core.driver.metadata`` (``importlib.metadata``), imported on first use: it costs
    a fifth of the start-up of ``offload run``."""
    if name == "metadata":
        from importlib import metadata

        return metadata
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def discover_drivers() -> dict[str, metadata.EntryPoint]:
    """Driver factories registered under the ``offload.drivers`` entry-point group."""
    from importlib import metadata  # imported when asked (start-up time)

    return {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def load_driver_factory(name: str) -> Callable[..., Any]:
    """Load the factory registered as ``name``; clear errors for unknown or broken plugins."""
    eps = discover_drivers()
    if name not in eps:
        known = ", ".join(sorted(eps)) or "none"
        raise DriverPluginError(f"no driver plugin named {name!r} (installed: {known})")
    try:
        factory = eps[name].load()
    except Exception as exc:  # a plugin's import error is the plugin's, not ours
        raise DriverPluginError(
            f"driver plugin {name!r} ({eps[name].value}) failed to load: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if not callable(factory):
        raise DriverPluginError(f"driver plugin {name!r} ({eps[name].value}) is not callable")
    return factory


def flow_block_cb_is_busy(cb: FlowSetupCb, cb_ident: Any, driver_list: list[FlowBlockCb]) -> bool:
    """Mirrors ``flow_block_cb_is_busy()``."""
    return any(b.cb == cb and b.cb_ident is cb_ident for b in driver_list)


def flow_block_cb_setup_simple(
    bo: FlowBlockOffload,
    driver_list: list[FlowBlockCb],
    cb: FlowSetupCb,
    cb_ident: Any,
    cb_priv: Any,
    ingress_only: bool,
    owner: str = "?",
) -> int:
    """Mirrors ``flow_block_cb_setup_simple()`` (net/core/flow_offload.c).

    - ``ingress_only`` and a binder type other than CLSACT_INGRESS: ``-EOPNOTSUPP``.
    - BIND: ``-EBUSY`` if (cb, cb_ident) is already on ``driver_list``; otherwise a new
      :class:`FlowBlockCb` goes to the tail of ``bo.cb_list`` and of ``driver_list``.
    - UNBIND: ``-ENOENT`` if the callback is unknown; otherwise it moves to ``bo.cb_list``.
    """
    if ingress_only and bo.binder_type != FlowBlockBinderType.FLOW_BLOCK_BINDER_TYPE_CLSACT_INGRESS:
        return -EOPNOTSUPP
    if bo.command == FlowBlockCommand.FLOW_BLOCK_BIND:
        if flow_block_cb_is_busy(cb, cb_ident, driver_list):
            return -EBUSY
        block_cb = FlowBlockCb(cb=cb, cb_ident=cb_ident, cb_priv=cb_priv, owner=owner)
        block_cb.locked = not bo.unlocked_driver_cb
        block_cb.driver_list = driver_list
        bo.cb_list.append(block_cb)
        driver_list.append(block_cb)
        return 0
    if bo.command == FlowBlockCommand.FLOW_BLOCK_UNBIND:
        for block_cb in driver_list:
            if block_cb.cb == cb and block_cb.cb_ident is cb_ident and block_cb in bo.block.cb_list:
                driver_list.remove(block_cb)
                bo.cb_list.append(block_cb)
                return 0
        return -ENOENT
    return -EOPNOTSUPP


def set_extack(extack: Extack | None, module: str | None, msg: str) -> None:
    """``NL_SET_ERR_MSG``/``NL_SET_ERR_MSG_MOD`` on an extack that may be NULL."""
    if extack is None:
        return
    if module:
        extack.set_mod(module, msg)
    else:
        extack.set(msg)


def tc_can_offload_extack(dev: NetDevice, extack: Extack | None) -> bool:
    """Mirrors ``tc_can_offload_extack()``: HW_TC off sets a core (unprefixed) message."""
    if not dev.tc_can_offload():
        set_extack(extack, None, "TC offload is disabled on net device")
        return False
    return True


def tc_cls_can_offload_and_chain0(dev: NetDevice, common: Any) -> bool:
    """Mirrors ``tc_cls_can_offload_and_chain0()``."""
    if not tc_can_offload_extack(dev, common.extack):
        return False
    if common.chain_index:
        set_extack(common.extack, None, "Driver supports only offload of chain 0")
        return False
    return True
