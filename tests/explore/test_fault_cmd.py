"""The ``fault`` command and the bus-level shim that numbers and injects faults."""

from __future__ import annotations

import pytest

from hwsim.faults import KINDS
from offload.explore import ExploreConfig, run_commands
from offload.fault_cmd import FaultSyntaxError, fault_line_text, parse_fault
from tests.explore.conftest import ONE_PORT, script


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("action", ["errno", "raise", "reset"])
def test_line_text_round_trips(kind: str, action: str) -> None:
    text = fault_line_text("eth0", kind, 3, errno="EBUSY", action=action, during="rollback")
    line = parse_fault(text.split()[1:])
    assert line.action == "rule" and line.dev == "eth0"
    rule = line.rule
    assert rule is not None
    assert (rule.kind, rule.nth, rule.action, rule.during) == (kind, 3, action, "rollback")
    if action == "errno":
        assert rule.errno == 16


@pytest.mark.parametrize("words", [[], ["eth0"], ["eth0", "bogus"], ["eth0", "add", "nth"],
                                   ["eth0", "add", "errno", "ENOTANERRNO"],
                                   ["eth0", "add", "nth", "0"], ["eth0", "add", "during", "x"]])
def test_bad_lines_are_refused(words: list[str]) -> None:
    with pytest.raises(FaultSyntaxError):
        parse_fault(words)


def test_clear_and_reset_now_parse() -> None:
    assert parse_fault(["clear"]).action == "clear"
    line = parse_fault(["all", "reset", "now"])
    assert (line.action, line.dev) == ("reset-now", None)


def test_trace_numbers_invocations_per_device_deterministically() -> None:
    a = run_commands(script(ONE_PORT), ExploreConfig()).trace.invocations
    b = run_commands(script(ONE_PORT), ExploreConfig()).trace.invocations
    assert a == b
    assert [(i.dev, i.nth, i.kind) for i in a] == [
        ("eth0", 1, "bind"), ("eth0", 2, "add"), ("eth0", 3, "remove")]


def test_fault_line_after_bind_still_fires() -> None:
    """A rule added once the callback is bound applies to it (the shim wraps bound
    callbacks when it is installed)."""
    lines = ONE_PORT.splitlines()
    lines.insert(4, "fault eth0 add nth 1 errno EBUSY")
    run = run_commands(script("\n".join(lines)), ExploreConfig())
    add = run.steps[5]
    assert add.entry.rc == 2 and "busy" in add.entry.stderr.lower()
