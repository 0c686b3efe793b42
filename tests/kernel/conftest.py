"""Host-kernel fixtures: a network namespace of our own with a veth pair, always removed."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator

import pytest


def _reason() -> str | None:
    if os.geteuid() != 0:
        return "needs root for network namespaces and tc"
    if shutil.which("ip") is None or shutil.which("tc") is None:
        return "iproute2 (ip, tc) is not installed"
    return None


@pytest.fixture
def netns() -> Iterator[str]:
    """A fresh netns with ``va``/``vb`` (veth pair, up); deleted even when the test fails."""
    reason = _reason()
    if reason:
        pytest.skip(reason)
    name = f"offload-test-{secrets.token_hex(3)}"
    subprocess.run(["ip", "netns", "add", name], check=True)
    try:
        subprocess.run(["ip", "-n", name, "link", "add", "va", "type", "veth", "peer", "name",
                        "vb"], check=True)
        subprocess.run(["ip", "-n", name, "link", "set", "va", "up"], check=True)
        yield name
    finally:
        subprocess.run(["ip", "netns", "del", name], check=False)


@pytest.fixture
def prog_fd() -> Iterator[int]:
    """A loaded 2-instruction sched_cls program (``r0 = 0; exit``), through hwsim.kbpf."""
    from hwsim.kbpf import prog_load, unavailable_reason

    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    fd, _log = prog_load(bytes.fromhex("b700000000000000" "9500000000000000"), name="t_pass")
    try:
        yield int(fd)
    finally:
        fd.close()
