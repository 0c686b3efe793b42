"""offload.testing.OffloadStateMachine finds the example plugin's bug and passes correct
drivers (the example plugin is installed by `make test` and found by entry point)."""

from __future__ import annotations

import pytest

from core.driver import discover_drivers
from offload.testing import OffloadStateMachine, OffloadViolation, prog_path

pytestmark = pytest.mark.skipif(
    "buggynic" not in discover_drivers(),
    reason="examples/buggy_driver is not installed (pip install -e examples/buggy_driver)")


def _run(machine: type[OffloadStateMachine], examples: int = 150) -> None:
    case = machine.test_case(max_examples=examples, steps=25, database=None,
                             derandomize=True, print_blob=False)
    case("runTest").runTest()


class BuggyMachine(OffloadStateMachine):
    driver = "buggynic"


class FixedMachine(OffloadStateMachine):
    driver = "buggynic-fixed"


class FixedSharedDriverMachine(OffloadStateMachine):
    driver = "buggynic-fixed"
    profile = "v5.2"
    ports = 3


class SimNicMachine(OffloadStateMachine):
    driver = "simnic"


class NetdevsimProfileMachine(OffloadStateMachine):
    driver = "simnic"
    nic_profile = "netdevsim"


def test_state_machine_finds_the_error_path_bug_and_blames_the_driver():
    with pytest.raises(OffloadViolation) as ei:
        _run(BuggyMachine)
    violations = ei.value.violations
    assert {v.blame for v in violations} == {"driver"}
    contract = [v for v in violations if v.invariant == "driver-contract"]
    assert contract and "refused with -ENOSPC (-28) but changed what it holds" in \
        contract[0].detail
    text = str(ei.value)
    # shrunk: a bind and the three adds that overflow the two slots, at most one step more
    assert text.count("tc filter add") + text.count("tc filter replace") >= 3
    assert max(v.step for v in violations) <= 5
    assert "-ENOSPC" in text


@pytest.mark.parametrize("machine", [FixedMachine, FixedSharedDriverMachine, SimNicMachine,
                                     NetdevsimProfileMachine],
                         ids=["buggynic-fixed", "buggynic-fixed-v5.2-3ports", "simnic",
                              "simnic-netdevsim"])
def test_correct_drivers_pass(machine):
    _run(machine, examples=80)


def test_kernel_blamed_findings_are_recorded_but_do_not_fail_by_default():
    m = NetdevsimProfileMachine()
    names = m.names
    # quirk B(a): eth0 offloads a skip_sw filter on block 7; eth1 holds an XDP program, so
    # its bind fails, and the replayed remove it acknowledges drops the filter's IN_HW.
    m.emu.net.qdisc_add(names[0], "ingress", ingress_block=m.block_index)
    prog = m.emu.load_obj(prog_path("tc_pass"), offload_dev=names[0])
    from core.cls_bpf import ClsBpfOpts
    from core.flags import TCA_BPF_FLAG_ACT_DIRECT, TCA_CLS_FLAGS_SKIP_SW
    from core.net import FilterTarget

    m.emu.net.filter_new(FilterTarget(block_index=m.block_index), kind="bpf", prio=1,
                         opts=ClsBpfOpts(prog=prog, gen_flags=TCA_CLS_FLAGS_SKIP_SW,
                                         bpf_flags=TCA_BPF_FLAG_ACT_DIRECT))
    m.emu.xdp_offload(names[1], m.emu.load_obj(prog_path("tc_pass"), offload_dev=names[1]))
    m._step(f"tc qdisc add dev {names[1]} ingress_block 7 ingress",
            lambda: m.emu.net.qdisc_add(names[1], "ingress", ingress_block=m.block_index))
    assert m.findings, "the failed bind's replay breaks bookkeeping (quirk B)"
    assert {v.blame for v in m.findings} == {"kernel"}
    assert any("quirk B" in v.cause for v in m.findings)

    class Strict(NetdevsimProfileMachine):
        fail_on = ("driver", "kernel")

    s = Strict()
    s.emu = m.emu
    s.checker = m.checker
    with pytest.raises(OffloadViolation):
        s._step(f"tc qdisc del dev {names[1]} ingress", lambda: None)


def test_driver_factory_can_be_a_callable():
    from buggy_nic import make_fixed_driver

    class ByFactory(OffloadStateMachine):
        driver = staticmethod(make_fixed_driver)

    _run(ByFactory, examples=20)


def test_unknown_driver_name_is_a_clear_error():
    class Nope(OffloadStateMachine):
        driver = "no-such-driver"

    from core.driver import DriverPluginError

    with pytest.raises(DriverPluginError, match="no driver plugin named 'no-such-driver'"):
        Nope()
