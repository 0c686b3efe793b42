"""The netdevsim driver plugin on the emulator's bus: an emulated device whose hardware is a
real netdevsim port in the VM (``drivers.netdevsim.remote``).

One guest port server serves the module (one ``VM.run`` to start it); each test gets a fresh
emulator and the real port reset (one round trip). The server's real filters, programs,
device and namespace are removed at the end of the module, failures included."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from core.cls_bpf import ClsBpfFilter, ClsBpfOpts
from core.errors import TcError
from core.flags import TCA_BPF_FLAG_ACT_DIRECT, TCA_CLS_FLAGS_IN_HW, TCA_CLS_FLAGS_SKIP_SW
from core.net import FilterTarget
from core.netdev import NETIF_F_HW_TC
from core.qdisc import INGRESS_HANDLE, TC_H_MIN_INGRESS
from drivers.netdevsim.remote import RealNetdevsimDriver, attach_real_netdevsim
from hwsim.vm import VM
from offload.emulator import Emulator
from offload.invariants import InvariantChecker

pytestmark = [pytest.mark.vm, pytest.mark.xdist_group("vm")]

INGRESS = FilterTarget(dev="eth0", parent=INGRESS_HANDLE | TC_H_MIN_INGRESS)
MISMATCH = "netdevsim: driver and netdev offload states mismatch"
REJECT_TC = "netdevsim: netdevsim configured to reject BPF TC offload"


def _insns(r0: int) -> bytes:
    """``r0 = R0; exit`` (BPF_ALU64|BPF_MOV|BPF_K, BPF_JMP|BPF_EXIT)."""
    return bytes([0xB7, 0, 0, 0, *r0.to_bytes(4, "little"), 0x95, 0, 0, 0, 0, 0, 0, 0])


@attrs.define
class Rig:
    emu: Emulator
    drv: RealNetdevsimDriver

    def prog(self, name: str, r0: int = 0) -> Any:
        return self.emu.table.load_insns(_insns(r0), name=name)

    def add(self, prog: Any, prio: int = 1, handle: int = 1, *, replace: bool = False,
            target: FilterTarget = INGRESS) -> None:
        """``tc filter add|replace ... prio P handle H bpf skip_sw da``."""
        self.emu.net.filter_new(
            target, kind="bpf", prio=prio, handle=handle, create=True, excl=not replace,
            opts=ClsBpfOpts(prog=prog, gen_flags=TCA_CLS_FLAGS_SKIP_SW,
                            bpf_flags=TCA_BPF_FLAG_ACT_DIRECT))

    def filters(self) -> list[ClsBpfFilter]:
        return [f for _, _, f in self.emu.filters()]

    def assert_audit_ok(self) -> None:
        report = self.emu.audit()
        assert report.ok, str(report)
        assert not report.unaudited


@pytest.fixture(scope="module")
def real_port(vm: VM) -> Iterator[RealNetdevsimDriver]:
    """One guest port server for the module (starting one costs seconds under TCG)."""
    with RealNetdevsimDriver(vm) as drv:
        yield drv
    assert drv.dir is None


@pytest.fixture
def rig(vm: VM, real_port: RealNetdevsimDriver) -> Rig:
    """A fresh emulator whose eth0 is the real port, reset to its state after start."""
    assert real_port.reset()["offloaded_id"] == 0
    emu = Emulator()
    dev = attach_real_netdevsim(emu, vm, driver=real_port)
    assert dev.driver is real_port
    emu.net.qdisc_add("eth0", "clsact")
    return Rig(emu, real_port)


def test_attach_mirrors_the_real_port(rig: Rig) -> None:
    dev = rig.emu.net.dev("eth0")
    assert NETIF_F_HW_TC in dev.features
    assert rig.drv.info["port"] and rig.drv.info["ifindex"] > 0
    assert rig.drv.read_offloaded_id() == 0
    rig.assert_audit_ok()


def test_skip_sw_add_is_in_hw_on_the_real_port(rig: Rig) -> None:
    p = rig.prog("pass")
    rig.add(p)
    [f] = rig.filters()
    assert f.gen_flags & TCA_CLS_FLAGS_IN_HW and f.in_hw_count == 1
    real_id = rig.drv.real_prog_id(p)
    assert real_id and rig.drv.read_offloaded_id() == real_id
    [real] = rig.drv.real_state()["filters"]
    assert real["prog_id"] == real_id and real["in_hw"] and real["skip_sw"]
    assert rig.drv.answers[-1].source == "real" and rig.drv.answers[-1].ret == 0
    rig.assert_audit_ok()

    # a second skip_sw filter: the real driver refuses, the emulator rolls back
    q = rig.prog("drop", 2)
    with pytest.raises(TcError) as exc:
        rig.add(q, prio=2)
    assert exc.value.errno == errno.EBUSY and exc.value.extack == MISMATCH
    assert [f.prog for f in rig.filters()] == [p]
    assert rig.drv.read_offloaded_id() == real_id
    refused, rollback = rig.drv.answers[-2:]
    assert (refused.request, refused.ret, refused.source) == ("add", -errno.EBUSY, "real")
    assert (rollback.request, rollback.source) == ("remove", "echo")
    assert len(rig.drv.real_state()["filters"]) == 1
    rig.assert_audit_ok()


def test_tc_accept_off_gives_the_real_message(rig: Rig) -> None:
    assert rig.drv.write_knob("bpf_tc_accept", False) == "N"
    with pytest.raises(TcError) as exc:
        rig.add(rig.prog("pass"))
    assert exc.value.errno == errno.EOPNOTSUPP and exc.value.extack == REJECT_TC
    assert rig.filters() == []
    assert rig.drv.read_offloaded_id() == 0
    rig.assert_audit_ok()


def test_replace_then_delete(rig: Rig) -> None:
    p, q = rig.prog("pass"), rig.prog("drop", 2)
    rig.add(p)
    rig.add(q, replace=True)
    [f] = rig.filters()
    assert f.prog is q and f.gen_flags & TCA_CLS_FLAGS_IN_HW and f.in_hw_count == 1
    assert rig.drv.read_offloaded_id() == rig.drv.real_prog_id(q) != rig.drv.real_prog_id(p)
    assert [a.request for a in rig.drv.answers] == ["add", "replace"]
    rig.assert_audit_ok()

    rig.emu.net.filter_del(INGRESS, prio=1, handle=1, kind="bpf")
    assert rig.filters() == []
    assert rig.drv.read_offloaded_id() == 0
    assert rig.drv.real_state()["filters"] == []
    assert (rig.drv.answers[-1].request, rig.drv.answers[-1].ret) == ("remove", 0)
    rig.assert_audit_ok()


def test_failed_replace_leaves_what_the_kernel_leaves(rig: Rig) -> None:
    """c14 through the bus: the real replace is refused and rolled back once by the real
    kernel, whose own rollback is refused too; the emulator's filter, like the real one,
    keeps the old program without IN_HW while netdevsim still holds it. The audit, reading
    the real port, reports exactly that state."""
    p, q = rig.prog("pass"), rig.prog("drop", 2)
    rig.add(p)
    rig.drv.write_knob("bpf_tc_accept", "N")
    with pytest.raises(TcError) as exc:
        rig.add(q, replace=True)
    assert exc.value.errno == errno.EOPNOTSUPP and exc.value.extack == REJECT_TC
    [f] = rig.filters()
    [real] = rig.drv.real_state()["filters"]
    assert f.prog is p and real["prog_id"] == rig.drv.real_prog_id(p)
    assert not f.gen_flags & TCA_CLS_FLAGS_IN_HW and not real["in_hw"]
    assert rig.drv.offloaded_id == rig.drv.real_prog_id(p)
    assert rig.drv.answers[-1].source == "echo" and rig.drv.answers[-1].ret == -errno.EOPNOTSUPP
    kinds = {d.kind for d in rig.emu.audit().discrepancies}
    assert kinds == {"held-not-in_hw", "count-mismatch"}
    rig.drv.write_knob("bpf_tc_accept", "Y")


def test_shared_block_rejected_by_the_real_port_rolls_back_everywhere(rig: Rig) -> None:
    emu = rig.emu
    emu.net.qdisc_del("eth0", "clsact")
    nic = emu.add_nic()
    sim = nic.ports[0]
    sim.knobs["bpf_tc_non_bound_accept"].value = True
    emu.net.set_feature(sim.netdev.name, NETIF_F_HW_TC, True)
    # the last bound callback is called first (tcf_block_bind() splices at the head):
    # the simulated port accepts, then the real one refuses
    emu.net.qdisc_add("eth0", "ingress", ingress_block=5)
    emu.net.qdisc_add(sim.netdev.name, "ingress", ingress_block=5)
    rig.drv.write_knob("bpf_tc_accept", False)
    checker = InvariantChecker(emu)
    checker.before_step()
    with pytest.raises(TcError) as exc:
        rig.add(rig.prog("pass"), target=FilterTarget(block_index=5))
    assert exc.value.errno == errno.EOPNOTSUPP and exc.value.extack == REJECT_TC
    assert checker.after_step(failed=True, filter_change=True) == []
    assert rig.filters() == []
    assert sim.hw.slots == []
    assert rig.drv.read_offloaded_id() == 0
    calls = [(e.owner, e.op, e.prog, e.oldprog, e.ret) for e in emu.log.events
             if e.setup_type == "TC_SETUP_CLSBPF"]
    sim_owner = f"netdevsim:{sim.netdev.name}"
    assert calls == [
        (sim_owner, "add", "id 1 pass", None, 0),
        ("netdevsim:eth0", "add", "id 1 pass", None, -errno.EOPNOTSUPP),
        (sim_owner, "rollback", None, "id 1 pass", 0),
        ("netdevsim:eth0", "rollback", None, "id 1 pass", 0),
    ]
    assert rig.drv.answers[-1].source == "echo"
    rig.assert_audit_ok()
