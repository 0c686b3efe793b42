"""Session-scoped netdevsim VM for the ``vm`` tests: provisioned if needed, booted once.

Provisioning and boot times are printed in pytest's terminal summary (the fixture stores
them in pytest's cache so the summary can show them under xdist too) and in the captured
output of the first VM test (``-rA``)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hwsim.vm import VM, VMUnavailable, provision

PROJECT = Path(__file__).resolve().parents[2]
_KEY = "offload/vm-timings"


def _unavailable_reason() -> str | None:
    if os.geteuid() != 0:
        return "not root: the netdevsim VM needs apt-get and qemu as root"
    if shutil.which("qemu-system-x86_64") is None and shutil.which("apt-get") is None:
        return "neither qemu-system-x86_64 nor apt-get is available"
    return None


def booted(request: pytest.FixtureRequest, kernel: str = "6.1") -> Iterator[VM]:
    """Provision (cached after the first time) and boot the VM of ``kernel``; skip with the
    reason when this machine cannot."""
    reason = _unavailable_reason()
    if reason:
        pytest.skip(f"!!! VM TESTS SKIPPED: {reason} !!!")
    msgs: list[str] = []
    t0 = time.monotonic()
    try:
        prov = provision(progress=msgs.append, kernel=kernel)
    except VMUnavailable as exc:
        pytest.skip(f"!!! VM TESTS SKIPPED: {exc} !!!")
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in prov.timings.items()) or "cached"
    with VM(provisioned=prov) as machine:
        prov_s = time.monotonic() - t0 - (machine.boot_seconds or 0)
        summary = (f"netdevsim VM: provisioning {prov_s:.1f} s "
                   f"({steps}); boot {machine.boot_seconds:.1f} s (kernel {prov.abi}, "
                   f"guest uptime at agent start {machine.guest_uptime_at_ready} s)")
        print(summary)
        cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
        if cache is not None:
            key = _KEY if kernel == "6.1" else f"{_KEY}-{kernel}"
            cache.set(key, {"at": time.time(), "text": summary})
        yield machine


@pytest.fixture(scope="session")
def vm(request: pytest.FixtureRequest) -> Iterator[VM]:
    """Debian 12's 6.1 kernel, booted once per session (worker)."""
    yield from booted(request, "6.1")


@pytest.fixture(scope="module")
def vm612(request: pytest.FixtureRequest) -> Iterator[VM]:
    """Debian's 6.12 kernel, booted once for the module that uses it (then powered off)."""
    yield from booted(request, "6.12")


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    cache = getattr(config, "cache", None)
    start = getattr(config, "_offload_vm_session_start", None)
    lines = []
    for key in (_KEY, f"{_KEY}-6.12"):
        data = cache.get(key, None) if cache is not None else None
        if data and start and data.get("at", 0) >= start:
            lines.append(data["text"])
    if lines:
        terminalreporter.write_sep("-", "netdevsim VM timings")
        for line in lines:
            terminalreporter.write_line(line)


def pytest_configure(config):  # type: ignore[no-untyped-def]
    config._offload_vm_session_start = time.time()
