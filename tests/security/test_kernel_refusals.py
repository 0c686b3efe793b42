"""The issue's reproducers on the real kernel backend, as root, each in the backend's own
namespace: every one is refused (rc 127, the policy's message), nothing of the host changes
(canary files, the namespace list, the mount table, the host's bpffs), no secret is shown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from offload.backends.kernel import KernelBackend
from offload.script import parse_script
from tests.security.conftest import Canaries, netns_names, not_others

pytestmark = [pytest.mark.kernel, pytest.mark.usefixtures("kernel_ok")]
ROOT = Path(__file__).resolve().parents[2]


def _mounts() -> list[str]:
    return not_others(Path("/proc/self/mounts").read_text().splitlines(), os.getpid())


def _host_bpffs() -> list[str]:
    try:
        return sorted(os.listdir("/sys/fs/bpf"))
    except OSError:
        return []


def _run(text: str, env: dict[str, str] | None = None, **kw: object) -> list:  # type: ignore[type-arg]
    return KernelBackend(**kw).run(parse_script(text.split("\n"), env or {}))  # type: ignore[arg-type]


def test_reproducers_are_refused_and_the_host_is_untouched(canaries: Canaries) -> None:
    s, p, d = canaries.secret, canaries.public, canaries.root
    owned = d / "owned"
    lines = [
        "ip netns add x",
        f"ip netns exec x sh -c 'echo pwned > {owned}'",
        f"tc -batch {s}",
        f"ip -batch {s}",
        "tc -n x qdisc show",
        "ip -n x link show",
        "ip netns attach NAME 1",
        "ip link set lo netns 1",
        f"bpftool prog dump jited id 1 file {owned}",
        "bpftool map update id 1 key 0 0 0 0 value 0 0 0 0",
        "bpftool cgroup attach /sys/fs/cgroup ingress id 1",
        "bpftool net attach xdp id 1 dev lo",
        f"bpftool prog pin id 1 {owned}",
        f"tc filter add dev lo ingress bpf bytecode-file {s}",
        "tc filter add dev lo ingress bpf bytecode-file /dev/zero",
        f"tc exec bpf imp {owned} run /bin/sh",
        f"bpftool prog load {p} /sys/fs/bpf/../../..{d}/pin",
    ]
    before = (not_others(netns_names(), os.getpid()), _mounts(), _host_bpffs())
    entries = _run("\n".join(lines))
    assert [e.rc for e in entries] == [127] * len(lines)
    for e in entries:
        assert e.stderr.endswith(" is not allowed on the kernel backend\n"), e
        assert "SECRET" not in e.stdout + e.stderr
    assert canaries.unchanged()
    assert not owned.exists()
    assert (not_others(netns_names(), os.getpid()), _mounts(), _host_bpffs()) == before


def test_symlinks_out_of_netdevsim_are_followed_before_the_check(canaries: Canaries,
                                                                   tmp_path: Path) -> None:
    """A write through a path that is lexically under /sys/bus/netdevsim but resolves
    elsewhere is refused; a device this run did not create and that does not exist gets
    the kernel's ENOENT as a shell shows it, and nothing is written (someone else's existing
    device is refused: tests/vm/test_security.py, where netdevsim is loaded)."""
    link = tmp_path / "link"
    link.symlink_to(canaries.public)
    lines = [
        f"echo 1 > /sys/bus/netdevsim/../../..{canaries.public}",
        f"echo 1 > {link}",
        "echo 1 > /sys/bus/netdevsim/devices/../../../class/net/lo/mtu",
        "echo 1 > /sys/kernel/debug/netdevsim/netdevsim77/ports/0/bpf_tc_accept",
        "echo 77 > /sys/bus/netdevsim/del_device",
        f"cat /sys/bus/netdevsim/../../..{canaries.secret}",
    ]
    entries = _run("\n".join(lines))
    assert [e.rc for e in entries] == [1] * len(lines)
    gone = {3: "sh: /sys/kernel/debug/netdevsim/netdevsim77/ports/0/bpf_tc_accept: No such "
               "file or directory\n",
            4: "sh: echo: write error: No such file or directory\n"}
    for i, e in enumerate(entries):
        assert e.stderr == gone[i] if i in gone else "only allowed" in e.stderr, e
    assert "SECRET" not in "".join(e.stdout + e.stderr for e in entries)
    assert canaries.unchanged()


def test_set_path_does_not_reach_the_tools(canaries: Canaries, tmp_path: Path) -> None:
    """``--set PATH=DIR`` only substitutes ``$PATH`` in lines: a fake ``tc`` in DIR never
    runs (the real one, from a system folder, does)."""
    fake_dir = tmp_path / "bin"
    fake_dir.mkdir()
    owned = canaries.root / "owned"
    for tool in ("tc", "ip", "bpftool", "ethtool"):
        f = fake_dir / tool
        f.write_text(f"#!/bin/sh\necho pwned > {owned}\n")
        f.chmod(0o755)
    script = tmp_path / "s.sh"
    script.write_text("tc qdisc show\nip link show\nbpftool prog show id 1\nethtool -k lo\n")
    p = subprocess.run([sys.executable, "-m", "offload.cli", "run", "--backend", "kernel",
                        "--set", f"PATH={fake_dir}", "--set", f"LD_PRELOAD={fake_dir}/x.so",
                        str(script)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "$ ip link show\n1: lo:" in p.stdout
    assert not owned.exists()
    assert canaries.unchanged()


def test_pins_go_to_a_private_bpffs_that_vanishes(tmp_path: Path) -> None:
    """A pin made by a script lives in the run's own bpffs: the same path pinned twice is
    bpftool's EEXIST, the host's /sys/fs/bpf never sees it, and it is gone afterwards."""
    from tests.progs import conformance_progs

    progs = conformance_progs()
    if progs is None:
        pytest.skip("clang cannot build the conformance programs here")
    before = (_host_bpffs(), _mounts())
    entries = _run("bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-sec-pin\n"
                   "bpftool prog show pinned /sys/fs/bpf/offload-sec-pin\n"
                   "bpftool prog load $PROGS/tc_pass.o /sys/fs/bpf/offload-sec-pin",
                   {"PROGS": str(progs)}, read_roots=(str(progs),))
    assert [e.rc for e in entries] == [0, 0, 255], entries
    assert "name tc_pass" in entries[1].stdout
    assert entries[2].stderr.startswith("Error: failed to pin program classifier\n")
    assert (_host_bpffs(), _mounts()) == before
    again = _run("bpftool prog show pinned /sys/fs/bpf/offload-sec-pin")
    assert again[0].rc == 255  # a new run has a new, empty bpffs


def test_a_refused_line_does_not_stop_the_script() -> None:
    entries = _run("ip netns add x\nip link show lo\n")
    assert [e.rc for e in entries] == [127, 0]
    assert entries[1].stdout.startswith("1: lo:")
