"""Device-bound BPF programs on a plugin's port: the optional offload verifier hooks.

The kernel loads a program for a device (``tc ... skip_sw obj``, ``bpftool prog load ...
dev DEV``) in ``bpf_prog_offload_init()``: a device whose driver has no ``ndo_bpf`` gets
``-EOPNOTSUPP`` (``bpf_dev_offload_check``), and a driver that has one is asked, through
``bpf_prog_offload_ops``, to prepare (``prepare``), check (``insn_hook``/``finalize``),
translate (``translate``) and later free (``destroy``) the program — what netdevsim does in
``nsim_bpf_verifier_prep`` / ``nsim_bpf_verify_insn`` / ``nsim_bpf_translate`` /
``nsim_bpf_destroy_prog`` (drivers/net/netdevsim/bpf.c), with its ``bpf_bind_accept``,
``bpf_bind_verifier_accept`` and ``bpf_bind_verifier_delay`` knobs.

A plugin opts in by defining ``bpf_verifier_prep``; the others are optional:

``bpf_verifier_prep(dev, prog) -> int``
    0 to take the program, or ``-errno`` (netdevsim: ``-EOPNOTSUPP`` when
    ``bpf_bind_accept`` is off).
``bpf_verify(dev, prog) -> int | (int, [log lines])``
    the verifier's per-instruction hook over the whole program (netdevsim: the hello
    line, ``-EOPNOTSUPP`` when ``bpf_bind_verifier_accept`` is off).
``bpf_translate(dev, prog) -> int``
    0, or ``-errno`` to fail the load after verification.
``bpf_destroy(dev, prog) -> None``
    the program is freed (it failed to load, or its last reference went).

Every hook runs behind the driver boundary (:mod:`core.boundary`): a misbehaving hook is a
driver error and the load fails with ``-EIO``, the message naming the driver.
"""

from __future__ import annotations

from typing import Any

from core.boundary import DRIVER_ERROR, Boundary, errno_problem, is_inline

BPF_HOOKS = ("bpf_verifier_prep", "bpf_verify", "bpf_translate", "bpf_destroy")


def has_bpf_hooks(driver: Any) -> bool:
    """The plugin has ``ndo_bpf`` for offload: it defines ``bpf_verifier_prep``."""
    return callable(getattr(driver, "bpf_verifier_prep", None))


def no_ndo_bpf_message(dev: str, driver: str) -> str:
    return (f"offload: {dev}: driver {driver} has no BPF offload hooks (bpf_verifier_prep): "
            "like a kernel driver without ndo_bpf, it cannot take device-bound programs "
            "(see docs/testing.md, \"Device-bound programs\")")


class PluginBpf:
    """The simulated NIC's verifier interface (``verifier_prep`` / ``verify`` /
    ``translate`` / ``destroy_prog``) on top of a plugin's hooks, for one device."""

    def __init__(self, driver: Any, dev: Any, boundary: Boundary) -> None:
        self.driver, self.dev, self.boundary = driver, dev, boundary
        self.name = str(getattr(driver, "name", "driver"))
        self.errors: list[str] = []
        self.inline = is_inline(driver)

    def _errno_hook(self, hook: str, prog: Any) -> int:
        fn = getattr(self.driver, hook, None)
        if not callable(fn):
            return 0
        ret, error = self.boundary.call_errno(hook, fn, self.dev, prog, inline=self.inline)
        if error is not None:
            self.errors.append(f"{self.name}: driver error ({error})")
        return ret

    def verifier_prep(self, prog: Any) -> int:
        return self._errno_hook("bpf_verifier_prep", prog)

    def verify(self, prog: Any, n_insns: int) -> tuple[int, list[str]]:
        fn = getattr(self.driver, "bpf_verify", None)
        if not callable(fn):
            return 0, []
        out = self.boundary.call(fn, self.dev, prog, inline=self.inline)
        value = out.value
        log: list[str] = []
        if out.error is None and isinstance(value, tuple) and len(value) == 2 and \
                isinstance(value[1], list) and all(isinstance(x, str) for x in value[1]):
            value, log = value
        if out.error is not None:
            self.errors.append(f"{self.name}: driver error (bpf_verify {out.error})")
            return DRIVER_ERROR, log
        problem = errno_problem(value, "bpf_verify")
        if problem is not None:
            self.errors.append(f"{self.name}: driver error ({problem})")
            return DRIVER_ERROR, log
        return int(value), log

    def translate(self, prog: Any) -> int:
        return self._errno_hook("bpf_translate", prog)

    def destroy_prog(self, prog: Any) -> None:
        fn = getattr(self.driver, "bpf_destroy", None)
        if callable(fn):
            out = self.boundary.call(fn, self.dev, prog, inline=self.inline)
            if out.error is not None:
                self.errors.append(f"{self.name}: driver error (bpf_destroy {out.error})")
