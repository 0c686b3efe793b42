"""Small scripts for the explorer tests (classic bytecode: no object files needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from offload.script import Command, parse_script

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "examples" / "scenarios"

ONE_PORT = """\
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
tc filter del dev eth0 ingress prio 1 handle 1 bpf
"""


def script(text: str) -> list[Command]:
    return parse_script(text.splitlines(), {})


def scenario(name: str) -> list[Command]:
    return script((SCENARIOS / name).read_text())


@pytest.fixture
def one_port() -> list[Command]:
    return script(ONE_PORT)
