"""A driver plugin whose hardware is a real netdevsim port in the VM.

:class:`RealNetdevsimDriver` answers the emulator's bus the way the real driver does, by
asking it: every ``TC_CLSBPF_OFFLOAD`` request the emulator's core sends to its callback is
carried out on a real netdevsim port (inside the VM, see :mod:`drivers.netdevsim.guest_port`)
as the skip_sw filter operation that makes the real kernel send netdevsim the *same* request,
and the real answer (errno + extack, as the kernel wrote it) goes back to the bus:

========================== ========================================= ====================
emulator request           real operation on the port                 kernel path
========================== ========================================= ====================
add (prog)                 ``tc filter add ... skip_sw da fd F``      ``tc_setup_cb_add``
replace (prog, oldprog)    ``tc filter replace`` of oldprog's filter  ``tc_setup_cb_replace``
remove (oldprog)           ``tc filter del`` of oldprog's filter      ``tc_setup_cb_destroy``
========================== ========================================= ====================

Each emulator filter (program, chain, prio, protocol) gets its own real filter at the same
chain/prio/protocol and a handle of its own; programs are loaded device-bound to the real
port (``BPF_PROG_LOAD`` with ``prog_ifindex``, as iproute2 does for skip_sw) once per
emulator program object. ``offload_holdings()`` reads the port's ``bpf_offloaded_id`` live
and maps it back to the emulator program, so ``emu.audit()`` and the invariants compare the
emulator's bookkeeping with what the real driver holds.

Where the real kernel does not report netdevsim's answer, the driver says so instead of
inventing one (each answer is recorded in :attr:`RealNetdevsimDriver.answers` with how it
was obtained, ``RemoteAnswer.source``):

- ``real``: the errno/extack of the real ``RTM_NEWTFILTER``;
- ``kmsg``: the answer to a remove, which ``cls_bpf_stop_offload()`` only logs
  (``Stopping hardware offload failed: %d``); no log line means 0;
- ``echo``: the rollback the emulator's core sends after a failed add/replace. The real
  kernel already sent netdevsim that very request itself (``cls_bpf_offload_cmd()`` calls
  itself with prog and oldprog swapped) and discards its answer; the reverse of a replace is
  answered 0 if the real filter kept IN_HW (the rollback was accepted), else with the failed
  request's errno; the reverse of an add (a remove) with 0;
- ``local``: requests with no real counterpart: a remove of a program the port has no filter
  for (netdevsim's "oldprog doesn't match driver's state" path answers 0, unless its earlier
  checks refuse), ``TC_CLSBPF_STATS`` (netdevsim answers -EOPNOTSUPP to every command but
  ``TC_CLSBPF_OFFLOAD``), and programs this bridge cannot carry (classic bytecode, programs
  with maps): -EOPNOTSUPP with a ``netdevsim-remote:`` message;
- ``load``: the device-bound ``BPF_PROG_LOAD`` in the guest failed (``bpf_bind_accept=N``,
  ``bpf_bind_verifier_accept=N``): its errno, with a ``netdevsim-remote:`` message. With
  real tc the load fails before any filter request; the emulator had loaded the program
  already, so its core did send one.

The real port speaks Linux 6.1; use the emulator's ``v6.1`` profile (a ``v5.2`` core sends
request sequences the 6.1 kernel never would, and the echoes above would not line up).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any, Protocol

import attrs

from core.driver import flow_block_cb_setup_simple, set_extack
from core.errors import EOPNOTSUPP, Extack
from core.net import Net
from core.netdev import NETIF_F_HW_TC, NetDevice
from core.offload import FlowBlockCb, TcClsBpfCommand, TcClsBpfOffload, TcSetupType
from core.profile import Profile
from hwsim.vm import VM, VMError
from hwsim.vm._machine import read_guest_file, remove_guest_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BRIDGE = "netdevsim-remote"


class EmulatorLike(Protocol):
    """What :func:`attach_real_netdevsim` needs of ``offload.emulator.Emulator`` (drivers do
    not import ``offload``): its namespace and its semantics profile."""

    net: Net
    profile: Profile


class RemotePortError(VMError):
    """The guest port server could not be started, died, or did not answer in time."""


@attrs.frozen
class ForeignProgram:
    """A program the real port holds that this driver never loaded (``bpf_offloaded_id``
    names it). Audits report it as a leak, which it is from the emulator's point of view."""

    id: int
    name: str = "<not loaded by the emulator>"


