"""Commands test_offload.py's start-up and TC part run that the recordings do not cover
(bpftool map, generic XDP, tc class show, ip link add type dummy): their shape as
bpftool/iproute2 print it, and the object lifetimes the rig waits for."""

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


def test_probes_at_start_up(s):
    """test_offload.py: ``bpftool prog``, ``bpftool map`` must succeed (JSON), and the
    extack probe must find its message."""
    assert json.loads(s.run_text("bpftool -p prog").stdout) == []
    assert json.loads(s.run_text("bpftool -p map").stdout) == []
    e = s.run_text("tc qdisc delete dev lo handle 0")
    assert "Error: Failed to find qdisc with specified handle." in e.stderr


@needs_progs
def test_bpftool_map_lists_the_maps_of_loaded_programs(s):
    s.run_text("tc qdisc add dev lo ingress")
    assert s.run_text(f"tc filter add dev lo ingress bpf da obj {PROGS}/text_maps.o "
                      "sec .text").rc == 0
    maps = json.loads(s.run_text("bpftool -j map show").stdout)
    assert sorted((m["type"], m["name"], m["bytes_key"], m["bytes_value"], m["max_entries"])
                  for m in maps) == [("array", "text_array", 4, 8, 2),
                                     ("hash", "text_htab", 4, 8, 2)]
    mid = maps[0]["id"]
    assert s.run_text(f"bpftool map pin id {mid} /sys/fs/bpf/m").rc == 0
    assert json.loads(s.run_text("bpftool -j map show pinned /sys/fs/bpf/m").stdout)["id"] == mid
    e = s.run_text("bpftool prog show pinned /sys/fs/bpf/m")
    assert (e.rc, e.stderr) == (255, "Error: incorrect object type: map\n")
    s.run_text("tc qdisc del dev lo ingress")
    assert [m["id"] for m in json.loads(s.run_text("bpftool -j map").stdout)] == [mid]
    s.run_text("rm /sys/fs/bpf/m")
    assert json.loads(s.run_text("bpftool -j map").stdout) == []


@needs_progs
def test_generic_xdp_attach_and_destruction_with_the_device(s):
    """test_offload.py's "Test destruction of generic XDP...": attach, remove the card,
    the program is gone."""
    s.run_text('echo "1 1" > /sys/bus/netdevsim/new_device')
    assert s.run_text(f"ip -j link set dev eth0 xdpgeneric obj {PROGS}/text_ret0.o "
                      "sec .text").rc == 0
    progs = json.loads(s.run_text("bpftool -p prog show").stdout)
    assert [p["type"] for p in progs] == ["xdp"]
    link = json.loads(s.run_text("ip -j link show dev eth0").stdout)[0]
    assert link["xdp"]["mode"] == 2 and link["xdp"]["prog"]["id"] == progs[0]["id"]
    e = s.run_text(f"ip link set dev eth0 xdpgeneric obj {PROGS}/text_ret0.o sec .text")
    assert (e.rc, e.stderr) == (2, "Error: XDP program already attached.\n")
    assert len(json.loads(s.run_text("bpftool -j prog").stdout)) == 1
    assert s.run_text(f"ip -force link set dev eth0 xdpgeneric obj {PROGS}/text_ret0.o "
                      "sec .text").rc == 0
    assert len(json.loads(s.run_text("bpftool -j prog").stdout)) == 1
    s.run_text("echo 1 > /sys/bus/netdevsim/del_device")
    assert json.loads(s.run_text("bpftool -j prog").stdout) == []


