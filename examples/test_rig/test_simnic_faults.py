"""The simulated SmartNIC with injected faults: rollback must leave the hardware clean."""

from __future__ import annotations

import pytest

from offload.api import ksft_eq, ksft_true

pytestmark = pytest.mark.offload_backend("emulator")  # simnic and faults live in the emulator


def test_shared_block_add_rolls_back_when_one_port_fails(simnic, offload_faults, offload_env):
    nic = simnic(ports=2, profile="smartnic")
    for dev in nic.ports:
        offload_env.tc(f"qdisc add dev {dev} ingress_block 1 ingress")
    offload_faults.fail("add", errno="EBUSY", port=nic.ports[1], nth=1)

    # iproute2 cannot load an obj device-bound for a shared block (its ifindex is the block
    # magic: EINVAL), so shared-block filters use classic bytecode, as the kernel tests do.
    r = offload_env.tc("filter add block 1 bpf bytecode '1,6 0 0 0,' skip_sw", fail=False)

    ksft_eq(r.rc, 2)
    ksft_eq([nic.held(0), nic.held(1)], [[], []], "the port that accepted was rolled back")
    ksft_true(nic.emu.audit().ok, str(nic.emu.audit()))
    ksft_eq(len(offload_faults.fired), 1)


@pytest.mark.offload_profile("v5.2")
def test_replace_failing_both_ways_is_reported_on_v52(simnic, offload_faults, offload_env,
                                                      offload_emulator):
    nic = simnic(ports=1)
    dev = nic.ports[0]
    obj = offload_env.prog("tc_pass")
    offload_env.tc(f"qdisc add dev {dev} ingress")
    offload_env.tc(f"filter add dev {dev} ingress prio 1 handle 1 bpf skip_sw da obj {obj} "
                   "sec classifier")
    offload_faults.fail("replace", errno="EIO", port=dev)

    r = offload_env.tc(f"filter replace dev {dev} ingress prio 1 handle 1 bpf skip_sw da "
                       f"obj {obj} sec classifier", fail=False)

    ksft_true(r.rc != 0)
    kinds = [f.kind for f in offload_emulator.log.findings]
    ksft_eq(kinds, ["unbounded-rollback-recursion"], "v5.2 recursion is a finding")