@attrs.frozen
class RemoteAnswer:
    """One request the callback answered: what, the answer, and how it was obtained."""

    request: str
    prog: str | None
    oldprog: str | None
    ret: int
    extack: str | None
    source: str  # real | kmsg | echo | local | load
    offloaded_id: int | None
    seconds: float

    def __str__(self) -> str:
        msg = f" {self.extack!r}" if self.extack else ""
        return (f"{self.request} prog={self.prog} old={self.oldprog} -> {self.ret}{msg} "
                f"[{self.source}, bpf_offloaded_id={self.offloaded_id}, {self.seconds:.3f} s]")


@attrs.define(eq=False)
class RealFilter:
    """The real skip_sw filter standing for one emulator filter's offload."""

    prog: Any
    chain: int
    prio: int
    protocol: int
    handle: int

    def matches(self, prog: Any, chain: int, prio: int, protocol: int) -> bool:
        return (self.prog is prog and self.chain == chain and self.prio == prio
                and self.protocol == protocol)


@attrs.define(eq=False)
class RemotePort:
    """The callback's ``cb_priv``: the emulated device and the real port behind it."""

    netdev: NetDevice
    real_port: str
    real_ifindex: int

    @property
    def label(self) -> str:
        return self.netdev.name


@attrs.define(eq=False)
class _Echo:
    """The reverse request the real kernel already sent after a failed add/replace."""

    prog: Any
    oldprog: Any
    ret: int
    extack: str | None


def _label(prog: Any) -> str | None:
    if prog is None:
        return None
    return f"{getattr(prog, 'id', '?')}:{getattr(prog, 'name', '') or ''}"


