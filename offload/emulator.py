"""The emulator façade: one network namespace, its simulated NICs, programs and packets.

This is the object users (the Python API, the script runner, the pytest plugin, the
explorer) talk to. It wires the kernel model (:mod:`core`), the simulated NIC driver and
netdevsim bus (:mod:`drivers.simnic`) and the BPF loader/engine (:mod:`hwsim.bpf`)
together, and owns what the kernel owns around them: program lifetimes (a program lives
while a filter, a pin or an XDP attachment references it), pinning, and device-bound
loading through the driver's verifier hooks (``bpf_prog_offload_init`` →
``ndo_bpf(BPF_OFFLOAD_VERIFIER_PREP)``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from core.actions import (
    ACTION_N2A,
    TC_ACT_OK,
    TC_ACT_REDIRECT,
    TC_ACT_SHOT,
    TC_ACT_STOLEN,
    TC_ACT_TRAP,
    TC_ACT_UNSPEC,
)
from core.block import Block
from core.boundary import Boundary
from core.cls_bpf import ClsBpfFilter, cls_bpf_exec_opcode, to_s32
from core.driver import DriverPluginError
from core.errors import Extack, TcError
from core.events import EventLog
from core.net import Net
from core.netdev import NetDevice
from core.profile import Profile, get_profile
from core.prog import bpf_offload_dev_match
from core.skb import ETH_P_ALL, SkBuff
from drivers.simnic.bus import NetdevsimBus
from drivers.simnic.driver import SimNicDriver, SimPort
from hwsim.bpf import BpfLoadError, BpfRuntimeError, ProgramTable, read_object, verifier_log
from hwsim.bpf import insn as I
from hwsim.bpf.libbpf_log import line_info, open_debug_lines
from hwsim.faults import FaultPlan
from hwsim.nic import NicProfile
from offload.plugins import DriverSpec, PluginBpf, has_bpf_hooks, no_ndo_bpf_message

BPFFS = "/sys/fs/bpf"
BPF_PROG_TYPE_XDP = 6


class _NoNdoBpf(Exception):
    def __init__(self, dev: str, driver: str) -> None:
        super().__init__(dev, driver)
        self.dev, self.driver = dev, driver


#: ``add_nic(driver="simnic")``: the simulated NIC even when the emulator has a plugin.
_SIMNIC = object()


class LoadError(Exception):
    """A program could not be loaded; ``stderr_lines`` is what tc/bpftool print."""

    def __init__(self, stderr_lines: list[str], rc: int = 1, err: int = errno.EINVAL) -> None:
        super().__init__("\n".join(stderr_lines))
        self.stderr_lines = stderr_lines
        self.rc = rc
        self.errno = err


def libbpf_load_failure(name: str, path: str, err: int, log: list[str] | None) -> list[str]:
    """The lines iproute2 6.1 (through libbpf) prints when the kernel refuses a program;
    the log section only when the kernel wrote a log (not for a refusal before the
    verifier ran, such as an unknown offload device)."""
    logged = [f"libbpf: prog '{name}': -- BEGIN PROG LOAD LOG --", *log,
              "-- END PROG LOAD LOG --"] if log is not None else []
    return [
        f"libbpf: prog '{name}': BPF program load failed: {os.strerror(err)}",
        *logged,
        f"libbpf: prog '{name}': failed to load: -{err}",
        f"libbpf: failed to load object '{path}'",
        "Unable to load program",
    ]


def processed_line(n: int) -> str:
    return (f"processed {n} insns (limit 1000000) max_states_per_insn 0 total_states 0 "
            "peak_states 0 mark_read 0")


def hook_failure_log(path: str, func: str, prog: Any, hook_log: list[str],
                     err: int, style: str = "6.1") -> list[str]:
    """The kernel's log when the offload driver's ``verify_insn`` hook refuses the last
    instruction: libbpf retries the load with ``log_level`` 1, so it is the 6.1 verifier's
    level-1 walk (hwsim.bpf.verifier_log) up to the first time the last instruction is
    reached, the driver's lines there, and the ``processed`` line. Programs that walk
    cannot print exactly keep the approximate log: driver lines and the program length.
    ``style`` is the profile's ``verifier_log`` (6.1 or 6.12 format)."""
    try:
        linfo = line_info(path, prog.section, func, prog.insn_cnt, located=style == "6.12")
    except (OSError, ValueError):
        linfo = []
    last = prog.insn_cnt - 1
    walk = verifier_log.trace(
        prog.insns, linfo, lambda idx: (hook_log, err) if idx == last else ([], 0), style)
    if walk is None:
        return [*hook_log, processed_line(prog.insn_cnt)]
    return [*walk.lines, walk.processed_line()]


