"""One netdevsim VM for the whole benchmark run, booted when a benchmark first needs it.

Booting costs tens of seconds under TCG, so the control-plane and VM benchmarks share one
boot; its boot-to-ready time is what the VM benchmark reports.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent


def unavailable_reason() -> str | None:
    if os.geteuid() != 0:
        return "not root: the netdevsim VM needs apt-get and qemu as root"
    if shutil.which("qemu-system-x86_64") is None:
        return "qemu-system-x86_64 not installed (make apt)"
    return None


class VmHolder:
    """Lazily boots :class:`hwsim.vm.VM`; ``close()`` shuts it down."""

    def __init__(self) -> None:
        self.vm: Any = None
        self.error: str | None = None
        self.wall_boot: float | None = None
        self.provision_seconds: float | None = None
        self.provision_timings: dict[str, float] = {}

    def get(self) -> Any:
        """The running VM, or None (``self.error`` says why)."""
        if self.vm is not None or self.error is not None:
            return self.vm
        self.error = unavailable_reason()
        if self.error:
            return None
        from hwsim.vm import VM, VMError, provision

        try:
            t0 = time.monotonic()
            prov = provision()
            self.provision_seconds = time.monotonic() - t0
            self.provision_timings = dict(prov.timings)
            vm = VM(provisioned=prov)
            t1 = time.monotonic()
            vm.start()
            self.wall_boot = time.monotonic() - t1
            self.vm = vm
        except VMError as exc:  # VMUnavailable, ProvisionError, VMTimeout are VMErrors
            self.error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
        return self.vm

    def kernel_tc(self, spec: dict[str, Any], timeout: float = 900) -> dict[str, Any]:
        """Run :mod:`bench.kernel_tc` in the guest; its JSON answer."""
        vm = self.get()
        if vm is None:
            return {"error": self.error}
        assert vm.work is not None
        path = vm.work / f"bench-spec-{time.monotonic_ns()}.json"
        path.write_text(json.dumps(spec))
        try:
            r = vm.run([sys.executable, "-m", "bench.kernel_tc", str(path)], cwd=str(PROJECT),
                       env={"PYTHONPATH": str(PROJECT)}, timeout=timeout)
        finally:
            path.unlink(missing_ok=True)
        if r.rc != 0:
            return {"error": f"guest rc {r.rc}: {r.stderr.strip()[-500:]}"}
        return dict(json.loads(r.stdout))

    def close(self) -> None:
        if self.vm is not None:
            self.vm.close()
            self.vm = None
