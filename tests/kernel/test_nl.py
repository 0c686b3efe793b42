"""The tc netlink client against the host kernel: every attribute really reaches it.

Each attribute is checked twice: in our own dump parsing and in iproute2's independent
rendering (``tc -j filter show``), so a silently dropped attribute cannot hide."""

from __future__ import annotations

import errno
import json
import subprocess

import pytest

from drivers.netdevsim.nl import (
    ETH_P_ALL,
    ETH_P_IP,
    TCA_CLS_FLAGS_NOT_IN_HW,
    TCA_CLS_FLAGS_SKIP_HW,
    Block,
    TcClient,
    TcError,
)
from hwsim.kbpf import prog_info

pytestmark = pytest.mark.kernel


def tc_json(netns: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    out = subprocess.run(["tc", "-n", netns, "-j", *args], capture_output=True, text=True,
                         check=True).stdout
    return [e for e in json.loads(out or "[]") if "options" in e]


def test_attributes_round_trip(netns: str, prog_fd: int) -> None:
    info = prog_info(prog_fd)
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "clsact")
        tc.filter_add("va", fd=prog_fd, name="myprog", prio=3, handle=7, da=True,
                      classid=0x10005, skip_hw=True, chain=2, protocol=ETH_P_IP)
        [f] = tc.filters("va", chain=2)
    assert (f.prio, f.handle, f.chain, f.protocol) == (3, 7, 2, ETH_P_IP)
    assert f.name == "myprog" and f.classid == 0x10005 and f.direct_action
    assert f.gen_flags == TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_NOT_IN_HW
    assert f.prog_id == info.id and f.tag == info.tag.hex()
    [j] = tc_json(netns, "filter", "show", "dev", "va", "ingress", "chain", "2")
    o = j["options"]
    assert (j["pref"], j["protocol"], o["handle"], o["flowid"]) == (3, "ip", "0x7", "1:5")
    assert o["bpf_name"] == "myprog" and o["direct-action"] and o["skip_hw"] and o["not_in_hw"]
    assert o["prog"]["id"] == info.id


def test_software_filter_without_flags(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "ingress")
        tc.filter_add("va", fd=prog_fd, prio=1)
        [f] = tc.filters("va")
    assert f.chain == 0 and f.protocol == ETH_P_ALL and not f.direct_action
    assert f.not_in_hw and not f.skip_hw and not f.skip_sw and f.name is None


def test_skip_sw_on_veth_is_eopnotsupp_without_extack(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "ingress")
        with pytest.raises(TcError) as ei:
            tc.filter_add("va", fd=prog_fd, prio=1, skip_sw=True)
    assert ei.value.errno == errno.EOPNOTSUPP and ei.value.extack == ""
    assert str(ei.value) == "RTNETLINK answers: Operation not supported"


def test_invalid_gen_flags_are_einval(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "ingress")
        for flags in (3, 4, 8, 16):  # skip_sw|skip_hw, IN_HW, NOT_IN_HW, VERBOSE
            with pytest.raises(TcError) as ei:
                tc.filter_add("va", fd=prog_fd, prio=1, gen_flags=flags)
            assert ei.value.errno == errno.EINVAL


def test_extack_reaches_us(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "ingress")
        tc.filter_add("va", fd=prog_fd, prio=1, handle=1)
        with pytest.raises(TcError) as ei:
            tc.filter_add("va", fd=prog_fd, prio=1, handle=1)
    assert ei.value.errno == errno.EEXIST
    assert str(ei.value) == "Error: Filter already exists."


def test_replace_delete_and_flush(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "ingress")
        tc.filter_add("va", fd=prog_fd, prio=1, handle=1, name="a")
        tc.filter_add("va", fd=prog_fd, prio=1, handle=1, name="b", replace=True)
        assert [f.name for f in tc.filters("va")] == ["b"]
        with pytest.raises(TcError) as ei:  # replace may not change skip flags
            tc.filter_add("va", fd=prog_fd, prio=1, handle=1, skip_hw=True, replace=True)
        assert ei.value.errno == errno.EINVAL
        tc.filter_add("va", fd=prog_fd, prio=2, handle=5)
        tc.filter_del("va", prio=1, handle=1)
        assert [(f.prio, f.handle) for f in tc.filters("va")] == [(2, 5)]
        tc.filter_del("va")
        assert tc.filters("va") == []


def test_shared_block_and_egress(netns: str, prog_fd: int) -> None:
    with TcClient(netns) as tc:
        tc.qdisc_add("va", "clsact", ingress_block=21, egress_block=22)
        tc.qdisc_add("vb", "ingress", ingress_block=21)
        tc.filter_add(Block(21), fd=prog_fd, prio=1, name="shared")
        tc.filter_add(Block(22), fd=prog_fd, prio=2, name="out")
        assert [f.name for f in tc.filters(Block(21))] == ["shared"]
        assert [f.name for f in tc.filters(Block(22))] == ["out"]
        with pytest.raises(TcError) as ei:
            tc.filter_add("va", fd=prog_fd, prio=3)
        assert ei.value.errno == errno.EOPNOTSUPP
        assert "This filter block is shared" in ei.value.extack
        with pytest.raises(TcError) as ei:
            tc.filter_add(Block(99), fd=prog_fd, prio=3)
        assert ei.value.extack == "Block of given index was not found"
    qd = subprocess.run(["tc", "-n", netns, "qdisc", "show", "dev", "va"], capture_output=True,
                        text=True, check=True).stdout
    assert "ingress_block 21" in qd and "egress_block 22" in qd