@attrs.frozen
class SendResult:
    """Where a packet went: hardware verdict (if the NIC ran programs), software verdict,
    final fate and which filter decided."""

    dev: str
    length: int
    hw_verdict: str | None
    hw_prog: str | None
    sw_verdict: str | None
    sw_filter: str | None
    classid: int
    final: str
    decided_by: str
    note: str = ""

    def __str__(self) -> str:
        parts = [f"{self.dev}: {self.length} bytes"]
        if self.hw_verdict is not None:
            who = f" ({self.hw_prog})" if self.hw_prog else ""
            parts.append(f"hw {self.hw_verdict}{who}")
        if self.sw_verdict is not None:
            who = f" ({self.sw_filter})" if self.sw_filter else ""
            parts.append(f"sw {self.sw_verdict}{who}")
        if self.classid:
            parts.append(f"classid {self.classid >> 16:x}:{self.classid & 0xFFFF:x}")
        parts.append(f"=> {self.final} by {self.decided_by}")
        if self.note:
            parts.append(f"[{self.note}]")
        return " ".join(parts)


def verdict_name(v: int) -> str:
    return ACTION_N2A.get(v, str(v)) if v != TC_ACT_UNSPEC else "no match"


class Emulator:
    """A fresh emulated machine: ``lo``, a netdevsim bus, no qdiscs, no programs."""

    def __init__(self, profile: str | Profile = "v6.1",
                 nic_profile: str | NicProfile = "netdevsim",
                 driver: str | DriverSpec | None = None,
                 driver_opts: Mapping[str, Any] | None = None,
                 driver_timeout: float | str | None = "default") -> None:
        """``driver``: a driver plugin (``offload.drivers`` entry-point name, or
        ``module:factory``) answering for the ports of every card the netdevsim bus
        creates (``None``/``"simnic"``: the simulated NIC); ``driver_opts`` go to its
        factory. ``driver_timeout``: the driver watchdog in seconds (``None``: no limit;
        default ``OFFLOAD_DRIVER_TIMEOUT`` or 5 s, see :mod:`core.boundary`). A plugin that
        cannot be loaded raises :class:`core.driver.DriverPluginError` here."""
        self.profile = get_profile(profile) if isinstance(profile, str) else profile
        self.log = EventLog()
        boundary = Boundary() if driver_timeout == "default" else Boundary(
            timeout=float(driver_timeout) if driver_timeout else None)
        #: init_net; ``net`` is the namespace of the command being run (init_net unless
        #: inside :meth:`in_netns`), so everything that acts "in the caller's namespace"
        #: (device names, new_device's ports, ifindexes) uses it.
        self.init_net = Net(self.profile, self.log, boundary=boundary)
        self.net = self.init_net
        #: Named namespaces (``ip netns add``): name -> Net.
        self.namespaces: dict[str, Net] = {}
        self.faults = FaultPlan()
        self.nsim = NetdevsimBus(self.net, self.log, nic_profile, on_remove=self._on_card_remove,
                                 faults=self.faults)
        self.nsim.port_driver = self._port_driver
        self.driver = DriverSpec.of(driver, driver_opts)
        self._factories: dict[str, Any] = {}
        if self.driver is not None:
            self._factory(self.driver)  # fail now, not at the first card
        #: device-bound programs of plugin ports: id(prog) -> (driver adapter, prog)
        self._plugin_bound: dict[int, tuple[PluginBpf, Any]] = {}
        self.table = ProgramTable()
        self.pinned: dict[str, Any] = {}
        self.bpffs_dirs: set[str] = set()
        self.xdp: dict[str, Any] = {}
        #: generic XDP (``do_xdp_generic``) programs by device name
        self.xdp_generic_progs: dict[str, Any] = {}

    # -- namespaces ----------------------------------------------------------------------

    def nets(self) -> list[Net]:
        """Every namespace: init_net first, then the named ones in creation order."""
        return [self.init_net, *self.namespaces.values()]

    def get_netns(self, name: str | None) -> Net:
        """The namespace called ``name`` (``None``: init_net); KeyError when there is none."""
        return self.init_net if name is None else self.namespaces[name]

    def netns_name(self, net: Net) -> str | None:
        return next((n for n, x in self.namespaces.items() if x is net), None)

    @contextlib.contextmanager
    def in_netns(self, name: str | None) -> Iterator[Net]:
        """Run the body as a task in namespace ``name`` (setns): ``self.net`` and the
        netdevsim bus's namespace (where ``new_device`` puts ports) point there."""
        net = self.get_netns(name)
        saved = self.net
        self.net = self.nsim.net = net
        try:
            yield net
        finally:
            self.net = self.nsim.net = saved

    def netns_add(self, name: str) -> Net:
        """``ip netns add``: a fresh namespace with its own ``lo``; FileExistsError if the
        name is taken."""
        if name in self.namespaces:
            raise FileExistsError(name)
        inum = max(n.inum for n in self.nets()) + 1  # ns_alloc_inum: a fresh number
        net = Net(self.profile, self.log, inum=inum, boundary=self.init_net.boundary)
        net.devices["lo"].up = False  # a new namespace's lo starts down
        self.namespaces[name] = net
        return net

    def netns_del(self, name: str) -> list[Any]:
        """``ip netns del``: the last reference goes, so ``cleanup_net`` runs:
        ``default_device_exit_batch`` deletes devices with a ``dellink`` (veth, dummy) and
        moves the others (netdevsim ports) back to init_net, renamed ``dev%d`` if their
        name is taken there. Returns the moved devices."""
        net = self.namespaces.pop(name)  # KeyError: not there
        moved = []
        for dev in sorted(net.devices.values(), key=lambda d: d.ifindex):
            if dev.name not in net.devices or dev.kind == "loopback":
                continue
            if dev.kind in ("veth", "dummy"):
                net.unregister_device(dev.name)
            else:
                moved.append(net.change_net_namespace(dev.name, self.init_net, "dev%d"))
        self.gc()
        return moved

    def move_device(self, name: str, target: Net) -> Any:
        """``ip link set DEV netns NS`` from the current namespace."""
        dev = self.net.change_net_namespace(name, target)
        self.gc()
        return dev

    # -- driver plugins ------------------------------------------------------------------

    def _factory(self, spec: DriverSpec) -> Any:
        if spec.name not in self._factories:
            self._factories[spec.name] = spec.factory()
        return self._factories[spec.name]

    def _port_driver(self, dev_id: int, requested: Any) -> Any:
        """The bus's ``port_driver`` hook: the plugin instance for a new card, or None.
        The plugin is wrapped by the bus-level fault shim at once, so fault rules
        (``fault`` lines, the ``offload_faults`` fixture) reach its ports like the
        simulated NIC's."""
        if requested is _SIMNIC:
            return None
        spec = self.driver if requested is None else DriverSpec.of(requested)
        if spec is None:
            return None
        try:
            drv = spec.make(self._factory(spec))
        except DriverPluginError as exc:  # the card is not created: the write fails
            raise OSError(errno.EINVAL, f"Invalid argument ({exc})") from exc
        from offload.fault_cmd import shim_of

        shim_of(self, install=False).wrap_driver(drv)
        return drv

    def plugin_of(self, dev_name: str) -> Any:
        """The driver plugin answering for ``dev_name``, or None (simulated NIC, veth...)."""
        dev = self.net.devices.get(dev_name)
        if dev is None or dev.driver is None or isinstance(dev.driver, SimNicDriver):
            return None
        return dev.driver if isinstance(dev.priv, SimPort) else None

    # -- devices -------------------------------------------------------------------------

    def add_veth(self, name: str, peer: str) -> None:
        """``ip link add NAME type veth peer name PEER``: two devices without ndo_setup_tc."""
        if name in self.net.devices or peer in self.net.devices or name == peer:
            raise TcError(-errno.EEXIST)
        b = self.net.add_device(peer, kind="veth")  # veth_newlink registers the peer first
        a = self.net.add_device(name, kind="veth")
        a.peer, b.peer = b, a

    def add_dummy(self, name: str) -> None:
        """``ip link add NAME type dummy``: a device without ndo_setup_tc (drivers/net/dummy.c
        has none), deleted with its namespace."""
        if name in self.net.devices:
            raise TcError(-errno.EEXIST)
        self.net.add_device(name, kind="dummy")

    def set_link(self, name: str, up: bool) -> None:
        self.net.dev(name).up = up

    def del_link(self, name: str) -> None:
        dev = self.net.dev(name)
        if isinstance(dev.priv, SimPort):
            raise TcError(-errno.EOPNOTSUPP)
        self.net.unregister_device(name)
        self.gc()

    def add_nic(self, ports: int = 1, profile: str | NicProfile | None = None,
                dev_id: int | None = None, driver: str | DriverSpec | None = None,
                driver_opts: Mapping[str, Any] | None = None) -> SimNicDriver:
        """A card on the netdevsim bus (``profile`` overrides the default NIC profile).
        ``driver``: a driver plugin for its ports (default: the emulator's ``driver``;
        ``"simnic"``: the simulated NIC even when the emulator has a plugin). The card is
        returned; with a plugin, ``card.plugin`` is the plugin's instance."""
        if dev_id is None:
            dev_id = max(self.nsim.devices, default=0) + 1
        requested: Any = None
        if driver is not None:
            requested = DriverSpec.of(driver, driver_opts) or _SIMNIC
        return self.nsim.new_device(dev_id, ports, profile=profile, driver=requested)

    def port(self, name: str) -> SimPort:
        dev = self.net.dev(name)
        if not isinstance(dev.priv, SimPort):
            raise TcError(-errno.EOPNOTSUPP, f"{name} is not a simulated NIC port")
        return dev.priv

    def _on_card_remove(self, drv: SimNicDriver) -> None:
        for prog in self.table.programs.values():  # bpf_offload_dev_netdev_unregister
            if prog.offload_ifindex is not None and drv.owns(prog.offload_ifindex):
                prog.offload_dead = True
        for port in drv.ports:
            self.xdp.pop(port.netdev.name, None)
            self.xdp_generic_progs.pop(port.netdev.name, None)

    # -- programs ------------------------------------------------------------------------

    @property
    def programs(self) -> list[Any]:
        return list(self.table.programs.values())

    def prog_by_id(self, prog_id: int) -> Any:
        return self.table.programs.get(prog_id)

    def _offload_driver(self, offload_dev: str) -> tuple[NetDevice, Any] | None:
        """``bpf_prog_offload_init()``: the device must exist and be registered as a BPF
        offload device (a simulated NIC port, or a plugin port whose driver has the BPF
        offload hooks of :mod:`offload.plugins._bpf`); otherwise the load is -EINVAL. A
        plugin without the hooks is a driver without ``ndo_bpf``: ``-EOPNOTSUPP``
        (``bpf_dev_offload_check``), raised here as a :class:`LoadError`."""
        dev = self.net.devices.get(offload_dev)
        if dev is None:
            return None
        if isinstance(dev.driver, SimNicDriver):
            return dev, dev.driver
        plugin = self.plugin_of(offload_dev)
        if plugin is None:
            return None
        if not has_bpf_hooks(plugin):
            raise _NoNdoBpf(dev.name, str(getattr(plugin, "name", "?")))
        return dev, PluginBpf(plugin, dev, self.net.boundary)

    def load_obj(self, path: str, section: str | None = None, offload_dev: str | None = None,
                 verbose: bool = False, shown_path: str | None = None,
                 log: list[str] | None = None, prog_type: int = 3) -> Any:
        """tc's ``obj FILE [sec NAME]``. iproute2 loads it device-bound when the filter is
        skip_sw: ``offload_dev`` is then the device's name, or ``""`` for a filter on a
        shared block (iproute2 passes the block magic as ifindex, which no device has)."""
        shown = shown_path or path
        if not os.path.exists(path):
            raise LoadError(["Cannot initialize ELF context!", "Unable to load program"],
                            err=errno.ENOENT)
        try:
            obj = read_object(path)
        except BpfLoadError as e:
            raise LoadError([str(e), "Unable to load program"], err=e.errno) from None
        except (OSError, ValueError) as e:
            raise LoadError([f"{shown}: {e}", "Unable to load program"]) from None
        try:
            name = obj.program(section).name
        except BpfLoadError as e:
            # iproute2's load_bpf_object() (lib/bpf_libbpf.c): bpf_object__open() logged its
            # debug lines (verbose) and found no program in the asked-for section
            prelude = [f"libbpf: {line}" for line in open_debug_lines(path, shown)] \
                if verbose else []
            raise LoadError([*prelude, f"object file doesn't contain sec "
                             f"{section or 'classifier'}", "Unable to load program"],
                            err=e.errno) from None
        except (OSError, ValueError) as e:
            raise LoadError([f"{shown}: {e}", "Unable to load program"]) from None
        dev = drv = None
        if offload_dev is not None:
            try:
                found = self._offload_driver(offload_dev)
            except _NoNdoBpf as e:
                lines = libbpf_load_failure(name, shown, errno.EOPNOTSUPP, None)
                raise LoadError([*lines[:-1], no_ndo_bpf_message(e.dev, e.driver), lines[-1]],
                                err=errno.EOPNOTSUPP) from None
            if found is None:
                prelude = [f"libbpf: {line}" for line in open_debug_lines(path, shown)] \
                    if verbose else []
                raise LoadError([*prelude, *libbpf_load_failure(name, shown, errno.EINVAL,
                                                                 None)], err=errno.EINVAL)
            dev, drv = found
        next_id = self.table.next_id
        try:
            prog = self.table.load_object(
                obj, section, offload_ifindex=dev.ifindex if dev else None,
                log_level=2 if verbose else 0,
            )
        except BpfLoadError as e:
            # the kernel's verifier refused it: libbpf frames the log it asked for on retry
            # (bpf_object_load_prog(): "BPF program load failed", BEGIN/END PROG LOAD LOG)
            body = self._refusal_log(obj, section, path, e)
            prelude = [f"libbpf: {line}" for line in open_debug_lines(path, shown)] \
                if verbose else []
            raise LoadError([*prelude, *libbpf_load_failure(name, shown, e.errno, body)],
                            err=e.errno) from None
        if prog_type != prog.prog_type:
            # the engine verifies XDP programs with the sched_cls rules (it knows no other
            # context); the program is still an XDP program to everything that looks
            prog.prog_type = prog_type
        if drv is None:
            self._verbose_success(path, shown, verbose, log)
            return prog
        err = drv.verifier_prep(prog)
        vlog: list[str] = []
        if not err:
            err, hook_log = drv.verify(prog, prog.insn_cnt)
            if err:
                vlog = hook_failure_log(path, obj.program(section).func, prog, hook_log, err,
                                        self.net.profile.verifier_log)
        else:
            vlog.append(processed_line(0))
        if not err and isinstance(drv, PluginBpf):
            err = drv.translate(prog)
            if err:
                vlog = [processed_line(prog.insn_cnt)]
        if err:
            drv.destroy_prog(prog)
            self._forget(prog, next_id)
            prelude = []
            if verbose:  # bpf_object__open()'s debug lines through iproute2's print callback
                prelude = [f"libbpf: {line}" for line in open_debug_lines(path, shown)]
            notes = drv.errors if isinstance(drv, PluginBpf) else []
            lines = libbpf_load_failure(prog.name, shown, -err, vlog)
            raise LoadError([*prelude, *lines[:-1], *notes, lines[-1]], err=-err)
        if isinstance(drv, PluginBpf):
            self._plugin_bound[id(prog)] = (drv, prog)
        else:
            drv.translate(prog)
        for m in getattr(prog, "maps", {}).values():  # libbpf binds the object's maps too
            m.offload_ifindex = dev.ifindex
        self._verbose_success(path, shown, verbose, log)
        return prog

    def _refusal_log(self, obj: Any, section: str | None, path: str, e: Any) -> list[str]:
        """The log libbpf gets on its ``log_level`` 1 retry of a load the host verifier
        refused: the verifier's walk (hwsim.bpf.verifier_log, in the profile's format) up
        to the refused instruction, the verifier's message there, and the ``processed``
        line. Programs the walk cannot print exactly keep the engine's own lines."""
        fallback = e.log.rstrip("\n").split("\n") if e.log else [str(e)]
        try:
            spec = obj.program(section)
            insns = I.decode(spec.insns)
        except (BpfLoadError, ValueError):
            return fallback
        try:  # where it stopped: the engine's own level-2 log names the instruction
            self.table.load_object(obj, section, log_level=2)
        except BpfLoadError as e2:
            at = [int(m.group(1)) for m in re.finditer(r"^(\d+): \(", e2.log or "", re.M)]
        else:
            return fallback
        if not at:
            return fallback
        idx, msg = at[-1], str(e).split("\n")
        style = self.net.profile.verifier_log
        try:
            linfo = line_info(path, spec.section, spec.func, len(insns),
                              located=style == "6.12")
        except (OSError, ValueError):
            linfo = []
        walk = verifier_log.trace(insns, linfo,
                                  lambda i: (msg, -e.errno) if i == idx else ([], 0), style)
        if walk is None:
            return fallback
        return [*walk.lines, walk.processed_line()]

    @staticmethod
    def _verbose_success(path: str, shown: str, verbose: bool, log: list[str] | None) -> None:
        """A successful ``verbose`` load: iproute2's libbpf print callback has shown
        ``bpf_object__open()``'s debug lines (the program load itself logs nothing)."""
        if verbose and log is not None:
            log.extend(f"libbpf: {line}" for line in open_debug_lines(path, shown))

    def _forget(self, prog: Any, next_id: int) -> None:
        """A load that failed after the engine took it: the kernel never allocated an id."""
        self.table.unload(prog.id)
        if self.table.next_id == prog.id + 1:
            self.table.next_id = next_id

    def load_bytecode(self, text: str) -> Any:
        try:
            return self.table.load_bytecode(text)
        except BpfLoadError as e:
            raise LoadError([str(e)], err=e.errno) from None

    def load_bytecode_file(self, path: str) -> Any:
        try:
            return self.table.load_bytecode_file(path)
        except BpfLoadError as e:
            raise LoadError([str(e)], err=e.errno) from None
        except OSError as e:
            raise LoadError([f"{path}: {e.strerror}"], err=e.errno or errno.EIO) from None

    def pin(self, path: str, prog: Any) -> None:
        """``BPF_OBJ_PIN`` (``bpf_obj_pin_user``): only under the bpffs mount, into an
        existing folder; an existing name is EEXIST."""
        path = posixpath.normpath(path) if path.startswith("/") else path
        if not path.startswith(BPFFS + "/"):
            raise LoadError([f"Error: can't pin the object ({path}): not on bpffs"],
                            err=errno.EPERM)
        if path in self.pinned or path in self.bpffs_dirs:
            raise LoadError([f"Error: can't pin the object ({path}): File exists"],
                            err=errno.EEXIST)
        if not self.bpffs_parent_exists(path):
            raise LoadError([self.bpffs_mount_error(path)], rc=255, err=errno.ENOENT)
        self.pinned[path] = prog

    def bpffs_parent_exists(self, path: str) -> bool:
        parent = posixpath.dirname(posixpath.normpath(path))
        return parent == BPFFS or parent in self.bpffs_dirs

    @staticmethod
    def bpffs_mount_error(path: str) -> str:
        """bpftool's ``mount_bpffs_for_pin`` when the pin's folder does not exist: it is
        not bpffs, so bpftool tries to mount one there (recorded: conformance c41)."""
        parent = posixpath.dirname(posixpath.normpath(path))
        return (f"Error: can't mount BPF file system to pin the object ({path}): mount "
                f"--make-private {parent} failed: No such file or directory")

    def bpffs_mkdir(self, path: str) -> None:
        """``bpf_mkdir``: the caller (:meth:`offload.vfs.Vfs.mkdir`) checked the parent."""
        self.bpffs_dirs.add(path)

    def bpffs_rmdir(self, path: str) -> None:
        self.bpffs_dirs.discard(path)

    def get_pinned(self, path: str) -> Any:
        prog = self.pinned.get(path)
        if prog is None:
            raise LoadError([f"Error: bpf obj get ({path}): No such file or directory"],
                            err=errno.ENOENT)
        return prog

    def unpin(self, path: str) -> None:
        self.pinned.pop(path, None)
        self.gc()

    XDP_MODES = ("skb", "drv", "hw")

    def xdp_progs(self, dev_name: str) -> dict[str, Any]:
        """The programs attached to a device by mode (``dev_xdp_prog``)."""
        dev = self.net.devices.get(dev_name)
        port = dev.priv if dev is not None and isinstance(dev.priv, SimPort) else None
        return {"skb": self.xdp_generic_progs.get(dev_name),
                "drv": port.xdp_drv_prog if port is not None else None,
                "hw": self.xdp.get(dev_name)}

    @staticmethod
    def _has_ndo_bpf(dev: NetDevice) -> bool:
        return isinstance(dev.driver, SimNicDriver)

    def xdp_attach(self, dev_name: str, mode: str | None, prog: Any, force: bool) -> None:
        """Mirrors ``dev_change_xdp_fd``/``dev_xdp_attach`` for ``ip link set DEV
        xdp[generic|drv|offload] ...`` (``mode`` skb/drv/hw, None without a mode flag;
        ``force`` is ip's ``-force``, i.e. no XDP_FLAGS_UPDATE_IF_NOEXIST; ``prog`` None
        detaches), then ``dev_xdp_install``'s checks and the driver's ndo_bpf."""
        dev = self.net.dev(dev_name)
        if prog is not None and (hasattr(prog, "map_type")
                                 or getattr(prog, "prog_type", None) != BPF_PROG_TYPE_XDP):
            self.gc()  # dev_xdp_attach_fd: bpf_prog_get_type_dev(fd, BPF_PROG_TYPE_XDP)
            raise TcError(-errno.EINVAL)
        progs = self.xdp_progs(dev_name)
        if mode is None and sum(1 for x in progs.values() if x is not None) > 1:
            raise TcError(-errno.EINVAL, "More than one program loaded, unset mode is "
                          "ambiguous")
        if mode is None:  # dev_xdp_mode: native when the driver has ndo_bpf
            mode = "drv" if self._has_ndo_bpf(dev) else "skb"
        cur = progs[mode]
        if prog is not None and not force and cur is not None:
            self.gc()
            raise TcError(-errno.EBUSY, "XDP program already attached")
        if prog is cur:
            return
        if mode != "skb" and not self._has_ndo_bpf(dev):
            self.gc()
            raise TcError(-errno.EOPNOTSUPP, "Underlying driver does not support XDP in native "
                          "mode")
        if prog is not None and mode != "hw":  # dev_xdp_install
            if progs["drv" if mode == "skb" else "skb"] is not None:
                self.gc()
                raise TcError(-errno.EEXIST, "Native and generic XDP can't be active at the "
                              "same time")
            if getattr(prog, "offload_ifindex", None) is not None:
                self.gc()
                raise TcError(-errno.EINVAL, "Using device-bound program without HW_MODE flag "
                              "is not supported")
        if mode == "hw":
            self.xdp_offload(dev_name, prog)
            return
        if mode == "drv":
            extack = Extack()
            ret = dev.driver.xdp_drv(dev, prog, extack)
            if ret:
                self.gc()
                raise TcError(ret, extack.msg)
            self.gc()
            return
        self.xdp_generic(dev_name, prog, force=True)

    def set_mtu(self, dev_name: str, mtu: int) -> None:
        """``dev_set_mtu``: the driver's ``ndo_change_mtu`` may refuse (netdevsim: EBUSY
        with a driver XDP program above 4000)."""
        dev = self.net.dev(dev_name)
        if mtu < 68 or mtu > (65535 if dev.kind != "loopback" else 1 << 30):
            raise TcError(-errno.EINVAL, "mtu less than device minimum" if mtu < 68 else
                          "mtu greater than device maximum")
        hook = getattr(dev.driver, "ndo_change_mtu", None)
        if callable(hook):
            ret = hook(dev, mtu)
            if ret:
                raise TcError(ret)
            return
        dev.mtu = mtu

    def xdp_generic(self, dev_name: str, prog: Any, force: bool = False) -> None:
        """``dev_xdp_attach`` in XDP_FLAGS_SKB_MODE: any device; an attached program is
        only replaced with ``force`` (else EBUSY "XDP program already attached."); ``None``
        detaches. The program becomes an XDP program (BPF_PROG_TYPE_XDP)."""
        self.net.dev(dev_name)
        if prog is not None:
            if dev_name in self.xdp_generic_progs and not force:
                self.gc()
                raise TcError(-errno.EBUSY, "XDP program already attached")
            self.xdp_generic_progs[dev_name] = prog
        else:
            self.xdp_generic_progs.pop(dev_name, None)
        self.gc()

    def xdp_offload(self, dev_name: str, prog: Any) -> None:
        """``ip link set DEV xdpoffload ...`` (netdevsim's shared slot)."""
        dev = self.net.dev(dev_name)
        drv = dev.driver
        if not isinstance(drv, SimNicDriver):
            raise TcError(-errno.EOPNOTSUPP)
        extack = Extack()
        if (prog is not None and getattr(prog, "offload_ifindex", None) is not None
                and not bpf_offload_dev_match(self.net, prog, dev)):
            # dev_xdp_attach() on 6.12; netdevsim's nsim_setup_prog_hw_checks() on 6.1
            if self.net.profile.xdp_dev_match_in_core:
                raise TcError(-errno.EINVAL, "Program bound to different device")
            if drv.profile.netdevsim_exact:
                raise TcError(-errno.EINVAL, f"{drv.profile.module}: program bound to "
                              "different dev")
        ret = drv.xdp_offload(dev, prog, extack)
        if ret:
            raise TcError(ret, extack.msg)
        if prog is None:
            self.xdp.pop(dev_name, None)
        else:
            self.xdp[dev_name] = prog
        self.gc()

    # -- program lifetime ----------------------------------------------------------------

    def blocks(self) -> list[Block]:
        """Every block of every namespace (private ones through their qdiscs)."""
        seen: dict[int, Block] = {}
        for net in self.nets():
            for dev in net.devices.values():
                q = dev.ingress_qdisc
                if q is None:
                    continue
                for b, _ in q.blocks():
                    seen.setdefault(id(b), b)
            for b in net.blocks.values():
                seen.setdefault(id(b), b)
        return list(seen.values())

    def filters(self) -> Iterator[tuple[Block, Any, ClsBpfFilter]]:
        for block in self.blocks():
            for tp in block.iter_tps():
                if tp.kind != "bpf":
                    continue
                for f in tp.ops.walk():
                    yield block, tp, f

    def gc(self) -> None:
        """Free programs nothing references any more (``bpf_prog_put`` to zero): device
        bound ones leave their driver's ``bpf_bound_progs`` too. The filter walk stops as
        soon as every loaded program is known to be referenced, so the usual case (nothing
        to free) does not cost a walk of every filter."""
        if not self.table.programs:
            return
        pending = {id(p): p for p in self.table.programs.values()}
        held = [*self.pinned.values(), *self.xdp.values(), *self.xdp_generic_progs.values()]
        held += [p.xdp_drv_prog for drv in self.nsim.devices.values() for p in drv.ports
                 if p.xdp_drv_prog is not None]
        held += [s.prog for drv in self.nsim.devices.values() for p in drv.ports
                 for s in p.hw.slots]
        for p in held:
            pending.pop(id(p), None)
        if pending:
            self._drop_referenced(pending)
        for prog in pending.values():
            self.table.unload(prog.id)
            bound = self._plugin_bound.pop(id(prog), None)
            if bound is not None:
                bound[0].destroy_prog(prog)
                continue
            if prog.offload_ifindex is not None:
                drv = self.nsim.driver_for_ifindex(prog.offload_ifindex)
                if drv is not None:
                    drv.destroy_prog(prog)

    def _drop_referenced(self, pending: dict[int, Any]) -> None:
        """Take out of ``pending`` every program a filter holds; stop when it is empty.
        The walk of :meth:`filters`, written as plain loops (it runs after every command
        and visits every filter while a program is pending)."""
        pop = pending.pop
        for block in self.blocks():
            for chain in list(block.chains.values()):
                for tp in list(chain.tps):
                    if tp.kind != "bpf":
                        continue
                    for f in tp.ops.walk():
                        pop(id(f.prog), None)
                    if not pending:
                        return

    # -- datapath ------------------------------------------------------------------------

    def send(self, dev_name: str, frame: bytes) -> SendResult:
        """A packet arrives on ``dev_name``: the NIC's programs first (if its profile has a
        datapath and hw-tc-offload is on), then, unless hardware dropped it, the software
        classify of the ingress block (skip_sw filters never match there)."""
        dev = self.net.dev(dev_name)
        skb = SkBuff.from_bytes(frame, ifindex=dev.ifindex, ingress_ifindex=dev.ifindex)
        n = len(frame)
        hw_verdict = hw_prog = None
        port = dev.priv if isinstance(dev.priv, SimPort) else None
        if not dev.up:
            return SendResult(dev_name, n, None, None, None, None, 0, "drop", "link",
                              "link is down")
        if port is not None and isinstance(dev.driver, SimNicDriver) and \
                dev.driver.profile.datapath and dev.tc_can_offload():
            port.hw.rx_packets += 1
            for slot in sorted(port.hw.tc_slots(), key=lambda s: (s.chain, s.prio)):
                if slot.protocol not in (ETH_P_ALL, skb.protocol):
                    continue
                slot.packets += 1
                slot.bytes += n
                try:
                    res = to_s32(slot.prog.run(skb))
                except BpfRuntimeError as e:
                    slot.drops += 1
                    port.hw.rx_dropped_hw += 1
                    return SendResult(dev_name, n, "fault", slot.prog.name, None, None, 0,
                                      "drop", "hardware", str(e))
                if slot.da:
                    verdict = cls_bpf_exec_opcode(res)
                else:  # classid mode: 0 is "no match", anything else a match that passes
                    verdict = TC_ACT_UNSPEC if res == 0 else TC_ACT_OK
                if verdict == TC_ACT_UNSPEC:
                    continue
                hw_prog = f"id {slot.prog.id} {slot.prog.name}".strip()
                hw_verdict = verdict_name(verdict)
                if verdict == TC_ACT_SHOT:
                    slot.drops += 1
                    port.hw.rx_dropped_hw += 1
                    return SendResult(dev_name, n, hw_verdict, hw_prog, None, None, 0,
                                      "drop", "hardware")
                break
            if hw_verdict is None:
                hw_verdict = "no match"
        q = dev.ingress_qdisc
        if q is None:
            return SendResult(dev_name, n, hw_verdict, hw_prog, None, None, 0, "pass",
                              "default", "no ingress qdisc")
        res = self.net.classify(q.ingress_block, skb)
        sw_filter = None
        if res.filt is not None and res.tp is not None:
            sw_filter = f"pref {res.tp.prio} handle 0x{res.filt.handle:x}"
        final = {TC_ACT_SHOT: "drop", TC_ACT_STOLEN: "stolen", TC_ACT_TRAP: "trap",
                 TC_ACT_REDIRECT: "redirect"}.get(res.verdict, "pass")
        decided = "software" if res.verdict != TC_ACT_UNSPEC else (
            "hardware" if hw_verdict not in (None, "no match") else "default")
        return SendResult(dev_name, n, hw_verdict, hw_prog, verdict_name(res.verdict),
                          sw_filter, res.classid, final, decided)

    # -- truth vs bookkeeping ------------------------------------------------------------

    def audit(self) -> Any:
        """Compare the kernel's bookkeeping with what the hardware really holds."""
        from offload.audit import audit

        return audit(self)
