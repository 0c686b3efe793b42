"""The driver boundary (core.boundary): whatever a plugin's hook does, the core completes
the kernel operation, the blame goes to the driver, and the next command works."""

from __future__ import annotations

import pytest

from offload.explore import ExploreConfig, run_commands
from offload.plugins import DriverSpec
from offload.script import parse_script

DRIVER = "tests.plugin.misbehave:make"
BC = "bpf skip_sw da bytecode '1,6 0 0 0,'"
BC2 = "bpf skip_sw da bytecode '1,6 0 0 1,'"
#: Every hook gets a chance to misbehave; the last two lines are "the next command".
SCRIPT = f"""\
nic add 1 ports 2
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 {BC}
tc filter replace dev eth0 ingress prio 1 handle 1 {BC2}
tc filter del dev eth0 ingress prio 1 handle 1 bpf
tc qdisc del dev eth0 ingress
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 2 handle 1 {BC}
tc filter show dev eth0 ingress
audit
"""

HOOKS = [("ndo_setup_tc", "bind"), ("callback", "add"), ("callback", "replace"),
         ("callback", "remove"), ("ndo_set_features", "any"), ("offload_holdings", "any")]
ERRNO_HOOKS = [h for h in HOOKS if h[0] != "offload_holdings"]
RAISES = ["Exception", "KeyboardInterrupt", "SystemExit", "GeneratorExit"]
RETURNS = ["None", "True", "False", "str", "float", "positive", "huge", "below-max-errno",
           "list"]


def _run(hook: str, how: str, when: str, timeout: float | str | None = "default"):
    spec = DriverSpec(DRIVER, (("hook", hook), ("how", how), ("when", when)))
    cmds = parse_script(SCRIPT.splitlines(), {})
    run = run_commands(cmds, ExploreConfig(driver=spec, driver_timeout=timeout))
    return run


def _check(run, expect_error: bool = True) -> None:
    """No escape (every line ran and was transcribed), a driver error recorded and blamed
    on the driver, the audit clean or its finding blamed on the driver, and the lines
    after the misbehaviour work."""
    steps = run.steps
    assert len(steps) == len(SCRIPT.splitlines())
    assert all(s.entry.rc != 70 for s in steps), [s.entry for s in steps if s.entry.rc == 70]
    drivers = [v for s in steps for v in s.new if v.blame == "driver"]
    if expect_error:
        errors = [v for v in drivers if "driver error" in v.detail]
        assert errors, [v for s in steps for v in s.new]
        assert all(v.cause.startswith("badnic") and v.where.startswith("badnic")
                   for v in errors)  # the driver named
    bad = [v for s in steps for v in s.new if v.blame not in ("driver", "kernel")]
    assert not bad
    # the next commands: a fresh filter goes in, the dump and the audit answer
    add, show, audit = steps[-3], steps[-2], steps[-1]
    assert add.entry.rc == 0, add.entry
    assert show.entry.rc == 0 and "pref 2" in show.entry.stdout
    assert audit.entry.rc == 0 or drivers, audit
    assert run.emu.plugin_of("eth0").fired


@pytest.mark.parametrize("kind", RAISES)
@pytest.mark.parametrize(("hook", "when"), HOOKS, ids=[f"{h}-{w}" for h, w in HOOKS])
def test_a_hook_that_raises_is_a_driver_error(hook: str, when: str, kind: str) -> None:
    _check(_run(hook, f"raise:{kind}", when))


@pytest.mark.parametrize("kind", RAISES)
def test_a_raise_without_the_watchdog_thread_is_a_driver_error_too(kind: str) -> None:
    """``--driver-timeout 0``: hooks run on the caller's thread; still contained."""
    _check(_run("callback", f"raise:{kind}", "replace", timeout=None))


@pytest.mark.parametrize("value", RETURNS)
@pytest.mark.parametrize(("hook", "when"), ERRNO_HOOKS, ids=[f"{h}-{w}" for h, w in ERRNO_HOOKS])
def test_a_hook_that_returns_a_non_errno_is_a_driver_error(hook: str, when: str,
                                                           value: str) -> None:
    run = _run(hook, f"return:{value}", when)  # False is a bool, 0.0 a float: not errnos
    _check(run)
    events = [e for e in run.emu.log.events if e.raised]
    assert events and all(-4095 <= e.ret < 0 for e in run.emu.log.events if e.ret)


