"""The guest half of :mod:`drivers.netdevsim.remote`: one real netdevsim port, driven by files.

Runs **inside the netdevsim VM** (the host's Python and project through the 9p root), started
once through ``VM.run`` as ``python -m drivers.netdevsim.guest_port --spawn DIR``. The
launcher forks a session leader that owns the port and returns as soon as the port is ready,
so the VM's agent (which runs one command at a time) is free again.

What the server owns, all in a network namespace of its own so nothing leaks into the
scenarios other tests run in the same guest:

- a netdevsim device (bus id 100 or above, away from the ids scenarios use) with one port,
  ``hw-tc-offload`` on and a ``clsact`` qdisc;
- the device-bound programs it loaded (``BPF_PROG_LOAD`` with ``prog_ifindex``), one fd per
  host-side key, kept open until the server stops;
- the skip_sw filters it installed, addressed by the prio/handle the host chose.

Protocol, the same shape as the VM agent's: the host writes ``REQ/NNNNNN.json``
atomically, ``REQ`` being ``--requests`` (a folder of the VM's control share, which the guest
cannot write, so nothing in the guest can redirect the host's writes; ``DIR/req`` without
it); the server answers ``DIR/res/NNNNNN.json`` once per request; ``DIR/ready`` (or ``DIR/failed``)
says how the start went. Every answer carries ``offloaded_id``, the port's
``bpf_offloaded_id`` read after the operation. Operations: ``add``, ``replace``, ``delete``,
``knob``, ``features``, ``state``, ``close``.

Answers are the kernel's: a refused ``RTM_NEWTFILTER`` gives its errno and the extack as the
kernel wrote it (``netdevsim: ...``). The answer netdevsim gives to the *remove* request of
``tc filter del`` never reaches user space (``cls_bpf_stop_offload()`` only logs it:
``Stopping hardware offload failed: %d``), so the server reads it from ``/dev/kmsg``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from drivers.netdevsim import sysfs
from drivers.netdevsim.nl import TcClient, TcError
from hwsim import kbpf

TOOL_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C.UTF-8"}
FIRST_DEV_ID = 100
#: knobs restored by ``reset`` to what they were at start (``nsim_bpf_dev_init()``/
#: ``nsim_bpf_init()`` defaults): (name, port-level)
RESET_KNOBS = (("bpf_bind_accept", False), ("bpf_bind_verifier_accept", False),
               ("bpf_bind_verifier_delay", False), ("bpf_tc_accept", True),
               ("bpf_tc_non_bound_accept", True), ("bpf_xdpdrv_accept", True),
               ("bpf_xdpoffload_accept", True), ("bpf_map_accept", False))
_STOP_FAILED = re.compile(r"Stopping hardware offload failed: (-?\d+)")


def _write_atomic(path: Path, obj: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(obj))
    os.replace(tmp, path)


class Kmsg:
    """A non-blocking reader of ``/dev/kmsg`` positioned at its end (``devkmsg_read``)."""

    def __init__(self) -> None:
        self.fd: int | None = None
        with contextlib.suppress(OSError):
            self.fd = os.open("/dev/kmsg", os.O_RDONLY | os.O_NONBLOCK)
            os.lseek(self.fd, 0, os.SEEK_END)

    def drain(self) -> list[str]:
        """The records logged since the last call (message text only)."""
        out: list[str] = []
        if self.fd is None:
            return out
        while True:
            try:
                rec = os.read(self.fd, 8192)
            except BlockingIOError:
                return out
            except OSError as exc:
                if exc.errno == errno.EPIPE:  # records overwritten: resume at the next one
                    continue
                return out
            if not rec:
                return out
            text = rec.decode("utf-8", "replace")
            out.append(text.split(";", 1)[1].split("\n", 1)[0] if ";" in text else text)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


class PortServer:
    """One netdevsim port and the filters/programs the host asked for."""

    def __init__(self, work: Path, netns: str) -> None:
        self.work = work
        self.netns = netns
        self.dev: sysfs.NetdevsimDev | None = None
        self.port = ""
        self.ifindex = 0
        self.tc: TcClient | None = None
        self.fds: dict[int, kbpf.Fd] = {}
        self.ids: dict[int, int] = {}
        self.kmsg = Kmsg()
        self.netns_made = False
        self.knob_defaults: dict[tuple[str, int | None], str] = {}

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> dict[str, Any]:
        """``ip netns add``; a netdevsim device whose port appears there; enter the namespace
        (``BPF_PROG_LOAD`` resolves ``prog_ifindex`` in the caller's namespace); turn
        ``hw-tc-offload`` on and add a clsact qdisc."""
        self._tool(["ip", "netns", "add", self.netns], check=True)
        self.netns_made = True
        self.dev = sysfs.NetdevsimDev.create(sysfs.free_id(FIRST_DEV_ID), 1, netns=self.netns)
        sysfs.enter_netns(self.netns)
        self.tc = TcClient()
        self._setup_port()
        for name, per_port in RESET_KNOBS:
            with contextlib.suppress(OSError):
                where = 0 if per_port else None
                self.knob_defaults[(name, where)] = self.dev.read_knob(name, port=where)
        return self._info()

    def _setup_port(self) -> None:
        assert self.dev is not None and self.tc is not None
        self.port = self.dev.ports[0]
        self.ifindex = self.tc.ifindex(self.port)
        self._tool(["ip", "link", "set", self.port, "up"], check=True)
        self._tool(["ethtool", "-K", self.port, "hw-tc-offload", "on"], check=True)
        self.tc.qdisc_add(self.port, "clsact")

    def _info(self) -> dict[str, Any]:
        assert self.dev is not None
        return {"dev_id": self.dev.id, "port": self.port, "ifindex": self.ifindex,
                "netns": self.netns, "hw_tc_offload": self._hw_tc_offload(),
                "offloaded_id": self.offloaded_id(), "pid": os.getpid()}

    def op_reset(self, req: dict[str, Any]) -> dict[str, Any]:
        """Back to the state after start: knobs restored first (a refused remove would keep
        the program), the clsact qdisc re-created (its filters go), programs closed. If
        netdevsim still holds a program after that (a remove it refused earlier: it keeps
        ``bpf_offloaded`` with no filter left), the device is re-created."""
        assert self.dev is not None and self.tc is not None
        for (name, port), value in self.knob_defaults.items():
            with contextlib.suppress(OSError):
                self.dev.write_knob(name, value, port=port)
        self._tool(["ethtool", "-K", self.port, "hw-tc-offload", "on"])
        with contextlib.suppress(TcError):
            self.tc.qdisc_del(self.port, "clsact")
        for fd in self.fds.values():
            fd.close()
        self.fds.clear()
        self.ids.clear()
        recreated = False
        if self.offloaded_id() != 0:
            dev_id = self.dev.id
            self.dev.destroy()
            self.dev = sysfs.NetdevsimDev.create(dev_id, 1, netns=self.netns)
            recreated = True
            self.tc.close()
            self.tc = TcClient()
            self._setup_port()
        else:
            self.tc.qdisc_add(self.port, "clsact")
        return {"ret": 0, "recreated": recreated, **self._info()}

    def stop(self) -> None:
        """Filters, qdisc, programs, device and namespace go, each even if another failed."""
        if self.tc is not None:
            with contextlib.suppress(Exception):
                self.tc.qdisc_del(self.port, "clsact")
            with contextlib.suppress(Exception):
                self.tc.close()
            self.tc = None
        for fd in self.fds.values():
            fd.close()
        self.fds.clear()
        if self.dev is not None:
            with contextlib.suppress(OSError):
                self.dev.destroy()
            self.dev = None
        if self.netns_made:
            self._tool(["ip", "netns", "del", self.netns])
            self.netns_made = False
        self.kmsg.close()

    @staticmethod
    def _tool(argv: list[str], check: bool = False) -> subprocess.CompletedProcess[str]:
        p = subprocess.run(argv, capture_output=True, text=True, env=TOOL_ENV, check=False)
        if check and p.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)}: rc {p.returncode}: {p.stderr.strip()}")
        return p

    # -- observations --------------------------------------------------------------------
    def offloaded_id(self) -> int:
        assert self.dev is not None
        try:
            return int(self.dev.read_knob("bpf_offloaded_id", port=0))
        except (OSError, ValueError):
            return -1

    def _hw_tc_offload(self) -> bool:
        p = self._tool(["ethtool", "-k", self.port])
        return any(line.strip().startswith("hw-tc-offload: on") for line in p.stdout.splitlines())

    def _filters(self) -> list[dict[str, Any]]:
        assert self.tc is not None
        return [{"prio": f.prio, "handle": f.handle, "chain": f.chain, "protocol": f.protocol,
                 "prog_id": f.prog_id, "in_hw": f.in_hw, "skip_sw": f.skip_sw}
                for chain in self._chains() for f in self.tc.filters(self.port, chain=chain)]

    def _chains(self) -> list[int]:
        p = self._tool(["tc", "-j", "chain", "show", "dev", self.port, "ingress"])
        try:
            return sorted({int(c["chain"]) for c in json.loads(p.stdout or "[]")} | {0})
        except (ValueError, KeyError, TypeError):
            return [0]

    # -- operations ----------------------------------------------------------------------
    def handle(self, req: dict[str, Any]) -> dict[str, Any]:
        op = req["op"]
        fn = getattr(self, f"op_{op}", None)
        if fn is None:
            return {"ret": -errno.EINVAL, "extack": f"unknown operation {op!r}"}
        out: dict[str, Any] = fn(req)
        out.setdefault("offloaded_id", self.offloaded_id())
        return out

    def _fd(self, prog: dict[str, Any]) -> kbpf.Fd:
        """The program's fd, loaded on first use (device-bound to the port when asked)."""
        key = int(prog["key"])
        if key not in self.fds:
            fd, _log = kbpf.prog_load(
                bytes.fromhex(prog["insns"]), int(prog.get("type", kbpf.BPF_PROG_TYPE_SCHED_CLS)),
                license=prog.get("license") or "GPL", name=prog.get("name") or "",
                prog_ifindex=self.ifindex if prog.get("bound", True) else 0, log_level=0)
            self.fds[key] = fd
            self.ids[key] = kbpf.prog_info(fd).id
        return self.fds[key]

    def _filter_op(self, req: dict[str, Any], replace: bool) -> dict[str, Any]:
        """``tc filter add|replace dev PORT ingress prio P handle H protocol X chain C bpf
        skip_sw da fd FD``: the kernel sends netdevsim add (prog) or replace (prog, oldprog)."""
        assert self.tc is not None
        t0 = time.monotonic()
        try:
            fd = self._fd(req["prog"])
        except kbpf.KernelBpfError as exc:
            return {"ret": -exc.errno, "extack": "", "stage": "load",
                    "detail": f"BPF_PROG_LOAD: {exc.strerror}", "in_hw": self._in_hw(req)}
        try:
            self.tc.filter_add(self.port, fd=int(fd), name=req["prog"].get("name") or None,
                               prio=req["prio"], handle=req["handle"], protocol=req["protocol"],
                               chain=req["chain"], da=True, skip_sw=True, replace=replace)
        except TcError as exc:
            return {"ret": -exc.errno, "extack": exc.extack, "stage": "filter",
                    "in_hw": self._in_hw(req), "real_prog_id": self.ids[int(req["prog"]["key"])],
                    "seconds": time.monotonic() - t0}
        return {"ret": 0, "extack": "", "stage": "filter", "in_hw": self._in_hw(req),
                "real_prog_id": self.ids[int(req["prog"]["key"])],
                "seconds": time.monotonic() - t0}

    def _in_hw(self, req: dict[str, Any]) -> bool | None:
        """IN_HW of the filter at (chain, prio, handle) after the request; None if absent."""
        assert self.tc is not None
        try:
            found = self.tc.filters(self.port, chain=req["chain"])
        except TcError:
            return None
        for f in found:
            if f.prio == req["prio"] and f.handle == req["handle"]:
                return f.in_hw
        return None

    def op_add(self, req: dict[str, Any]) -> dict[str, Any]:
        return self._filter_op(req, replace=False)

    def op_replace(self, req: dict[str, Any]) -> dict[str, Any]:
        return self._filter_op(req, replace=True)

    def op_delete(self, req: dict[str, Any]) -> dict[str, Any]:
        """``tc filter del ... prio P handle H bpf``: always succeeds at the tc level; the
        driver's answer to the remove is what ``cls_bpf_stop_offload()`` logged, if anything."""
        assert self.tc is not None
        self.kmsg.drain()
        try:
            self.tc.filter_del(self.port, prio=req["prio"], handle=req["handle"],
                               protocol=req["protocol"], chain=req["chain"])
        except TcError as exc:
            return {"ret": -exc.errno, "extack": exc.extack, "stage": "filter-del"}
        ret = 0
        for line in self.kmsg.drain():
            m = _STOP_FAILED.search(line)
            if m:
                ret = int(m.group(1))
        return {"ret": ret, "extack": "", "stage": "kmsg" if ret else "filter",
                "kmsg": self.kmsg.fd is not None}

    def op_knob(self, req: dict[str, Any]) -> dict[str, Any]:
        """A debugfs knob: the port's if it has one of that name, else the device's."""
        assert self.dev is not None
        name, value = str(req["name"]), req["value"]
        port = 0 if self.dev.knob_path(name, 0).exists() else None
        if port is None and not self.dev.knob_path(name).exists():
            return {"ret": -errno.ENOENT, "extack": f"no netdevsim knob {name!r}"}
        try:
            self.dev.write_knob(name, value, port=port)
        except OSError as exc:
            return {"ret": -(exc.errno or errno.EIO), "extack": str(exc)}
        return {"ret": 0, "extack": "", "value": self.dev.read_knob(name, port=port)}

    def op_features(self, req: dict[str, Any]) -> dict[str, Any]:
        """``ethtool -K PORT hw-tc-offload on|off`` (``nsim_set_features()`` may refuse)."""
        want = "on" if req["hw_tc_offload"] else "off"
        p = self._tool(["ethtool", "-K", self.port, "hw-tc-offload", want])
        now = self._hw_tc_offload()
        ret = 0 if now == bool(req["hw_tc_offload"]) else -errno.EBUSY
        return {"ret": ret, "extack": "", "stderr": p.stderr, "rc": p.returncode,
                "hw_tc_offload": now}

    def op_state(self, req: dict[str, Any]) -> dict[str, Any]:
        assert self.dev is not None
        return {"ret": 0, "filters": self._filters(), "bound_progs": self.dev.bound_progs(),
                "ids": {str(k): v for k, v in self.ids.items()},
                "hw_tc_offload": self._hw_tc_offload()}

    def op_ping(self, req: dict[str, Any]) -> dict[str, Any]:
        """Nothing but the answer's ``offloaded_id`` (the audit's live read)."""
        return {"ret": 0}

    def op_close(self, req: dict[str, Any]) -> dict[str, Any]:
        off = self.offloaded_id()
        self.stop()
        return {"ret": 0, "offloaded_id": off}


def serve(work: Path, netns: str, poll: float = 0.002, idle_poll: float = 0.05,
          requests: Path | None = None) -> int:
    """Start the port, answer requests in name order until ``close`` (or the folder goes).

    The folder is polled every ``poll`` seconds for a second after a request, then every
    ``idle_poll``: a busy loop would steal the (emulated) CPU other guest commands need."""
    req_dir, res_dir = requests or work / "req", work / "res"
    done: set[str] = set()
    server = PortServer(work, netns)
    try:
        info = server.start()
    except Exception:
        server.stop()
        _write_atomic(work / "failed", {"error": traceback.format_exc()})
        return 1
    _write_atomic(work / "ready", info)
    last = time.monotonic()
    try:
        while True:
            try:
                names = sorted(n for n in os.listdir(req_dir) if n.endswith(".json")
                               and not n.startswith(".") and n not in done)
            except FileNotFoundError:  # the VM's work folder was removed: the host is gone
                return 0
            if not names:
                done &= set(os.listdir(req_dir))
                time.sleep(poll if time.monotonic() - last < 1.0 else idle_poll)
                continue
            last = time.monotonic()
            for name in names:
                path = req_dir / name
                done.add(name)
                try:
                    req = json.loads(path.read_text())
                    if requests is None:
                        path.unlink()
                    res = server.handle(req)
                except Exception:
                    res = {"ret": -errno.EIO, "extack": "", "error": traceback.format_exc()}
                    if requests is None:
                        path.unlink(missing_ok=True)
                    req = {}
                _write_atomic(res_dir / name, res)
                if req.get("op") == "close":
                    return 0
    finally:
        server.stop()


def spawn(work: Path, netns: str, timeout: float, requests: Path | None = None) -> int:
    """Fork the server as a session leader (stdio to ``DIR/server.log``), wait until it is
    ready or failed, print that answer and return: the VM agent is then free again."""
    (work / "req").mkdir(parents=True, exist_ok=True)
    (work / "res").mkdir(exist_ok=True)
    pid = os.fork()
    if pid == 0:  # the server
        rc = 1
        try:
            os.setsid()
            log = os.open(work / "server.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(log, 1)
            os.dup2(log, 2)
            os.close(null)
            os.close(log)
            rc = serve(work, netns, requests=requests)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(rc)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, rc in (("ready", 0), ("failed", 1)):
            f = work / name
            if f.exists():
                print(f.read_text())
                return rc
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            break
        time.sleep(0.01)
    print(json.dumps({"error": f"the port server did not start within {timeout:.0f} s"}))
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("work", type=Path)
    ap.add_argument("--netns", required=True)
    ap.add_argument("--spawn", action="store_true", help="fork the server and return when ready")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--requests", type=Path, default=None,
                    help="read requests there (read-only for the guest) instead of WORK/req")
    args = ap.parse_args(argv)
    if args.spawn:
        return spawn(args.work, args.netns, args.timeout, args.requests)
    (args.work / "req").mkdir(parents=True, exist_ok=True)
    (args.work / "res").mkdir(exist_ok=True)
    return serve(args.work, args.netns, requests=args.requests)


if __name__ == "__main__":
    sys.exit(main())
