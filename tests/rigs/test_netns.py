"""Network namespaces through the Session API the sandbox uses (execute_in, has_netns,
in_netns) and the rig-facing behaviour of test_offload.py/tdc's nsPlugin. The messages and
the move semantics (qdiscs gone, device down, ifindex kept, lo refused) are the kernel's as
recorded in conformance/rig-needs r05/r06; these tests pin the parts a script cannot reach there."""

from __future__ import annotations

import json

import pytest

from offload.runner import EmulatorBackend
from tests.progs import conformance_progs

PROGS = conformance_progs()
needs_progs = pytest.mark.skipif(PROGS is None, reason="clang is missing: the BPF test "
                                 "programs cannot be built")


@pytest.fixture
def s():
    return EmulatorBackend().new_session()


def test_execute_in_and_has_netns(s):
    assert not s.has_netns("ns1")
    assert s.execute_in(["ip", "netns", "add", "ns1"]).rc == 0
    assert s.has_netns("ns1")
    e = s.execute_in(["ip", "-j", "link", "show"], netns="ns1")
    assert [d["ifname"] for d in json.loads(e.stdout)] == ["lo"]
    e = s.execute_in(["tc", "qdisc", "show"], netns="nope")
    assert (e.rc, e.stderr) == (255, 'Cannot open network namespace "nope": No such file or '
                                "directory\n")
    assert s.execute_in(["ip", "netns", "del", "ns1"]).rc == 0
    assert not s.has_netns("ns1")


def test_new_device_written_from_a_namespace_puts_its_ports_there(s):
    s.execute_in(["ip", "netns", "add", "ns1"])
    with s.in_netns("ns1"):
        s.ctx.vfs.write("/sys/bus/netdevsim/new_device", "1 1\n")
        assert s.ctx.vfs.listdir("/sys/bus/netdevsim/devices/netdevsim1/net") == ["eth0"]
    assert s.ctx.vfs.listdir("/sys/bus/netdevsim/devices/netdevsim1/net") == []
    assert s.execute_in(["ip", "link", "show", "eth0"], netns="ns1").rc == 0
    assert s.execute_in(["ip", "link", "show", "eth0"]).rc == 1
    # the shell form: the redirect is opened by the outer shell, written by a process in NS
    s.run_text('ip netns exec ns1 echo "2 1" > /sys/bus/netdevsim/new_device')
    assert s.execute_in(["ip", "link", "show", "eth1"], netns="ns1").rc == 0


def test_deleting_a_namespace_returns_ports_and_deletes_veths(s):
    for line in ('echo "1 1" > /sys/bus/netdevsim/new_device', "ip netns add a",
                 "ip link set eth0 netns a", 'ip netns exec a echo "2 1" > '
                 "/sys/bus/netdevsim/new_device", "ip link add v0 type veth peer name v1",
                 "ip link set v1 netns a"):
        assert s.run_text(line).rc == 0, line
    assert s.execute_in(["ip", "link", "show", "eth1"], netns="a").rc == 0
    assert s.run_text("ip netns del a").rc == 0
    names = [d["ifname"] for d in json.loads(s.run_text("ip -j link show").stdout)]
    # default_device_exit_net: netdevsim ports come home under their names (both free
    # here), the veth pair is deleted (veth_dellink takes the peer in init_net too)
    assert "v0" not in names and "v1" not in names
    assert sorted(n for n in names if n != "lo") == ["eth0", "eth1"]


def test_a_port_coming_home_to_a_taken_name_becomes_devN(s):
    s.run_text("ip netns add a")
    s.run_text('ip netns exec a echo "1 1" > /sys/bus/netdevsim/new_device')
    s.run_text('echo "2 1" > /sys/bus/netdevsim/new_device')
    assert s.run_text("ip link show eth0").rc == 0
    s.run_text("ip netns del a")
    names = [d["ifname"] for d in json.loads(s.run_text("ip -j link show").stdout)]
    assert sorted(names) == ["dev0", "eth0", "lo"]
    assert s.ctx.vfs.listdir("/sys/bus/netdevsim/devices/netdevsim1/net") == ["dev0"]


@needs_progs
def test_bpftool_names_the_device_only_in_its_own_namespace(s):
    for line in ('echo "1 1" > /sys/bus/netdevsim/new_device', "ip netns add other",
                 "ip link set eth0 up", "ethtool -K eth0 hw-tc-offload on",
                 "tc qdisc add dev eth0 ingress",
                 f"tc filter add dev eth0 ingress bpf skip_sw da obj {PROGS}/tc_pass.o sec "
                 "classifier"):
        assert s.run_text(line).rc == 0, line
    own = json.loads(s.execute_in(["bpftool", "-p", "prog", "show"]).stdout)[0]["dev"]
    assert own["ifname"] == "eth0" and {"ifindex", "ns_dev", "ns_inode"} <= set(own)
    other = json.loads(s.execute_in(["bpftool", "-j", "prog"], netns="other").stdout)
    assert "ifname" not in other[0]["dev"]
    assert {k: other[0]["dev"][k] for k in ("ifindex", "ns_dev", "ns_inode")} == \
        {k: own[k] for k in ("ifindex", "ns_dev", "ns_inode")}


@needs_progs
def test_execute_in_resolves_relative_objects_against_cwd(s):
    s.run_text("tc qdisc add dev lo ingress")
    e = s.execute_in(["tc", "filter", "add", "dev", "lo", "ingress", "bpf", "obj",
                      "tc_pass.o", "sec", "classifier"], cwd=str(PROGS))
    assert e.rc == 0, e.stderr
    assert "tc_pass.o:[classifier]" in s.run_text("tc filter show dev lo ingress").stdout


def test_ip_netns_list_and_names(s):
    for name in ("a", "b"):
        s.run_text(f"ip netns add {name}")
    assert s.run_text("ip netns list").stdout == "b\na\n"
    assert s.run_text("ip netns").stdout == "b\na\n"
    e = s.run_text("ip netns add a/b")
    assert (e.rc, e.stderr) == (255, 'Invalid netns name "a/b"\n')


def test_tools_named_by_their_system_path(s):
    """tdc runs ``$TC`` = ``/sbin/tc``, and nsPlugin ``ip netns exec tcut /sbin/tc ...``."""
    assert s.execute_in(["/sbin/ip", "netns", "add", "tcut"]).rc == 0
    e = s.execute_in(["/sbin/ip", "netns", "exec", "tcut", "/sbin/tc", "qdisc", "add", "dev",
                      "lo", "ingress"])
    assert e.rc == 0, e.stderr
    assert "qdisc ingress ffff: dev lo" in s.execute_in(["/usr/sbin/tc", "qdisc", "show"],
                                                        netns="tcut").stdout
    assert s.execute_in(["/opt/tc", "qdisc", "show"]).rc == 127
