"""Whatever ends an ``offload exec`` run, nothing is left: no process CMD started (even one
that left its session), no mount (the namespace is gone), no socket or temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.exec.conftest import PROJECT

pytestmark = pytest.mark.usefixtures("sandbox_ok")

#: CMD: leaves two sleepers (one in its own session), says which namespace it is in.
RIG = """
sleep 1000 & echo $! > {d}/pid1
setsid -f sh -c 'echo $$ > {d}/pid2; exec sleep 1000'
readlink /proc/self/ns/mnt > {d}/ns
while [ ! -s {d}/pid2 ]; do sleep 0.01; done
echo up > {d}/ready
{end}
"""


_OURS = ("fuse", "offload", "overlay", " /sys/bus", " /sys/kernel/debug", " /sys/fs/bpf",
         " /usr/bin", " /usr/sbin", "tmpfs /sys")


def _host_mounts() -> list[str]:
    """This namespace's mounts of the kinds and at the places the sandbox mounts (other
    tests running beside these may mount elsewhere, e.g. /run/netns)."""
    lines = Path("/proc/self/mountinfo").read_text().splitlines()
    return sorted(line for line in lines if any(k in line for k in _OURS))


def _holders(ns: str) -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if os.readlink(p / "ns" / "mnt") == ns:
                    out.append(int(p.name))
            except OSError:
                pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(tmp: Path, end: str) -> subprocess.Popen[str]:
    env = dict(os.environ, TMPDIR=str(tmp))
    return subprocess.Popen([sys.executable, "-m", "offload.cli", "exec", "--", "bash", "-c",
                             RIG.format(d=tmp / "state", end=end)],
                            cwd=PROJECT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_ready(tmp: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not (tmp / "state" / "ready").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the rig did not start"
        time.sleep(0.02)


def _check_nothing_left(tmp: Path, before: list[str]) -> None:
    state = tmp / "state"
    pids = [int((state / f).read_text()) for f in ("pid1", "pid2")]
    ns = (state / "ns").read_text().strip()
    deadline = time.monotonic() + 5
    while (any(_alive(p) for p in pids) or _holders(ns)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if _alive(p)], "a process of CMD survived"
    assert _holders(ns) == [], "the sandbox's mount namespace is still held"
    assert ns != os.readlink("/proc/self/ns/mnt")
    assert _host_mounts() == before
    assert sorted(p.name for p in tmp.iterdir()) == ["state"], "a temporary file was left"


@pytest.fixture
def area(tmpdir_short: Path) -> Path:
    (tmpdir_short / "state").mkdir()
    return tmpdir_short


@pytest.mark.parametrize("end,status", [("exit 3", 3), ("kill -9 $$", 128 + 9)])
def test_cmd_ends(area: Path, end: str, status: int) -> None:
    before = _host_mounts()
    proc = _start(area, end)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    _check_nothing_left(area, before)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_offload_exec_gets_a_signal(area: Path, sig: int) -> None:
    before = _host_mounts()
    proc = _start(area, "sleep 1000")
    _wait_ready(area, proc)
    # the mounts are there for CMD, not for us
    assert _host_mounts() == before
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, err
    assert "Traceback" not in err
    _check_nothing_left(area, before)


def test_mounts_are_only_in_the_sandbox(area: Path) -> None:
    before = _host_mounts()
    proc = _start(area, "grep -c ' /sys/bus/netdevsim ' /proc/self/mountinfo > {d}/seen.t; "
                  "mv {d}/seen.t {d}/seen; sleep 1000".format(d=area / "state"))
    _wait_ready(area, proc)
    deadline = time.monotonic() + 10
    while not (area / "state" / "seen").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (area / "state" / "seen").read_text().strip() == "1"
    assert not Path("/sys/bus/netdevsim").exists() or _host_mounts() == before
    assert _host_mounts() == before
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    _check_nothing_left(area, before)


def test_after_offload_exec_is_killed_the_next_run_cleans_up(area: Path) -> None:
    """SIGKILL gives offload exec no chance: CMD dies with it (PDEATHSIG); what CMD started
    may outlive it, in the dead run's namespace, until the next run kills it and removes the
    folder left behind."""
    before = _host_mounts()
    proc = _start(area, "sleep 1000")
    _wait_ready(area, proc)
    ns = (area / "state" / "ns").read_text().strip()
    proc.kill()
    proc.wait(timeout=60)
    left = [p.name for p in area.iterdir() if p.name != "state"]
    assert len(left) == 1 and left[0].startswith(f"offload-exec-{proc.pid}-")
    r = subprocess.run([sys.executable, "-m", "offload.cli", "exec", "-q", "--", "true"],
                       cwd=PROJECT, env=dict(os.environ, TMPDIR=str(area)), timeout=60,
                       capture_output=True)
    assert r.returncode == 0
    proc.communicate(timeout=60)  # its pipes close once the leftovers are gone
    _check_nothing_left(area, before)
    assert _holders(ns) == []
