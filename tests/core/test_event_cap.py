"""A bounded event log for long-lived sessions (issue 15): the shell keeps the most recent
events and steps, run/explore/reports keep everything."""

from __future__ import annotations

import io

from core.events import EventLog
from offload.runner import EmulatorBackend, Session


def _ev(log: EventLog) -> None:
    log.record(owner="d", setup_type="t", command="c", prog=None, oldprog=None, chain=None,
               prio=None, protocol=None, ret=0, extack=None, raised=None)


def test_capped_log_keeps_the_newest_and_counts_on():
    log = EventLog(cap=3)
    for i in range(20):
        log.begin_step(f"cmd {i}")
        _ev(log)
        assert 3 <= len(log.events) <= 6 or i < 3
        assert 3 <= len(log.steps) <= 6 or i < 3
    assert log.step == 20 and log.recorded == 20
    assert [e.seq for e in log.events] == list(range(21 - len(log.events), 21))
    assert log.events[-1].step == 20 and log.steps[-1].text == "cmd 19"
    assert log.dropped_events + len(log.events) == 20
    assert [e.seq for e in log.events_since(18)] == [19, 20]
    assert log.events_since(0) == log.events


def test_uncapped_log_keeps_everything():
    log = EventLog()
    for i in range(50):
        log.begin_step(str(i))
        _ev(log)
    assert len(log.events) == 50 and len(log.steps) == 50 and log.dropped_events == 0


def _stats_session(cap):
    s = EmulatorBackend().new_session(event_cap=cap)
    for line in ("echo '1 1' > /sys/bus/netdevsim/new_device",
                 "ethtool -K eth0 hw-tc-offload on", "tc qdisc add dev eth0 clsact",
                 "tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 0,'"):
        assert s.run_text(line).rc == 0
    return s


def test_session_cap_bounds_a_long_run_with_the_same_answers():
    capped, full = _stats_session(8), _stats_session(None)
    for _ in range(100):
        a = capped.run_text("tc -s filter show dev eth0 ingress")
        b = full.run_text("tc -s filter show dev eth0 ingress")
        assert (a.rc, a.stdout, a.stderr) == (b.rc, b.stdout, b.stderr)
    assert len(capped.emu.log.events) <= 16 and len(capped.emu.log.steps) <= 16
    assert len(full.emu.log.steps) == 104
    assert capped.emu.log.step == full.emu.log.step == 104


def test_shell_session_is_capped(monkeypatch):
    from offload import shell

    made = []
    real = EmulatorBackend.new_session

    def spy(self, event_cap=None):
        s = real(self, event_cap=event_cap)
        made.append(s)
        return s

    monkeypatch.setattr(EmulatorBackend, "new_session", spy)
    out = io.StringIO()
    shell.run_shell("v6.1", {}, stdin=io.StringIO("tc qdisc show\n"), stdout=out,
                    stderr=io.StringIO())
    assert made and made[0].emu.log.cap == Session.LONG_LIVED_EVENT_CAP
