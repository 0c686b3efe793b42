"""The helpers behind the fixtures: ksft checks, defer, faults by errno name, the env."""

from __future__ import annotations

import errno

import pytest

from offload.api import (
    CmdFailed,
    DeferQueue,
    EmulatorEnv,
    Faults,
    KsftFailure,
    ksft_eq,
    ksft_in,
    ksft_raises,
    ksft_re,
    prog_path,
)
from offload.emulator import Emulator
from offload.testing._faults import errno_value


def test_ksft_checks_fail_as_assertion_errors_with_both_values():
    with pytest.raises(AssertionError, match=r"Check failed 1 != 2 — why"):
        ksft_eq(1, 2, "why")
    with pytest.raises(KsftFailure, match="not in"):
        ksft_in("x", "abc")
    ksft_re("Error: netdevsim: x.", r"^Error: netdevsim:")
    with ksft_raises(ValueError) as caught:
        raise ValueError("boom")
    assert str(caught[0]) == "boom"
    with pytest.raises(KsftFailure, match="was not raised"), ksft_raises(ValueError):
        pass


def test_defer_queue_runs_every_cleanup_newest_first_and_collects_errors():
    seen: list[str] = []
    q = DeferQueue()
    q(seen.append, "a")
    q(lambda: (_ for _ in ()).throw(RuntimeError("cleanup broke")))
    q(seen.append, "c")
    errors = q.run_all()
    assert seen == ["c", "a"]
    assert [str(e) for e in errors] == ["cleanup broke"]
    assert q.run_all() == []


def test_errno_names_and_numbers():
    assert errno_value("EBUSY") == errno.EBUSY
    assert errno_value("-ENOSPC") == errno.ENOSPC
    assert errno_value(-errno.EIO) == errno.EIO
    with pytest.raises(ValueError, match="unknown errno"):
        errno_value("ENOTANERRNO")


def test_faults_reach_cards_made_through_new_device_too():
    emu = Emulator()
    env = EmulatorEnv(emu=emu)
    nsim = env.nsim_dev(port_count=1, hw_tc_offload=True)
    faults = Faults(emu.faults, emu)
    dev = nsim.nsims[0].ifname
    nsim.nsims[0].dfs_write("bpf_tc_non_bound_accept", True)
    env.tc(f"qdisc add dev {dev} ingress")
    faults.fail("add", errno="ENOSPC", port=dev, nth=1)
    r = env.tc(f"filter add dev {dev} ingress bpf bytecode '1,6 0 0 0,' skip_sw", fail=False)
    assert r.rc == 2
    assert "injected fault" in r.stderr
    assert len(faults.fired) == 1
    faults.clear()
    env.tc(f"filter add dev {dev} ingress bpf bytecode '1,6 0 0 0,' skip_sw")
    env.close()
    assert emu.nsim.devices == {}


def test_cmd_failed_keeps_the_result():
    env = EmulatorEnv(emu=Emulator())
    with pytest.raises(CmdFailed) as ei:
        env.ip("link set dev nosuch up")
    assert ei.value.result.rc != 0
    assert env.history[-1] is ei.value.result


def test_bundled_programs_by_name():
    assert prog_path("tc_pass").endswith("offload/progs/tc_pass.o")
    with pytest.raises(FileNotFoundError, match=r"bundled:.*tc_pass"):
        prog_path("nope")
