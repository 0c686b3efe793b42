"""ip, ethtool, bpftool and the netdevsim files."""

from __future__ import annotations

import json

import pytest

from .conftest import PROGS, last, needs_nsim, needs_obj, run_lines

NSIM = ('echo "1 2" > /sys/bus/netdevsim/new_device',)
DBG = "/sys/kernel/debug/netdevsim/netdevsim1"


def test_ip_link_add_show_del() -> None:
    out = run_lines("ip link add vethA type veth peer name vethB", "ip link set vethA up",
                    "ip link show vethA", "ip -j link show vethB", "ip link del vethA",
                    "ip link show vethB", "ip link set vethA up", "ip link add lo type veth "
                    "peer name x")
    # veth_newlink registers the peer first: vethB is 2, vethA 3 (recorded: c41)
    assert out[2].stdout.startswith("3: vethA@vethB: <NO-CARRIER,BROADCAST,MULTICAST,UP> "
                                    "mtu 1500 qdisc noqueue state LOWERLAYERDOWN")
    info = json.loads(out[3].stdout)[0]
    assert info["ifname"] == "vethB" and info["link"] == "vethA" and info["qdisc"] == "noop"
    assert out[5].stderr == 'Device "vethB" does not exist.\n' and out[5].rc == 1
    assert (out[6].rc, out[6].stderr) == (1, 'Cannot find device "vethA"\n')
    assert (out[7].rc, out[7].stderr) == (2, "RTNETLINK answers: File exists\n")


@needs_nsim
def test_ethtool_refused_change_and_show() -> None:
    e = last(*NSIM, "ethtool -k eth0")
    assert e.stdout.startswith("Features for eth0:\nrx-checksumming: off [fixed]\n")
    assert "\nhw-tc-offload: off\n" in e.stdout
    e = last(*NSIM, "ethtool -K eth0 hw-tc-offload on", "ethtool -K eth0 hw-tc-offload of")
    assert e.rc == 1 and "not followed by 'on' or 'off'" in e.stderr
    e = last("ethtool -K nosuch hw-tc-offload on")
    assert e.rc == 1 and "No such device" in e.stderr


@needs_nsim
@needs_obj
def test_ethtool_refused_while_offloaded() -> None:
    e = last(*NSIM, "ip link set eth0 up", "ethtool -K eth0 hw-tc-offload on",
             "tc qdisc add dev eth0 ingress",
             f"tc filter add dev eth0 ingress bpf skip_sw da obj {PROGS}/tc_pass.o sec "
             "classifier", "ethtool -K eth0 hw-tc-offload off")
    assert (e.rc, e.stdout, e.stderr) == (
        1, "Actual changes:\nhw-tc-offload: on [requested off]\n",
        "Could not change any device features\n")


@needs_nsim
def test_vfs_files_and_errors() -> None:
    out = run_lines(*NSIM, "ls /sys/bus/netdevsim/devices/netdevsim1/net",
                    f"ls {DBG}/ports", f"cat {DBG}/ports/1/bpf_tc_accept",
                    f"echo maybe > {DBG}/ports/0/bpf_tc_accept",
                    f"echo 1 > {DBG}/nosuchknob", f"cat {DBG}/nosuchknob",
                    "echo 1 > /etc/passwd", "cat /etc/passwd", f"cat {DBG}",
                    'echo "1 1" > /sys/bus/netdevsim/new_device',
                    "cat /sys/bus/netdevsim/new_device", "echo 7 > /sys/bus/netdevsim/del_device",
                    f"echo N > {DBG}/bpf_bound_progs/0/loaded", "ls /nope")
    assert out[1].stdout == "eth0\neth1\n" and out[2].stdout == "0\n1\n"
    assert out[3].stdout == "Y\n"
    # debugfs_write_file_bool ignores a failed kstrtobool() (recorded: conformance c38)
    assert (out[4].rc, out[4].stderr) == (0, "")
    assert out[5].stderr == f"sh: {DBG}/nosuchknob: Permission denied\n"
    assert out[6].stderr == f"cat: {DBG}/nosuchknob: No such file or directory\n"
    assert out[7].rc == 1 and "only allowed under" in out[7].stderr
    assert out[8].rc == 1 and "only allowed under" in out[8].stderr
    assert out[9].stderr == f"cat: {DBG}: Is a directory\n"
    # nsim_bus_dev_new: ida_alloc_range() of a taken id is ENOSPC (test_offload.py's
    # NetdevSimDev tries the next id on exactly that errno)
    assert out[10].stderr == "sh: echo: write error: No space left on device\n"
    assert out[11].stderr == "cat: /sys/bus/netdevsim/new_device: Permission denied\n"
    assert out[12].stderr == "sh: echo: write error: No such file or directory\n"
    assert out[13].stderr == f"sh: {DBG}/bpf_bound_progs/0/loaded: No such file or directory\n"
    assert out[14].rc == 2


@needs_nsim
@needs_obj
def test_bpftool_load_pin_show() -> None:
    out = run_lines(*NSIM, f"bpftool prog load {PROGS}/tc_pass.o /sys/fs/bpf/p type "
                           "classifier", "bpftool prog show",
                    "bpftool -j prog show pinned /sys/fs/bpf/p",
                    "tc qdisc add dev eth0 ingress",
                    "tc filter add dev eth0 ingress bpf pinned /sys/fs/bpf/p da",
                    "tc filter show dev eth0 ingress",
                    f"bpftool prog load {PROGS}/nope.o /sys/fs/bpf/q")
    assert out[1].rc == 0, out[1].stderr
    assert ": sched_cls  name tc_pass  tag " in out[2].stdout
    assert json.loads(out[3].stdout)["name"] == "tc_pass"
    assert "p:[*fsobj] direct-action not_in_hw id " in out[6].stdout
    assert out[7].rc == 255 and out[7].stderr.endswith("Error: failed to load object file\n")


def test_send_and_audit_are_reported() -> None:
    e = last("send lo hex 00")
    assert e.rc in (0, 1)
    e = last("send lo bogus")
    assert e.rc in (1, 2) and e.stderr


@pytest.mark.parametrize("cmd", ["rm -rf /", "sh -c true", "echo hi > ../x"])
def test_refused_commands(cmd: str) -> None:
    e = last(cmd)
    assert e.rc in (1, 127) and e.stderr
