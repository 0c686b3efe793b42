"""tc commands on the emulator: usage errors, kernel errors, output forms, atomicity."""

from __future__ import annotations

import json

import pytest

from offload.tc.m_action import GACT_USAGE

from .conftest import last, run_lines

VETH = ("ip link add vethA type veth peer name vethB", "tc qdisc add dev vethA ingress")
TALK = "We have an error talking to the kernel\n"


@pytest.mark.parametrize(("cmd", "rc", "err"), [
    ("tc filter add dev vethA ingress prio", 255,
     'Command line is not complete. Try option "help"\n'),
    ("tc filter add dev vethA ingress prio 70000 bpf bytecode '1,6 0 0 0'", 255,
     'Error: argument "70000" is wrong: invalid priority value\n'),
    ("tc filter add dev vethA ingress prio 1 prio 2 bpf", 255,
     'Error: duplicate "priority": "2" is the second value.\n'),
    ("tc filter add dev vethA ingress protocol foo bpf", 255,
     'Error: argument "foo" is wrong: invalid protocol\n'),
    ("tc filter add dev vethA ingress egress bpf", 255,
     'Error: "egress" is duplicate parent ID\n'),
    ("tc filter add dev vethA block 2 bpf", 255,
     'Error: "dev" and "block" are mutually exclusive\n'),
    ("tc filter add dev nosuch ingress bpf bytecode '1,6 0 0 0'", 1,
     'Cannot find device "nosuch"\n'),
    ("tc filter add dev vethA ingress bpf bytecode '2,6 0 0 0'", 1,
     "Parsed program length is less than encoded length parameter!\n"
     "Unable to parse bpf command line\n"),
    ("tc filter add dev vethA ingress bpf frobnicate x", 1,
     'What mode is "frobnicate"?\nUnable to parse bpf command line\n'),
    ("tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0' classid zz", 1,
     'Illegal "classid"\n'),
    ("tc filter add dev vethA ingress handle xyz bpf bytecode '1,6 0 0 0'", 1,
     'Illegal "handle"\n'),
    ("tc filter add dev vethA ingress handle 1", 255,
     'Must specify filter type when using "handle"\n'),
    ("tc filter add dev vethA ingress bpf pinned /sys/fs/bpf/none", 1,
     "Couldn't retrieve pinned program '/sys/fs/bpf/none': No such file or directory\n"
     "Unable to parse bpf command line\n"),
    ("tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0' action frob", 255,
     "Bad action type frob\n" + GACT_USAGE),  # recorded: conformance x11-action-parse
    ("tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0' da verbose", 1, None),
    ("tc filter get dev vethA ingress protocol all pref 1 bpf", 255,
     'Must specify filter "handle"\n'),
    ("tc filter get dev vethA ingress protocol all handle 1 bpf", 255,
     "Must specify filter priority\n"),
    ("tc filter show dev vethA ingress bogus", 255,
     ' What is "bogus"? Try "tc filter help"\n'),
    ("tc -x filter show", 255, 'Option "-x" is unknown, try "tc -help".\n'),
    ("tc frob", 255, 'Object "frob" is unknown, try "tc help".\n'),
    ("tc filter frob", 255, 'Command "frob" is unknown, try "tc filter help".\n'),
    ("tc qdisc add dev vethB clsact ingress_block 3", 1,
     'What is "ingress_block"?\nUsage: ... clsact\n'),
    ("tc qdisc add dev vethB ingress_block 0 clsact", 255,
     'Error: argument "0" is wrong: invalid ingress block index value\n'),
    ("tc qdisc show dev vethA bogus", 255, 'What is "bogus"? Try "tc qdisc help".\n'),
])
def test_usage_errors(cmd: str, rc: int, err: str | None) -> None:
    e = last(*VETH, cmd)
    assert e.rc == rc
    if err is not None:
        assert e.stderr == err
    assert e.stdout == ""


@pytest.mark.parametrize(("cmd", "err"), [
    ("tc filter add dev vethA ingress bpf", "RTNETLINK answers: Invalid argument\n"),
    ("tc filter add dev vethA ingress bpf da", "RTNETLINK answers: Invalid argument\n"),
    ("tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0' skip_sw",
     "RTNETLINK answers: Operation not supported\n"),
    ("tc filter add dev vethA ingress bpf bytecode '1,6 0 0 0' skip_sw skip_hw",
     "RTNETLINK answers: Invalid argument\n"),
    ("tc filter add dev vethA bpf bytecode '1,6 0 0 0'", "Error: Qdisc not classful.\n"),
    ("tc filter add dev vethA ingress chain 4294967295 bpf bytecode '1,6 0 0 0'",
     "Error: Specified chain index exceeds upper limit.\n"),
    ("tc filter add dev vethA ingress bpf bytecode '1,255 0 0 0'",
     "RTNETLINK answers: Invalid argument\n"),
    ("tc filter add dev vethA ingress frobcls", "Error: TC classifier not found.\n"),
])
def test_kernel_errors(cmd: str, err: str) -> None:
    e = last(*VETH, cmd)
    assert (e.rc, e.stdout, e.stderr) == (2, "", err + TALK)