class RealNetdevsimDriver:
    """The driver contract (``ndo_setup_tc``, ``ndo_set_features``, ``offload_holdings``)
    for one emulated device backed by one real netdevsim port in ``vm``.

    ``start()`` launches the guest port server (one ``VM.run``); ``close()`` removes the
    real filters, programs, device and namespace. Use it as a context manager, or let
    :func:`attach_real_netdevsim` create it. ``bind_programs=False`` loads programs without
    ``prog_ifindex`` (netdevsim then applies ``bpf_tc_non_bound_accept``).
    ``live_holdings=False`` answers ``offload_holdings()`` from the ``bpf_offloaded_id``
    read after the last request instead of a fresh read (nothing else changes it, and the
    invariant checker's probe asks twice per bus event).
    """

    name = "netdevsim"
    #: In-tree: its hooks run on the caller's thread (core.boundary), without the
    #: watchdog, whose default limit a round trip to a busy VM could exceed.
    offload_inline = True

    def __init__(self, vm: VM, *, bind_programs: bool = True, live_holdings: bool = True,
                 timeout: float = 30.0, start_timeout: float = 180.0) -> None:
        self.vm = vm
        self.bind_programs = bind_programs
        self.live_holdings = live_holdings
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.block_cb_list: list[FlowBlockCb] = []
        self.answers: list[RemoteAnswer] = []
        self.port: RemotePort | None = None
        self.info: dict[str, Any] = {}
        self.dir: Path | None = None
        self._req_dir: Path | None = None
        self.offloaded_id: int = 0
        self.round_trips: list[float] = []
        self._seq = 0
        self._filters: list[RealFilter] = []
        self._progs: dict[int, tuple[Any, int]] = {}  # id(prog) -> (prog, key)
        self._by_real_id: dict[int, Any] = {}
        self._real_ids: dict[int, int] = {}  # key -> real id
        self._handles = itertools.count(1)
        self._keys = itertools.count(1)
        self._echo: _Echo | None = None

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> dict[str, Any]:
        """Start the guest port server and wait until its port exists (one ``VM.run``)."""
        if self.dir is not None:
            raise RemotePortError("this driver was already started")
        if self.vm.work is None or not self.vm.running:
            raise RemotePortError("the VM is not running")
        tag = secrets.token_hex(4)
        self.dir = self.vm.work / f"nsim-remote-{tag}"
        # requests go through the VM's control share (the guest cannot write there, so no
        # link it plants redirects the host's writes); answers come back in the work folder
        ctl = getattr(self.vm, "ctl", None)
        self._req_dir = ctl / f"nsim-remote-{tag}" if ctl is not None else self.dir / "req"
        self._req_dir.mkdir(mode=0o755, parents=True, exist_ok=ctl is None)
        argv = [sys.executable, "-m", "drivers.netdevsim.guest_port", str(self.dir),
                "--netns", f"offload-remote-{tag}", "--spawn", "--timeout",
                str(self.start_timeout)]
        if ctl is not None:
            argv += ["--requests", str(self._req_dir)]
        r = self.vm.run(argv, cwd=str(PROJECT_ROOT), env={"PYTHONPATH": str(PROJECT_ROOT)},
                        timeout=self.start_timeout + 30)
        if r.rc != 0:
            detail = r.stdout.strip() or r.stderr.strip()
            with contextlib.suppress(ValueError, TypeError, KeyError):
                detail = json.loads(r.stdout)["error"]
            self.dir = None
            raise RemotePortError(f"the guest port server did not start (rc {r.rc}):\n{detail}")
        self.info = json.loads(r.stdout)
        self.offloaded_id = int(self.info["offloaded_id"])
        return self.info

    def close(self) -> None:
        """Stop the guest server: its real filters, qdisc, programs, device and namespace go.
        Safe to call twice; a VM already gone is fine (the guest died with it)."""
        if self.dir is None:
            return
        try:
            if self.vm.running:
                self._call({"op": "close"}, timeout=min(self.timeout, 15.0))
        except RemotePortError:
            pass
        finally:
            self.dir = None
            self._filters.clear()
            self._echo = None

    def reset(self) -> dict[str, Any]:
        """Make the started driver as good as new for another emulator (one round trip,
        instead of the seconds a new guest server costs): the real port's knobs restored,
        its filters and this driver's programs gone (the device re-created if netdevsim
        still holds a program no filter uses), and the emulated device detached."""
        data = self._call({"op": "reset"})
        self.info = {k: data[k] for k in ("dev_id", "port", "ifindex", "netns",
                                          "hw_tc_offload", "offloaded_id", "pid")}
        if self.port is not None and self.port.netdev.priv is self.port:
            self.port.netdev.priv = None
        self.port = None
        self.block_cb_list.clear()
        self.answers.clear()
        self._filters.clear()
        self._progs.clear()
        self._by_real_id.clear()
        self._real_ids.clear()
        self._echo = None
        return data

    def __enter__(self) -> RealNetdevsimDriver:
        if self.dir is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def attach(self, netdev: NetDevice) -> RemotePort:
        """Make ``netdev`` this driver's port: ``hw-tc-offload`` available, and on iff the
        real port has it on (the server turns it on at start)."""
        if not self.info:
            raise RemotePortError("start() the driver before attaching a device")
        if self.port is not None:
            raise RemotePortError("one real port serves one emulated device")
        self.port = RemotePort(netdev, str(self.info["port"]), int(self.info["ifindex"]))
        netdev.priv = self.port
        netdev.hw_features.add(NETIF_F_HW_TC)
        if self.info.get("hw_tc_offload"):
            netdev.features.add(NETIF_F_HW_TC)
        else:
            netdev.features.discard(NETIF_F_HW_TC)
        return self.port

    # -- the wire --------------------------------------------------------------------------
    def _call(self, req: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """One request to the guest server, one answer (``DIR/req``/``DIR/res`` files)."""
        if self.dir is None:
            raise RemotePortError("the real port is not running (start() it, or it was closed)")
        assert self._req_dir is not None
        self._seq += 1
        name = f"{self._seq:06d}.json"
        tmp = self._req_dir / f".req-{name}.{secrets.token_hex(4)}"
        t0 = time.monotonic()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as f:
            f.write(json.dumps(req))
        os.replace(tmp, self._req_dir / name)
        res = self.dir / "res" / name
        deadline = t0 + (timeout if timeout is not None else self.timeout)
        delay = 0.0005
        while not res.exists():
            if not self.vm.running:
                raise RemotePortError(f"the VM died during {req['op']}:\n{self.vm.console_tail()}")
            if time.monotonic() > deadline:
                raise RemotePortError(f"no answer from the guest port server to {req['op']} "
                                      f"within {deadline - t0:.0f} s; its log:\n{self.log_tail()}")
            time.sleep(delay)
            delay = min(delay * 2, 0.02)
        try:
            rel = f"{self.dir.name}/res/{name}"
            data: dict[str, Any] = json.loads(read_guest_file(self.dir.parent, rel))
            remove_guest_file(self.dir.parent, rel)
        except (OSError, ValueError) as exc:
            raise RemotePortError(f"unusable answer from the guest port server: {exc}") from None
        finally:
            (self._req_dir / name).unlink(missing_ok=True)
        self.round_trips.append(time.monotonic() - t0)
        if "error" in data:
            raise RemotePortError(f"the guest port server failed on {req['op']}:\n{data['error']}")
        if "offloaded_id" in data:
            self.offloaded_id = int(data["offloaded_id"])
        return data

    def log_tail(self, lines: int = 20) -> str:
        if self.dir is None or not (self.dir / "server.log").exists():
            return ""
        return "\n".join((self.dir / "server.log").read_text().splitlines()[-lines:])

    # -- knobs and observations ----------------------------------------------------------
    def write_knob(self, name: str, value: str | bool | int) -> str:
        """Write a real debugfs knob (the port's, e.g. ``bpf_tc_accept``, else the
        device's, e.g. ``bpf_bind_accept``); returns what reads back. ``OSError`` if refused."""
        if isinstance(value, bool):
            value = "Y" if value else "N"
        data = self._call({"op": "knob", "name": name, "value": str(value)})
        if data["ret"]:
            raise OSError(-data["ret"], data.get("extack") or os.strerror(-data["ret"]))
        return str(data.get("value", ""))

    def read_offloaded_id(self) -> int:
        """The real port's ``bpf_offloaded_id`` now (one round trip)."""
        self._call({"op": "ping"})
        return self.offloaded_id

    def real_state(self) -> dict[str, Any]:
        """The real port's filters (prio, handle, chain, protocol, prog id, in_hw),
        ``bpf_bound_progs``, ``hw-tc-offload`` and ``bpf_offloaded_id``."""
        return self._call({"op": "state"})

    def real_prog_id(self, prog: Any) -> int | None:
        """The id the real kernel gave ``prog`` (None until it was carried there)."""
        entry = self._progs.get(id(prog))
        return self._real_ids.get(entry[1]) if entry is not None and entry[0] is prog else None

    def prog_of_real_id(self, real_id: int) -> Any:
        """The emulator program whose real copy has ``real_id`` (a :class:`ForeignProgram`
        if this driver never loaded it)."""
        return self._by_real_id.get(real_id) or ForeignProgram(real_id)

    def offload_holdings(self, cb_priv: Any) -> list[Any]:
        """Audit hook: the program the real netdevsim port holds (its ``bpf_offloaded_id``,
        ``nsim_bpf_offload()``), mapped back to the emulator's program object. netdevsim
        holds at most one; a classic program has no id and reads as nothing held."""
        if not isinstance(cb_priv, RemotePort) or self.dir is None:
            return []
        real = self.read_offloaded_id() if self.live_holdings else self.offloaded_id
        return [self.prog_of_real_id(real)] if real > 0 else []

    # -- ndo_* -------------------------------------------------------------------------------
    def ndo_setup_tc(self, dev: NetDevice, type: TcSetupType, type_data: Any) -> int:
        """Mirrors ``nsim_setup_tc()``: only ``TC_SETUP_BLOCK``, ingress only
        (``flow_block_cb_setup_simple(..., ingress_only=true)``). Binding is local: the real
        port's own block is bound once, to its clsact qdisc, at start."""
        if type != TcSetupType.TC_SETUP_BLOCK:
            return -EOPNOTSUPP
        port = dev.priv
        if not isinstance(port, RemotePort):
            return -EOPNOTSUPP
        return flow_block_cb_setup_simple(
            type_data, self.block_cb_list, self.setup_tc_block_cb, port, port,
            ingress_only=True, owner=f"{self.name}:{dev.name}",
        )

    def ndo_set_features(self, dev: NetDevice, features: frozenset[str]) -> int:
        """``ethtool -K <real port> hw-tc-offload on|off``: ``nsim_set_features()`` refuses
        turning it off while a TC program is offloaded (-EBUSY here, as the real feature
        stayed on)."""
        want = NETIF_F_HW_TC in features
        if want == (NETIF_F_HW_TC in dev.features):
            return 0
        data = self._call({"op": "features", "hw_tc_offload": want})
        return int(data["ret"])

    def ndo_uninit(self, dev: NetDevice) -> None:
        """The emulated device went away: its real port stays until :meth:`close`."""
        if self.port is not None and self.port.netdev is dev:
            self.port = None

    # -- the block callback --------------------------------------------------------------
    def setup_tc_block_cb(self, type: TcSetupType, cls_bpf: Any, port: RemotePort) -> int:
        """Mirrors ``nsim_bpf_setup_tc_block_cb()`` by asking the real one (see the module
        docstring for how each request is carried and answered)."""
        common = getattr(cls_bpf, "common", None)
        extack = common.extack if common is not None else None
        t0 = time.monotonic()
        if type != TcSetupType.TC_SETUP_CLSBPF or not isinstance(cls_bpf, TcClsBpfOffload):
            return self._answer("other", None, None, -EOPNOTSUPP, extack,
                                f"{self.name}: only offload of BPF classifiers supported",
                                "local", t0)
        prog, old = cls_bpf.prog, cls_bpf.oldprog
        if cls_bpf.command != TcClsBpfCommand.TC_CLSBPF_OFFLOAD:
            self._echo = None
            return self._answer("stats", prog, old, -EOPNOTSUPP, extack, None, "local", t0)
        kind = "replace" if prog is not None and old is not None else (
            "add" if prog is not None else "remove")
        echo, self._echo = self._echo, None
        if echo is not None and echo.prog is prog and echo.oldprog is old:
            return self._answer(kind, prog, old, echo.ret, extack, echo.extack, "echo", t0)
        key = (cls_bpf.common.chain_index, cls_bpf.common.prio, cls_bpf.common.protocol)
        if kind == "remove":
            return self._remove(old, key, extack, t0)
        return self._add_or_replace(kind, prog, old, key, extack, t0)

    def _answer(self, kind: str, prog: Any, old: Any, ret: int, extack: Extack | None,
                msg: str | None, source: str, t0: float) -> int:
        """Record the answer; ``msg`` (already prefixed as printed) goes to the extack."""
        if msg:
            set_extack(extack, None, msg)
        self.answers.append(RemoteAnswer(kind, _label(prog), _label(old), ret, msg or None,
                                         source, self.offloaded_id, time.monotonic() - t0))
        return ret

    def _find(self, prog: Any, key: tuple[int, int, int]) -> RealFilter | None:
        for f in reversed(self._filters):
            if f.matches(prog, *key):
                return f
        return None

    def _remove(self, old: Any, key: tuple[int, int, int], extack: Extack | None,
                t0: float) -> int:
        """``tc filter del`` of the real filter standing for (oldprog, chain, prio, proto)."""
        real = self._find(old, key)
        if real is None:
            return self._answer("remove", None, old, 0, extack, None, "local", t0)
        data = self._call({"op": "delete", "chain": real.chain, "prio": real.prio,
                           "protocol": real.protocol, "handle": real.handle})
        if data.get("stage") != "filter-del":
            self._filters.remove(real)
        return self._answer("remove", None, old, int(data["ret"]), extack,
                            data.get("extack") or None,
                            "kmsg" if data.get("stage") == "kmsg" else "real", t0)

    def _prog_spec(self, prog: Any) -> dict[str, Any] | str:
        """What the guest needs to load ``prog``, or why it cannot be carried."""
        if getattr(prog, "is_classic", False):
            return "classic BPF programs are not carried to the real port"
        if getattr(prog, "maps", None):
            return "programs with maps are not carried to the real port"
        raw = getattr(prog, "raw", None)
        if not isinstance(raw, bytes | bytearray) or not raw:
            return "the program has no eBPF instructions to load on the real port"
        entry = self._progs.get(id(prog))
        if entry is None or entry[0] is not prog:
            entry = (prog, next(self._keys))
            self._progs[id(prog)] = entry
        return {"key": entry[1], "insns": bytes(raw).hex(), "name": getattr(prog, "name", ""),
                "license": getattr(prog, "license", "GPL"),
                "type": int(getattr(prog, "prog_type", 3)), "bound": self.bind_programs}

    def _add_or_replace(self, kind: str, prog: Any, old: Any, key: tuple[int, int, int],
                        extack: Extack | None, t0: float) -> int:
        """``tc filter add`` (new handle) or ``tc filter replace`` of oldprog's real filter."""
        spec = self._prog_spec(prog)
        if isinstance(spec, str):
            return self._answer(kind, prog, old, -EOPNOTSUPP, extack, f"{BRIDGE}: {spec}",
                                "local", t0)
        real_old = self._find(old, key) if old is not None else None
        chain, prio, protocol = key
        if real_old is not None:
            handle, op = real_old.handle, "replace"
        else:
            handle, op = next(self._handles), "add"
        data = self._call({"op": op, "prog": spec, "chain": chain, "prio": prio,
                           "protocol": protocol, "handle": handle})
        ret = int(data["ret"])
        msg: str | None = data.get("extack") or None
        if "real_prog_id" in data:
            real_id = int(data["real_prog_id"])
            self._real_ids[spec["key"]] = real_id
            self._by_real_id[real_id] = prog
        if ret == 0:
            if real_old is not None:
                real_old.prog = prog
            else:
                self._filters.append(RealFilter(prog, chain, prio, protocol, handle))
        elif data.get("stage") == "load":
            # no request reached the real driver: the core's rollback is carried as usual
            msg = f"{BRIDGE}: loading the program on the real port failed ({data.get('detail')})"
            return self._answer(kind, prog, old, ret, extack, msg, "load", t0)
        elif real_old is not None:
            # the real kernel already sent the reverse replace (cls_bpf_offload_cmd());
            # whether it was accepted shows in the real filter's IN_HW
            kept = bool(data.get("in_hw"))
            self._echo = _Echo(old, prog, 0 if kept else ret, None if kept else msg)
        else:
            self._echo = _Echo(None, prog, 0, None)  # ... or the reverse remove
        return self._answer(kind, prog, old, ret, extack, msg, "real", t0)


def attach_real_netdevsim(emu: EmulatorLike, vm: VM, name: str = "eth0", *,
                          driver: RealNetdevsimDriver | None = None,
                          bind_programs: bool = True, live_holdings: bool = True,
                          timeout: float = 30.0) -> NetDevice:
    """An emulator device ``name`` backed by a real netdevsim port in ``vm``.

    The device is registered with a started :class:`RealNetdevsimDriver` (``dev.driver``),
    is up, and has ``hw-tc-offload`` on like the real port. Pass ``driver`` (started, and
    :meth:`~RealNetdevsimDriver.reset` if it served another emulator) to reuse its guest
    server; otherwise one is started here. Call ``dev.driver.close()`` when done (or use
    :func:`contextlib.closing` on it): the real port lives in the guest until then (or until
    the VM stops)."""
    kernel = getattr(vm, "version", "6.1")
    if emu.profile.name != f"v{kernel}":
        raise ValueError(f"the real port runs Linux {kernel}; the emulator's profile is "
                         f"{emu.profile.name}")
    drv = driver
    if drv is None:
        drv = RealNetdevsimDriver(vm, bind_programs=bind_programs,
                                  live_holdings=live_holdings, timeout=timeout)
        drv.start()
    elif drv.vm is not vm:
        raise ValueError("the driver serves another VM")
    try:
        dev = emu.net.add_device(name, driver=drv)
        drv.attach(dev)
        dev.up = True
    except BaseException:
        if driver is None:
            drv.close()
        raise
    return dev
