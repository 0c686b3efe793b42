"""A run stopped by a signal cleans up like a normal exit: no namespace, process, mount or
temporary folder left; the lines that ran are printed; the exit status is 128 + signal."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest

from tests.security.conftest import netns_names, not_others
from tests.security.killing import (
    alive,
    cmdline,
    descendants,
    mounts,
    start_run,
    stop,
    wait_for,
)


def _cpu_seconds(pid: int) -> float:
    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def test_emulator_run_stopped_by_sigterm_prints_what_ran(tmp_path: Path) -> None:
    script = tmp_path / "long.sh"
    script.write_text("ip link add vethA type veth peer name vethB\n"
                      + "tc qdisc show dev vethA\n" * 300_000)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = start_run(script, "emulator", tmpdir=tmp)
    wait_for(lambda: _cpu_seconds(proc.pid) > 4.0, proc, "the run got going")
    rc, out, err = stop(proc)
    assert rc == 128 + signal.SIGTERM, err
    m = re.search(r"stopped by SIGTERM after (\d+) of 300001 lines; cleaned up", err)
    assert m, err
    assert out.count("$ ") == int(m.group(1))
    assert list(tmp.iterdir()) == []


@pytest.mark.kernel
@pytest.mark.usefixtures("kernel_ok")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_kernel_run_stopped_by_a_signal_leaves_nothing(tmp_path: Path, sig: int) -> None:
    """The namespace, the bpffs holder and the tool running at the time all go."""
    script = tmp_path / "long.sh"
    script.write_text("bpftool prog load /nonexistent.o /sys/fs/bpf/x\n"
                      + "ip link show lo\n" * 5000)
    ns_before, mounts_before = netns_names(), mounts()
    proc = start_run(script, "kernel")
    mine = f"offload-{proc.pid}-"
    wait_for(lambda: any(n.startswith(mine) for n in netns_names()), proc, "its namespace")
    # a tool of line 2 or later running: line 1 is done
    wait_for(lambda: any("ip link show" in cmdline(k) for k in descendants(proc.pid)), proc,
             "its tools")
    kids = descendants(proc.pid)
    assert any("sleep" in cmdline(k) for k in kids)  # the private bpffs's holder
    rc, out, err = stop(proc, sig)
    assert rc == 128 + sig, err
    assert f"stopped by {signal.Signals(sig).name}" in err
    assert out.startswith("$ bpftool prog load /nonexistent.o")
    assert not any(n.startswith(mine) for n in netns_names())
    assert not_others(netns_names(), proc.pid) == not_others(ns_before, proc.pid)
    assert [k for k in kids if alive(k)] == []
    assert not_others(mounts(), proc.pid) == not_others(mounts_before, proc.pid)


@pytest.mark.kernel
@pytest.mark.usefixtures("kernel_ok")
def test_kernel_run_killed_hard_takes_its_children_along(tmp_path: Path) -> None:
    """SIGKILL runs no cleanup at all; the children still die with their parent
    (PR_SET_PDEATHSIG). (Its namespace is the one thing left: removed here.)"""
    script = tmp_path / "long.sh"
    script.write_text("ip link show lo\n" * 5000)
    proc = start_run(script, "kernel")
    mine = f"offload-{proc.pid}-"
    wait_for(lambda: any(n.startswith(mine) for n in netns_names()), proc, "its namespace")
    wait_for(lambda: len(descendants(proc.pid)) >= 1, proc, "its children")
    kids = descendants(proc.pid)
    stop(proc, signal.SIGKILL)
    try:
        end = time.monotonic() + 60  # a hang guard: they go as soon as the kernel reaps them
        while any(alive(k) for k in kids) and time.monotonic() < end:
            time.sleep(0.05)
        assert [k for k in kids if alive(k)] == []
    finally:
        import subprocess

        for n in netns_names():
            if n.startswith(mine):
                subprocess.run(["ip", "netns", "del", n], check=False)