def test_failed_add_changes_nothing() -> None:
    before = last(*VETH, "tc filter add dev vethA ingress pref 3 bpf bytecode '1,6 0 0 1'",
                  "tc filter show dev vethA ingress")
    out = run_lines(*VETH, "tc filter add dev vethA ingress pref 3 bpf bytecode '1,6 0 0 1'",
                    "tc filter add dev vethA ingress pref 3 handle 1 bpf bytecode '1,6 0 0 2'",
                    "tc filter add dev vethA ingress pref 3 bpf bytecode '2,6 0 0 2'",
                    "tc filter show dev vethA ingress")
    assert out[-3].rc == 2 and "Filter already exists" in out[-3].stderr
    assert out[-2].rc == 1
    assert out[-1].stdout == before.stdout


def test_get_prints_parent_and_bytecode() -> None:
    e = last(*VETH, "tc filter add dev vethA parent ffff: handle 1 protocol ip prio 100 bpf "
                    "bytecode '4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0'",
             "tc filter get dev vethA parent ffff: handle 1 protocol ip prio 100 bpf")
    assert e.stdout == ("filter parent ffff: protocol ip pref 100 bpf chain 0 handle 0x1 "
                        "not_in_hw bytecode '4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0'\n")


def test_show_prio_and_json_actions() -> None:
    lines = (*VETH, "tc filter add dev vethA ingress pref 7 handle 9 bpf bytecode "
                    "'1,6 0 0 4,' classid 1:9 action gact drop")
    text = last(*lines, "tc filter show dev vethA ingress pref 7").stdout
    assert text.startswith("filter protocol all bpf chain 0 \n")
    data = json.loads(last(*lines, "tc -j filter show dev vethA ingress").stdout)
    opts = data[1]["options"]
    assert opts["flowid"] == "1:9" and opts["bytecode"]["insns"][0]["k"] == 4
    assert opts["actions"][0]["control_action"] == {"type": "drop"}
    stats = last(*lines, "tc -s filter show dev vethA ingress").stdout
    assert "\tAction statistics:\n\tSent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0) " \
        "\n\tbacklog 0b 0p requeues 0\n\n" in stats


def test_shared_block_show_and_qdisc_forms() -> None:
    lines = (*VETH[:1], "tc qdisc add dev vethA ingress_block 3 egress_block 4 clsact",
             "tc filter add block 3 pref 1 bpf bytecode '1,6 0 0 0,'")
    assert last(*lines, "tc qdisc show dev vethA").stdout == \
        "qdisc clsact ffff: parent ffff:fff1 ingress_block 3 egress_block 4 \n"
    assert json.loads(last(*lines, "tc -j qdisc show dev vethA").stdout) == [
        {"kind": "clsact", "handle": "ffff:", "parent": "ffff:fff1", "ingress_block": 3,
         "egress_block": 4, "options": {}}]
    assert last(*lines, "tc filter show block 3").stdout == (
        "filter protocol all pref 1 bpf chain 0 \n"
        "filter protocol all pref 1 bpf chain 0 handle 0x1 not_in_hw bytecode '1,6 0 0 0'\n")
    via_dev = last(*lines, "tc filter show dev vethA ingress").stdout
    assert via_dev.startswith("filter block 3 protocol all pref 1 bpf chain 0 \n")
    assert last(*lines, "tc filter show block 4").stdout == ""
    assert last(*lines, "tc -j filter show block 4").stdout == "[]\n"


def test_qdisc_show_all_devices_and_stats() -> None:
    out = last("ip link add a type veth peer name b", "ip link set a up",
               "tc qdisc add dev a ingress", "tc -s qdisc show").stdout
    # a fresh namespace's lo is down: no root qdisc (recorded: conformance x10-fresh-netns)
    assert out == ("qdisc noqueue 0: dev a root refcnt 2 \n"
                   " Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0) \n"
                   " backlog 0b 0p requeues 0\n"
                   "qdisc ingress ffff: dev a parent ffff:fff1 ---------------- \n"
                   " Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0) \n"
                   " backlog 0b 0p requeues 0\n")


def test_qdisc_delete_root_refused() -> None:
    e = last("ip link add a type veth peer name b", "tc qdisc del dev a root")
    assert (e.rc, e.stderr) == (2, "Error: Cannot delete qdisc with handle of zero.\n")


def test_flush_and_chain_filter() -> None:
    out = run_lines(*VETH, "tc filter add dev vethA ingress chain 2 pref 4 bpf bytecode "
                           "'1,6 0 0 0,'",
                    "tc filter show dev vethA ingress chain 2",
                    "tc filter del dev vethA ingress",
                    "tc filter show dev vethA ingress",
                    "tc filter del dev vethA ingress chain 2",
                    "tc filter show dev vethA ingress")
    assert out[-5].stdout == ("filter protocol all pref 4 bpf \n"
                              "filter protocol all pref 4 bpf handle 0x1 not_in_hw "
                              "bytecode '1,6 0 0 0'\n")
    # a flush without "chain" empties chain 0 only (tc_del_tfilter → tcf_chain_flush)
    assert "chain 2 handle 0x1" in out[-3].stdout
    assert out[-1].stdout == "" and out[-2].rc == 0