def test_dummy_device_and_class_show_for_tdc(s):
    """tdc qdiscs/ingress.json: ``$IP link add dev $DUMMY type dummy``, ``$TC class show``
    and ``$IP link del dev $DUMMY type dummy``."""
    assert s.run_text("ip link add dev d0 type dummy").rc == 0
    e = s.run_text("ip link add dev d0 type dummy")
    assert (e.rc, e.stderr) == (2, "RTNETLINK answers: File exists\n")
    assert s.run_text("tc qdisc add dev d0 ingress").rc == 0
    assert "qdisc ingress ffff:" in s.run_text("tc qdisc show dev d0").stdout
    assert s.run_text("tc qdisc add dev d0 ingress foorbar").rc == 1
    assert (s.run_text("tc class show dev d0").rc, s.run_text("tc class show dev d0").stdout) \
        == (0, "")
    assert s.run_text("tc qdisc del dev d0 ingress").rc == 0
    e = s.run_text("tc qdisc del dev d0 ingress")
    assert (e.rc, e.stderr) == (2, "Error: Invalid handle.\n")
    assert s.run_text("ip link del dev d0 type dummy").rc == 0
    assert s.run_text("ip link show d0").rc == 1


@needs_progs
def test_device_bound_maps_report_the_programs_device(s):
    """check_dev_info: every map of a device-bound object has the program's ``dev``."""
    for line in ('echo "1 1" > /sys/bus/netdevsim/new_device', "ip link set eth0 up",
                 "ethtool -K eth0 hw-tc-offload on", "tc qdisc add dev eth0 ingress",
                 f"tc filter add dev eth0 ingress bpf skip_sw da obj {PROGS}/text_maps.o "
                 "sec .text"):
        e = s.run_text(line)
        assert e.rc == 0, (line, e.stderr)
    prog = json.loads(s.run_text("bpftool -p prog show").stdout)[0]
    maps = json.loads(s.run_text("bpftool -p map show").stdout)
    assert len(maps) == 2 and all(m["dev"] == prog["dev"] for m in maps)
    assert prog["dev"]["ifname"] == "eth0"


@needs_progs
def test_xdp_modes_as_dev_xdp_attach_checks_them(s):
    """net/core/dev.c dev_xdp_attach/dev_xdp_install and netdevsim's nsim_bpf, as
    test_offload.py's XDP sections exercise them."""
    obj = f"obj {PROGS}/text_ret0.o sec .text"
    s.run_text('echo "1 1" > /sys/bus/netdevsim/new_device')
    assert s.run_text(f"ip -j link set dev eth0 xdpdrv {obj}").rc == 0
    link = json.loads(s.run_text("ip -j link show dev eth0").stdout)[0]
    assert link["xdp"]["mode"] == 1 and len(link["xdp"]["attached"]) == 1
    e = s.run_text(f"ip link set dev eth0 xdpdrv {obj}")
    assert (e.rc, e.stderr) == (2, "Error: XDP program already attached.\n")
    assert s.run_text(f"ip -force link set dev eth0 xdpdrv {obj}").rc == 0
    e = s.run_text(f"ip -force link set dev eth0 xdpgeneric {obj}")
    assert (e.rc, e.stderr) == (2, "Error: Native and generic XDP can't be active at the "
                                "same time.\n")
    e = s.run_text("ip link set dev eth0 mtu 9000")
    assert (e.rc, e.stderr) == (2, "RTNETLINK answers: Device or resource busy\n")
    assert s.run_text(f"ip link set dev eth0 xdpoffload {obj}").rc == 0
    two = json.loads(s.run_text("ip -j link show dev eth0").stdout)[0]["xdp"]
    assert two["mode"] == 4 and "prog" not in two and len(two["attached"]) == 2
    e = s.run_text("ip -force link set dev eth0 xdp off")
    assert (e.rc, e.stderr) == (2, "Error: More than one program loaded, unset mode is "
                                "ambiguous.\n")
    assert s.run_text("ip link set dev eth0 xdpoffload off").rc == 0
    assert s.run_text("ip link set dev eth0 xdpdrv off").rc == 0
    assert s.run_text("ip link set dev eth0 mtu 9000").rc == 0
    e = s.run_text(f"ip link set dev eth0 xdpdrv {obj}")
    assert (e.rc, e.stderr) == (2, "Error: netdevsim: MTU too large w/ XDP enabled.\n")
    assert json.loads(s.run_text("bpftool -j prog").stdout) == []
    e = s.run_text(f"ip link set dev lo xdpdrv {obj}")
    assert (e.rc, e.stderr) == (2, "Error: Underlying driver does not support XDP in native "
                                "mode.\n")
