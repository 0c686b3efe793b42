"""Random command lines: nothing escapes the runner, and no internal error happens."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.runner import INTERNAL_ERROR_RC, EmulatorBackend
from offload.script import Command

WORDS = ["tc", "qdisc", "filter", "chain", "add", "del", "delete", "replace", "change", "get",
         "show", "dev", "block", "ingress", "egress", "clsact", "parent", "ffff:", "root",
         "prio", "pref", "handle", "protocol", "all", "ip", "chain", "bpf", "u32", "bytecode",
         "'1,6 0 0 0'", "1,6 0 0 0,", "2,6 0 0 0", "obj", "sec", "pinned", "da", "skip_sw",
         "skip_hw", "classid", "1:1", "action", "gact", "drop", "pass", "verbose", "-s", "-j",
         "-p", "-d", "ingress_block", "egress_block", "0", "1", "7", "0x20", "65536", "-1",
         "4294967296", "vethA", "vethB", "eth0", "nosuch", "ip", "link", "set", "up", "down",
         "ethtool", "-K", "-k", "hw-tc-offload", "on", "off", "bpftool", "prog", "load",
         "cat", "ls", "echo", "/sys/bus/netdevsim/new_device",
         "/sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept", "Y", "N", "", "x"]


def _setup() -> list[Command]:
    return [Command("setup", ("ip", "link", "add", "vethA", "type", "veth", "peer", "name",
                              "vethB")),
            Command("setup", ("echo", "1 1"), redirect="/sys/bus/netdevsim/new_device"),
            Command("setup", ("tc", "qdisc", "add", "dev", "vethA", "ingress"))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=1,
                         max_size=12), min_size=1, max_size=6))
def test_random_commands_never_crash(lines: list[list[str]]) -> None:
    cmds = _setup() + [Command(" ".join(w), tuple(w)) for w in lines if w]
    entries = EmulatorBackend().run(cmds)
    assert len(entries) == len(cmds)
    for e in entries:
        assert e.rc != INTERNAL_ERROR_RC, (e.cmd, e.stderr)
        assert 0 <= e.rc <= 255


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS[:60]), max_size=14))
def test_tc_words_after_prefix(words: list[str]) -> None:
    argv = ("tc", "filter", "add", "dev", "vethA", "ingress", *words)
    [*_, e] = EmulatorBackend().run([*_setup(), Command(" ".join(argv), argv)])
    assert e.rc != INTERNAL_ERROR_RC, (e.cmd, e.stderr)
