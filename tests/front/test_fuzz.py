"""Random command lines: nothing escapes the runner, and no internal error happens."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.report import snapshot
from offload.runner import INTERNAL_ERROR_RC, EmulatorBackend, Session
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


#: Read-only commands whose output, with the offload snapshot, is the emulator's state.
def _observers(session: Session) -> list[Command]:
    emu = session.emu
    cmds = ["tc qdisc show", "ip -d link show", "bpftool prog show", "nic show",
            "tc chain show dev eth0 ingress"]
    for dev in sorted(emu.net.devices):
        for where in ("ingress", "egress"):
            cmds.append(f"tc -s -d filter show dev {dev} {where}")
        cmds.append(f"ethtool -k {dev}")
    for dev_id in sorted(getattr(emu.nsim, "devices", {})):
        base = f"/sys/kernel/debug/netdevsim/netdevsim{dev_id}"
        cmds += [f"cat {base}/bpf_bind_accept {base}/bpf_bind_verifier_accept "
                 f"{base}/bpf_bind_verifier_delay", f"ls {base}/bpf_bound_progs"]
        for port in range(8):
            cmds.append(f"cat {base}/ports/{port}/bpf_tc_accept "
                        f"{base}/ports/{port}/bpf_tc_non_bound_accept "
                        f"{base}/ports/{port}/bpf_offloaded_id")
    return [Command(c, tuple(c.split())) for c in cmds]


def state(session: Session) -> tuple[object, ...]:
    """Everything a command could change, as comparable data: the offload snapshot
    (filters, offload counts, what each port's hardware holds), the pins, the fault plan,
    and what the read-only commands print (devices, qdiscs, programs, knobs)."""
    emu = session.emu
    seen = tuple((c.text, e.rc, e.stdout, e.stderr)
                 for c in _observers(session) for e in [session.execute(c)])
    faults = getattr(emu, "faults", None)
    rules = tuple((r.kind, r.action, r.errno, r.extack, r.port, r.prog_name, r.during, r.nth,
                   r.times) for r in getattr(faults, "rules", ()))  # not their counters
    return (snapshot(emu), tuple(sorted(getattr(emu, "pinned", {}))), rules, seen)


def run_checked(cmds: list[Command], setup: int) -> list[tuple[Command, object]]:
    """Run ``cmds`` on one emulator; after ``setup`` of them, check each command: no
    internal error, a status in 0-255, and a failing one leaves :func:`state` unchanged.
    Returns the (command, entry) pairs run after the setup."""
    session = EmulatorBackend().new_session()
    out = []
    for c in cmds[:setup]:
        session.execute(c)
    for c in cmds[setup:]:
        before = state(session)
        e = session.execute(c)
        assert e.rc != INTERNAL_ERROR_RC, (e.cmd, e.stderr)
        assert 0 <= e.rc <= 255, (e.cmd, e.rc)
        if e.rc != 0:
            assert state(session) == before, f"{e.cmd!r} failed (rc {e.rc}) but changed state"
        out.append((c, e))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=1,
                         max_size=12), min_size=1, max_size=6))
def test_random_commands_never_crash(lines: list[list[str]]) -> None:
    cmds = _setup() + [Command(" ".join(w), tuple(w)) for w in lines if w]
    assert len(run_checked(cmds, len(_setup()))) == len(cmds) - len(_setup())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS[:60]), max_size=14))
def test_tc_words_after_prefix(words: list[str]) -> None:
    argv = ("tc", "filter", "add", "dev", "vethA", "ingress", *words)
    [*_, e] = EmulatorBackend().run([*_setup(), Command(" ".join(argv), argv)])
    assert e.rc != INTERNAL_ERROR_RC, (e.cmd, e.stderr)