@pytest.mark.parametrize("value", ["None", "True", "str", "positive", "huge"])
def test_offload_holdings_of_the_wrong_type_is_a_driver_error(value: str) -> None:
    _check(_run("offload_holdings", f"return:{value}", "any"))


@pytest.mark.parametrize(("field", "when"), [("prog", "add"), ("oldprog", "replace"),
                                             ("prog", "replace"), ("command", "add"),
                                             ("common.prio", "add"), ("common.extack", "add")])
def test_a_callback_that_rewrites_its_request_is_a_driver_error(field: str, when: str) -> None:
    run = _run("callback", f"mutate:{field}", when)
    _check(run)
    # recorded as sent: the event shows the program the core asked for
    ev = next(e for e in run.emu.log.events if e.raised)
    assert "rewrote the request" in ev.raised and field in ev.raised
    assert ev.prog is not None


def test_ndo_setup_tc_that_rewrites_its_request_is_a_driver_error() -> None:
    _check(_run("ndo_setup_tc", "mutate:binder_type", "bind"))


@pytest.mark.parametrize(("hook", "when"), HOOKS, ids=[f"{h}-{w}" for h, w in HOOKS])
def test_a_hook_that_overruns_the_watchdog_is_a_driver_error(hook: str, when: str) -> None:
    run = _run(hook, "sleep", when, timeout=0.2)
    _check(run)
    assert any("watchdog" in v.detail for s in run.steps for v in s.new)


def test_the_simulated_nic_is_not_a_driver_error() -> None:
    """The in-tree driver through the same boundary: nothing to report."""
    run = run_commands(parse_script(SCRIPT.splitlines(), {}), ExploreConfig())
    assert not [v for s in run.steps for v in s.new if v.blame == "driver"]
    assert run.steps[-1].entry.rc == 0


def test_ctrl_c_stops_the_run_after_the_core_is_consistent() -> None:
    """A real SIGINT while a plugin's callback runs: the callback is abandoned (a driver
    error), the core finishes the replace and its rollback, and only then does
    ``Session.execute`` raise ``KeyboardInterrupt``; the session still works after."""
    import os
    import signal
    import threading

    from offload.emulator import Emulator
    from offload.runner import Session

    emu = Emulator(driver=DRIVER, driver_opts={"hook": "callback", "how": "sleep",
                                               "when": "replace"})
    s = Session(emu)
    lines = SCRIPT.splitlines()
    for line in lines[:4]:
        assert s.run_text(line).rc == 0
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        s.run_text(lines[4])
    timer.join()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    replace = [e for e in emu.log.events if e.op == "replace"]
    assert replace and replace[0].raised and "Ctrl-C" in replace[0].raised
    assert [e.op for e in emu.log.events][-1] == "rollback"  # the core went on to the end
    show = s.run_text("tc filter show dev eth0 ingress")
    assert show.rc == 0 and "pref 1" in show.stdout
    assert s.run_text("tc filter del dev eth0 ingress prio 1 handle 1 bpf").rc == 0


def test_ctrl_c_under_a_commands_own_handler_reaches_it_after_the_command() -> None:
    """``offload run`` installs its own SIGINT handler (partial transcript, status 130):
    the signal is deferred the same way and then delivered to that handler."""
    import os
    import signal
    import threading

    from offload.emulator import Emulator
    from offload.runner import Session

    class Stop(BaseException):
        pass

    seen: list[int] = []

    def handler(signum: int, frame: object) -> None:
        seen.append(signum)
        raise Stop

    emu = Emulator(driver=DRIVER, driver_opts={"hook": "callback", "how": "sleep",
                                               "when": "replace"})
    s = Session(emu)
    lines = SCRIPT.splitlines()
    for line in lines[:4]:
        s.run_text(line)
    old = signal.signal(signal.SIGINT, handler)
    try:
        timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        with pytest.raises(Stop):
            s.run_text(lines[4])
        timer.join()
        assert signal.getsignal(signal.SIGINT) is handler
    finally:
        signal.signal(signal.SIGINT, old)
    assert seen == [signal.SIGINT]
    assert [e.op for e in emu.log.events][-1] == "rollback"  # the core finished first
    assert s.run_text("tc filter show dev eth0 ingress").rc == 0
