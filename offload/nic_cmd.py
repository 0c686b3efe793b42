"""The ``nic`` script command: simulated cards beyond netdevsim's sysfs, and their truth.

Emulator-only (a real kernel has no such command; ``offload diff`` scripts should stick to
``/sys/bus/netdevsim``)::

    nic add ID [ports N] [profile NAME] [driver PLUGIN [opt KEY=VALUE]...]
                                          # a card on the netdevsim bus with that profile;
                                          # with driver, the plugin drives its ports
    nic del ID                            # same as: echo ID > /sys/bus/netdevsim/del_device
    nic show [DEV]                        # what the hardware really holds, per port
    nic set ID slots N | memory N         # shrink the card: "out of slots/memory" faults
    nic profiles                          # the built-in profiles

``nic show`` prints, for each port, the programs in its slots with their hardware counters:
the truth that ``audit`` compares with the kernel's bookkeeping.
"""

from __future__ import annotations

from typing import Any

from hwsim.nic import PROFILES
from offload.tc.result import Result

USAGE = ("Usage: nic add ID [ports N] [profile NAME] [driver PLUGIN [opt KEY=VALUE]...] |\n"
         "       nic del ID | nic show [DEV] |\n"
         "       nic set ID slots N | nic set ID memory N | nic profiles\n")


def nic_main(argv: list[str], emu: Any) -> Result:
    if not argv:
        return Result(1, "", USAGE)
    verb, args = argv[0], argv[1:]
    if verb == "add":
        return _add(args, emu)
    if verb in ("del", "delete") and len(args) == 1 and args[0].isdigit():
        try:
            emu.nsim.del_device(int(args[0]))
        except OSError as e:
            return Result(1, "", f"nic: del {args[0]}: {e.strerror}\n")
        emu.gc()
        return Result(0)
    if verb == "show":
        return _show(args, emu)
    if verb == "set":
        return _set(args, emu)
    if verb == "profiles":
        lines = [f"{p.name}: {p.slots_per_port} slot(s)/port"
                 + (", stats" if p.supports_stats else "")
                 + (", datapath" if p.datapath else ", no datapath")
                 + (", netdevsim-exact" if p.netdevsim_exact else "")
                 for p in PROFILES.values()]
        return Result(0, "\n".join(lines) + "\n")
    return Result(1, "", USAGE)


def _add(args: list[str], emu: Any) -> Result:
    if not args or not args[0].isdigit():
        return Result(1, "", USAGE)
    dev_id, ports, profile = int(args[0]), 1, None
    driver: str | None = None
    opts: list[str] = []
    rest = args[1:]
    while rest:
        if len(rest) < 2:
            return Result(1, "", USAGE)
        key, val, rest = rest[0], rest[1], rest[2:]
        if key == "ports" and val.isdigit() and 0 < int(val) <= 64:
            ports = int(val)
        elif key == "profile" and val in PROFILES:
            profile = val
        elif key == "profile":
            return Result(1, "", f"nic: unknown profile {val!r} (one of "
                          f"{', '.join(PROFILES)})\n")
        elif key == "driver":
            driver = val
        elif key == "opt" and driver is not None:
            opts.append(val)
        else:
            return Result(1, "", USAGE)
    from core.driver import DriverPluginError
    from offload.plugins import DriverSpec

    try:
        spec: Any = DriverSpec.of(driver, opts) if driver is not None else None
        if driver is not None and spec is None:
            spec = "simnic"
        drv = emu.add_nic(ports=ports, profile=profile, dev_id=dev_id, driver=spec)
    except OSError as e:
        return Result(1, "", f"nic: add {dev_id}: {e.strerror}\n")
    except DriverPluginError as e:
        return Result(1, "", f"nic: add {dev_id}: {e}\n")
    names = " ".join(p.netdev.name for p in drv.ports)
    plugin = getattr(drv, "plugin", None)
    what = drv.profile.name if plugin is None else f"driver {getattr(plugin, 'name', '?')}"
    return Result(0, f"netdevsim{dev_id}: {what}, ports {names}\n")


def _set(args: list[str], emu: Any) -> Result:
    """Change a card's capacity at run time; what it already holds stays loaded."""
    if len(args) != 3 or not args[0].isdigit() or args[1] not in ("slots", "memory") \
            or not args[2].isdigit():
        return Result(1, "", USAGE)
    try:
        hw = emu.nsim.driver(int(args[0])).hw
    except OSError as e:
        return Result(1, "", f"nic: set {args[0]}: {e.strerror}\n")
    if args[1] == "slots":
        hw.slots_per_port = int(args[2])
    else:
        hw.insn_memory = int(args[2])
    return Result(0)


def _show(args: list[str], emu: Any) -> Result:
    out = []
    for dev_id in emu.nsim.device_ids():
        drv = emu.nsim.driver(dev_id)
        for port in drv.ports:
            if args and port.netdev.name != args[0]:
                continue
            slots = port.hw.slots
            plugin = getattr(drv, "plugin", None)
            if plugin is not None:
                out += _show_plugin(emu, port.netdev.name, dev_id, port.index, plugin)
                continue
            head = f"{port.netdev.name} (netdevsim{dev_id} port {port.index}, {drv.profile.name})"
            if not slots:
                out.append(f"{head}: empty")
                continue
            out.append(f"{head}:")
            for i, s in enumerate(slots):
                p = s.prog
                label = f"id {getattr(p, 'id', 0)} {getattr(p, 'name', '') or '(classic)'}"
                out.append(f"  slot {i}: {s.kind} {label} pref {s.prio} packets {s.packets} "
                           f"bytes {s.bytes} drops {s.drops}")
    if args and not out:
        return Result(1, "", f'Cannot find device "{args[0]}"\n')
    return Result(0, "".join(x + "\n" for x in out))


def _show_plugin(emu: Any, name: str, dev_id: int, index: int, plugin: Any) -> list[str]:
    """A plugin port: what its ``offload_holdings`` says, for each callback on the port."""
    head = f"{name} (netdevsim{dev_id} port {index}, driver {getattr(plugin, 'name', '?')})"
    held: list[Any] | None = None
    for block in emu.blocks():
        for cb in block.cb_list:
            if str(cb.owner).rpartition(":")[2] != name:
                continue
            got = emu.net.boundary.holdings(cb)
            if got is not None:
                held = [*(held or []), *(p for p in got if not any(p is q for q in held or []))]
    if held is None:
        return [f"{head}: holdings unknown (no bound callback with offload_holdings)"]
    if not held:
        return [f"{head}: empty"]
    return [f"{head}:", *(f"  holds id {getattr(p, 'id', 0)} "
                          f"{getattr(p, 'name', '') or '(classic)'}" for p in held)]
