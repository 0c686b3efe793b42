"""The netdevsim bus: ``/sys/bus/netdevsim/{new_device,del_device}`` and the debugfs tree.

Mirrors drivers/net/netdevsim/bus.c (``new_device_store``/``del_device_store``) and the
debugfs layout of dev.c/bpf.c, on top of the simulated NIC driver. Ports are named like a
kernel without udev names them: the lowest free ``ethN``, so scripts match the VM.
"""

from __future__ import annotations

import errno
import re
from typing import Any

from core.errors import TcError
from core.events import EventLog
from core.net import Net
from drivers.simnic.driver import SimNicDriver, make_driver
from drivers.simnic.knobs import KnobError
from hwsim.faults import FaultPlan
from hwsim.nic import NicProfile


class NetdevsimBus:
    """The simulated cards of one emulator, by netdevsim device id."""

    def __init__(self, net: Net, log: EventLog, profile: str | NicProfile = "netdevsim",
                 on_remove: Any = None, faults: FaultPlan | None = None) -> None:
        self.net = net
        self.log = log
        self.profile = profile
        #: The plan every card consults unless given its own (the emulator's ``faults``).
        self.faults = faults
        self.devices: dict[int, SimNicDriver] = {}
        self.on_remove = on_remove  # called with the driver before its ports go
        #: ``port_driver(dev_id, requested) -> plugin or None`` (set by the emulator)
        self.port_driver: Any = None

    # -- bus files ---------------------------------------------------------------------

    def parse_new_device(self, text: str) -> tuple[int, int]:
        """``new_device_store()``: "ID [PORT_COUNT [NUM_QUEUES]]", else EINVAL."""
        parts = text.split()
        if not 1 <= len(parts) <= 3 or not all(re.fullmatch(r"\d+", p) for p in parts):
            raise OSError(errno.EINVAL, "Invalid argument")
        dev_id = int(parts[0])
        ports = int(parts[1]) if len(parts) > 1 else 1
        if dev_id > 0xFFFFFFFF or ports > 0xFFFFFFFF:
            raise OSError(errno.EINVAL, "Invalid argument")
        return dev_id, ports

    def new_device(self, dev_id: int, port_count: int = 1,
                   profile: str | NicProfile | None = None,
                   faults: FaultPlan | None = None, driver: Any = None) -> SimNicDriver:
        """``nsim_bus_dev_new()`` + ``nsim_drv_probe()``: a card with its ports. With a
        :attr:`port_driver` hook, ``port_driver(dev_id, driver)`` may return a driver plugin
        that answers for the card's ports instead of the simulated NIC (the netdevsim files
        stay; ``driver`` is what ``nic add ... driver NAME`` asked for)."""
        if dev_id in self.devices:  # ida_alloc_range(id, id) of a taken id: -ENOSPC
            raise OSError(errno.ENOSPC, "No space left on device")
        if port_count > 64:
            raise OSError(errno.ENOSPC, "No space left on device")
        drv = make_driver(profile or self.profile, dev_id, self.log,
                          faults if faults is not None else self.faults)
        drv.net = self.net  # the kernel it runs on: its profile and its devices
        plugin = None
        if self.port_driver is not None:  # before any port exists: a failure leaves nothing
            plugin = self.port_driver(dev_id, driver)
            drv.plugin = plugin
        for _ in range(port_count):
            netdev = self.net.add_device(self._free_name(),
                                         driver=drv if plugin is None else plugin)
            netdev.mac = f"02:00:00:{dev_id & 0xFF:02x}:{len(drv.ports) >> 8 & 0xFF:02x}:" \
                         f"{len(drv.ports) & 0xFF:02x}"
            drv.attach_port(netdev)
        self.devices[dev_id] = drv
        return drv

    def del_device(self, dev_id: int) -> None:
        """``nsim_bus_dev_del()``: ports are unregistered (their qdiscs and blocks go, with
        the unbind replay), then the card and its bound-program state."""
        drv = self.devices.get(dev_id)
        if drv is None:
            raise OSError(errno.ENOENT, "No such file or directory")
        if self.on_remove is not None:
            self.on_remove(drv)
        for port in list(drv.ports):
            net = port.netdev.net or self.net  # the namespace the port lives in now
            if net.devices.get(port.netdev.name) is port.netdev:
                net.unregister_device(port.netdev.name)
        for port in drv.ports:
            port.hw.slots.clear()
        del self.devices[dev_id]

    def _free_name(self) -> str:
        n = 0
        while f"eth{n}" in self.net.devices:
            n += 1
        return f"eth{n}"

    # -- what the VFS shows ------------------------------------------------------------

    def device_ids(self) -> list[int]:
        return sorted(self.devices)

    def driver(self, dev_id: int) -> SimNicDriver:
        drv = self.devices.get(dev_id)
        if drv is None:
            raise OSError(errno.ENOENT, "No such file or directory")
        return drv

    def port_names(self, dev_id: int) -> list[str]:
        return [p.netdev.name for p in self.driver(dev_id).ports]

    def _knobs(self, dev_id: int, port: int | None) -> dict[str, Any]:
        drv = self.driver(dev_id)
        if port is None:
            return drv.knobs
        if not 0 <= port < len(drv.ports):
            raise OSError(errno.ENOENT, "No such file or directory")
        return drv.ports[port].knobs

    def knob_names(self, dev_id: int, port: int | None) -> list[str]:
        return sorted(self._knobs(dev_id, port))

    def read_knob(self, dev_id: int, port: int | None, name: str) -> str:
        knobs = self._knobs(dev_id, port)
        if name not in knobs:
            raise OSError(errno.ENOENT, "No such file or directory")
        return knobs[name].read()

    def write_knob(self, dev_id: int, port: int | None, name: str, text: str) -> None:
        knobs = self._knobs(dev_id, port)
        if name not in knobs:
            raise OSError(errno.ENOENT, "No such file or directory")
        try:
            knobs[name].write(text)
        except KnobError:
            raise
        except TcError as e:  # pragma: no cover - defensive
            raise OSError(e.errno, str(e)) from None

    def bound_progs(self, dev_id: int) -> list[tuple[int, int, str, bool]]:
        """``bpf_bound_progs/<seq>/{id,state,loaded}`` of a device."""
        return [(b.seq, int(getattr(b.prog, "id", 0)), b.state, b.is_loaded)
                for b in self.driver(dev_id).bound]

    def driver_for_ifindex(self, ifindex: int) -> SimNicDriver | None:
        return next((d for d in self.devices.values() if d.owns(ifindex)), None)
