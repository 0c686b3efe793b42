"""The kernel backend on the host kernel: fresh namespace, real tools, refusals."""

from __future__ import annotations

import os
import subprocess

import pytest

from offload.backends.kernel import KernelBackend
from offload.script import parse_script

pytestmark = pytest.mark.kernel


def run(text: str) -> list:  # type: ignore[type-arg]
    return KernelBackend().run(parse_script(text.splitlines(), {}))


def _backend_netns() -> set[str]:
    """The kernel backend's namespaces of this process (other tests running in parallel
    create and delete their own)."""
    out = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    mine = f"offload-{os.getpid()}-"
    return {line.split()[0] for line in out.splitlines() if line.startswith(mine)}


def test_script_runs_in_a_fresh_netns_that_is_removed(netns: str) -> None:
    before = _backend_netns()
    entries = run("ip link add vethA type veth peer name vethB\n"
                  "tc qdisc add dev vethA ingress\n"
                  "tc filter add dev vethA ingress pref 7 bpf bytecode '1,6 0 0 4,' skip_hw\n"
                  "tc filter show dev vethA ingress\n"
                  "tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0,' skip_sw\n")
    assert [e.rc for e in entries] == [0, 0, 0, 0, 2]
    assert "skip_hw not_in_hw bytecode '1,6 0 0 4'" in entries[3].stdout
    assert entries[4].stderr.startswith("RTNETLINK answers: Operation not supported")
    assert before == _backend_netns() == set()
    host = subprocess.run(["ip", "link", "show", "vethA"], capture_output=True, text=True)
    assert host.returncode != 0  # it lived in the script's namespace only


def test_other_commands_and_paths_are_refused(netns: str) -> None:
    entries = run("rm -rf /tmp/x\n"
                  "cat /etc/passwd\n"
                  "echo 1 > /tmp/owned\n"
                  "echo 1 > /sys/bus/netdevsim/../../../tmp/owned\n"
                  "tc qdisc show > /tmp/out\n")
    assert entries[0].rc == 127 and "not allowed" in entries[0].stderr
    assert entries[1].rc == 1 and entries[1].stdout == ""
    assert all(e.rc == 1 for e in entries[2:])


def test_cat_of_a_missing_netdevsim_file_reads_like_cat(netns: str) -> None:
    [e] = run("cat /sys/kernel/debug/netdevsim/netdevsim99/ports/0/bpf_offloaded_id\n")
    assert e.rc == 1
    assert e.stderr == ("cat: /sys/kernel/debug/netdevsim/netdevsim99/ports/0/"
                        "bpf_offloaded_id: No such file or directory\n")
