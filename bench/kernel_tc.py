"""``tc -batch`` on a real kernel, timed inside the machine that runs it.

The same code runs on the host (a veth pair in a network namespace it creates and deletes:
software only) and in the netdevsim VM's guest (netdevsim ports in the guest's own
namespace, deleted afterwards), where the VM benchmark starts it as
``python -m bench.kernel_tc SPEC.json`` so that the timing is taken by the guest's clock and
does not include the host↔guest round trip.

A timed run is one ``tc -batch FILE`` process whose file holds only ``filter add`` /
``filter del`` pairs of the same filter (``prio 1 handle 1``). The program is either pinned
once beforehand (``object-pinned``: the filter request alone, the same work the emulator's
Python API does with an already loaded program) or loaded from the ELF object by each add
(``obj``: libbpf and the verifier included, what a user typing ``tc filter add`` pays).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

NSIM_BUS = Path("/sys/bus/netdevsim")
BLOCK = 7


class KernelTcError(RuntimeError):
    """A set-up step or a timed batch failed."""


def unavailable_reason(kind: str = "veth") -> str | None:
    """Why the host kernel cannot run this benchmark, or None."""
    if os.geteuid() != 0:
        return "not root: network namespaces and bpffs need root"
    for tool in ("tc", "ip", "bpftool"):
        if shutil.which(tool) is None:
            return f"{tool} not installed"
    if kind == "netdevsim" and not NSIM_BUS.exists():
        return "no netdevsim bus (modprobe netdevsim)"
    return None


def _run(argv: Sequence[str], what: str, stdin: str | None = None) -> str:
    p = subprocess.run(list(argv), capture_output=True, text=True, input=stdin, timeout=600)
    if p.returncode != 0:
        raise KernelTcError(f"{what}: {' '.join(argv)} exited {p.returncode}: "
                            f"{(p.stderr or p.stdout).strip()[:500]}")
    return p.stdout


def _is_bpffs(path: str) -> bool:
    with contextlib.suppress(OSError), open("/proc/mounts") as f:
        for line in f:
            parts = line.split()
            if len(parts) > 2 and parts[1] == path and parts[2] == "bpf":
                return True
    return False


@contextlib.contextmanager
def bpffs() -> Iterator[Path]:
    """A bpffs folder to pin into: a private subfolder of ``/sys/fs/bpf`` if it is mounted,
    else a bpffs mounted on a temporary folder (unmounted afterwards)."""
    if _is_bpffs("/sys/fs/bpf"):
        d = Path(tempfile.mkdtemp(prefix="offload-bench-", dir="/sys/fs/bpf"))
        try:
            yield d
        finally:
            shutil.rmtree(d, ignore_errors=True)
        return
    d = Path(tempfile.mkdtemp(prefix="offload-bench-bpffs-"))
    _run(["mount", "-t", "bpf", "bpf", str(d)], "bpffs")
    try:
        yield d
    finally:
        subprocess.run(["umount", str(d)], capture_output=True)
        with contextlib.suppress(OSError):
            d.rmdir()


@attrs.define
class Rig:
    """Devices with an ingress qdisc, a target for filter commands, pinned programs."""

    tc: list[str]                 # ["tc"] or ["tc", "-n", NS]
    target: str                   # "dev v0 ingress" or "block 7"
    offload: bool                 # skip_sw possible (netdevsim)
    pinned_sw: str = ""
    pinned_hw: str = ""

    def batch(self, lines: Sequence[str]) -> float:
        """Seconds one ``tc -batch`` of ``lines`` takes (raises if a line fails)."""
        with tempfile.NamedTemporaryFile("w", suffix=".tc", delete=False) as f:
            f.write("\n".join(lines) + "\n")
            path = f.name
        try:
            t0 = time.perf_counter()
            p = subprocess.run([*self.tc, "-batch", path], capture_output=True, text=True,
                               timeout=1800)
            dt = time.perf_counter() - t0
        finally:
            os.unlink(path)
        if p.returncode != 0:
            raise KernelTcError(f"tc -batch failed: {p.stderr.strip()[:500]}")
        return dt

    def prog(self, flags: str, mode: str, obj: str) -> str:
        if mode == "obj":
            return f"obj {obj} sec classifier"
        return f"object-pinned {self.pinned_hw if flags == 'skip_sw' else self.pinned_sw}"

    def pair_lines(self, flags: str, mode: str, obj: str, pairs: int,
                   handle: int = 1) -> list[str]:
        add = (f"filter add {self.target} prio 1 handle {handle} bpf {flags} da "
               f"{self.prog(flags, mode, obj)}")
        delete = f"filter del {self.target} prio 1 handle {handle} bpf"
        return [add, delete] * pairs


@contextlib.contextmanager
def veth_rig(obj: str, pin_dir: Path) -> Iterator[Rig]:
    """A veth pair in a fresh network namespace, ``v0`` up with an ingress qdisc."""
    ns = f"offload-bench-{os.getpid()}"
    _run(["ip", "netns", "add", ns], "netns")
    try:
        _run(["ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1"], "veth")
        _run(["ip", "-n", ns, "link", "set", "v0", "up"], "veth")
        _run(["tc", "-n", ns, "qdisc", "add", "dev", "v0", "ingress"], "qdisc")
        sw = str(pin_dir / "sw")
        _run(["bpftool", "prog", "load", obj, sw, "type", "classifier"], "bpftool")
        yield Rig(tc=["tc", "-n", ns], target="dev v0 ingress", offload=False, pinned_sw=sw)
    finally:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def _nsim_ports(dev_id: int, count: int) -> list[str]:
    net = NSIM_BUS / "devices" / f"netdevsim{dev_id}" / "net"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        names = sorted(os.listdir(net)) if net.exists() else []
        if len(names) == count:
            return sorted(names, key=lambda n: (len(n), n))
        time.sleep(0.05)
    raise KernelTcError(f"netdevsim{dev_id}: {count} ports did not appear")


@contextlib.contextmanager
def netdevsim_rig(obj: str, pin_dir: Path, ports: int, shared: bool) -> Iterator[Rig]:
    """A netdevsim card in this namespace: ports up, hw-tc-offload on, an ingress qdisc on
    each (one shared block when ``shared``), a device-bound and a plain program pinned."""
    dev_id = 900 + os.getpid() % 1000
    (NSIM_BUS / "new_device").write_text(f"{dev_id} {ports}")
    try:
        names = _nsim_ports(dev_id, ports)
        # few processes: each one costs a lot in a TCG guest that reads binaries over 9p
        _run(["ip", "-batch", "-"], "link", stdin="".join(f"link set {n} up\n" for n in names))
        for n in names:
            _run(["ethtool", "-K", n, "hw-tc-offload", "on"], "ethtool")
        block = f"ingress_block {BLOCK} " if shared else ""
        _run(["tc", "-batch", "-"], "qdisc",
             stdin="".join(f"qdisc add dev {n} {block}ingress\n" for n in names))
        sw, hw = str(pin_dir / "sw"), str(pin_dir / "hw")
        _run(["bpftool", "prog", "load", obj, sw, "type", "classifier"], "bpftool")
        _run(["bpftool", "prog", "load", obj, hw, "type", "classifier", "dev", names[0]],
             "bpftool")
        target = f"block {BLOCK}" if shared else f"dev {names[0]} ingress"
        yield Rig(tc=["tc"], target=target, offload=True, pinned_sw=sw, pinned_hw=hw)
    finally:
        with contextlib.suppress(OSError):
            (NSIM_BUS / "del_device").write_text(str(dev_id))


@contextlib.contextmanager
def rig(kind: str, obj: str, ports: int = 1, shared: bool = False) -> Iterator[Rig]:
    with bpffs() as pin_dir:
        if kind == "veth":
            with veth_rig(obj, pin_dir) as r:
                yield r
        else:
            with netdevsim_rig(obj, pin_dir, ports, shared) as r:
                yield r


def pair_rates(r: Rig, obj: str, cases: Sequence[dict[str, Any]],
               repeats: int) -> dict[str, list[float]]:
    """{label: [pairs/s per repeat]}, repeats interleaved across cases."""
    out: dict[str, list[float]] = {c["label"]: [] for c in cases}
    for _ in range(max(1, repeats)):
        for c in cases:
            if c["flags"] == "skip_sw" and not r.offload:
                continue
            lines = r.pair_lines(c["flags"], c["mode"], obj, c["pairs"])
            out[c["label"]].append(c["pairs"] / r.batch(lines))
    return out


def scale_rates(r: Rig, obj: str, sizes: Sequence[int], pairs: int,
                repeats: int) -> dict[str, float]:
    """{block size: pairs/s} for a no-flag add+delete of one more filter (handle 0xffff)
    while the block holds ``size`` other filters (prio 1, handles 1..size)."""
    out: dict[str, float] = {}
    have = 0
    for size in sorted(sizes):
        fill = [f"filter add {r.target} prio 1 handle {h} bpf da {r.prog('', 'pinned', obj)}"
                for h in range(have + 1, size + 1)]
        if fill:
            r.batch(fill)
        have = size
        lines = r.pair_lines("", "pinned", obj, pairs, handle=0xFFFF)
        best = [pairs / r.batch(lines) for _ in range(max(1, repeats))]
        out[str(size)] = sorted(best)[len(best) // 2]
    return out


def run_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Run a JSON spec (see :func:`main`) and return its JSON answer. ``{"specs": [...]}``
    runs several, one after the other, and answers ``{"answers": [...]}``."""
    if "specs" in spec:
        return {"answers": [run_spec(s) for s in spec["specs"]]}
    obj = spec["obj"]
    with rig(spec["kind"], obj, spec.get("ports", 1), spec.get("shared", False)) as r:
        if spec.get("op", "pairs") == "scale":
            return {"scale": scale_rates(r, obj, spec["sizes"], spec["pairs"],
                                         spec.get("repeats", 1))}
        return {"rates": pair_rates(r, obj, spec["cases"], spec.get("repeats", 1))}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench.kernel_tc SPEC.json``: prints the answer as JSON on stdout."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("spec", type=Path)
    args = ap.parse_args(argv)
    try:
        out = run_spec(json.loads(args.spec.read_text()))
    except KernelTcError as exc:
        out = {"error": str(exc)}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
