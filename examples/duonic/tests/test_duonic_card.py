"""How a driver author tests their card with offload (docs/testing.md, "Bring your own
driver"): the plugin_nic fixture, offload_faults, and the state machine.

Run with ``pytest examples/duonic/tests`` once ``pip install -e examples/duonic`` is done.
"""

from __future__ import annotations

import pytest
from hypothesis import Phase

from offload.runner import Session
from offload.testing import OffloadStateMachine, OffloadViolation

SKIP_SW = "bpf skip_sw da bytecode '1,6 0 0 0,'"


@pytest.mark.parametrize("driver", ["duonic", "duonic-fixed"])
def test_two_programs_fit_on_a_port(plugin_nic, offload_emulator, driver):
    nic = plugin_nic(ports=2, driver=driver)
    sh = Session(offload_emulator)
    assert sh.run_text("tc qdisc add dev eth0 ingress").rc == 0
    assert sh.run_text(f"tc filter add dev eth0 ingress prio 1 {SKIP_SW}").rc == 0
    assert sh.run_text(f"tc filter add dev eth0 ingress prio 2 {SKIP_SW}").rc == 0
    third = sh.run_text(f"tc filter add dev eth0 ingress prio 3 {SKIP_SW}")
    assert third.rc == 2 and f"{driver}: all 2 program slots in use" in third.stderr
    assert len(nic.held(0)) == 2
    assert sh.run_text("audit").rc == 0


def test_a_refused_add_leaves_the_port_as_it_was(plugin_nic, offload_emulator,
                                                 offload_faults):
    nic = plugin_nic(ports=1, driver="duonic")
    sh = Session(offload_emulator)
    sh.run_text("tc qdisc add dev eth0 ingress")
    offload_faults.fail("add", errno="EBUSY", port="eth0", nth=1)
    r = sh.run_text(f"tc filter add dev eth0 ingress prio 1 {SKIP_SW}")
    assert r.rc == 2 and "injected fault" in r.stderr
    assert nic.held(0) == [] and sh.run_text("audit").rc == 0


class DuoNicFixed(OffloadStateMachine):
    driver = "duonic-fixed"
    driver_per_port = False  # one driver instance per card, as the emulator makes it
    ports = 2


class DuoNic(OffloadStateMachine):
    driver = "duonic"
    ports = 1  # the bug needs two programs on one port: one port finds it sooner


TestFixedCard = DuoNicFixed.test_case(max_examples=60, derandomize=True, database=None)


def test_the_replace_bug_is_caught():
    case = DuoNic.test_case(max_examples=150, derandomize=True, database=None,
                            print_blob=False, phases=[Phase.generate])  # found, not shrunk
    with pytest.raises(OffloadViolation) as caught:
        case("runTest").runTest()
    assert {v.blame for v in caught.value.violations} == {"driver"}
