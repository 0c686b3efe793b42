"""Testing your own driver with offload (see docs/testing.md).

- :class:`OffloadStateMachine` is a hypothesis state machine you subclass with your driver
  plugin; it fails with an :class:`OffloadViolation` (``_machine``; needs hypothesis);
- :class:`OffloadEnv` runs the same commands on the emulator (:class:`EmulatorEnv`) or on
  a real kernel with netdevsim (:class:`MachineEnv`; :class:`NsimDev`, :class:`Nsim`),
  answering :class:`CmdResult` or raising :class:`CmdFailed`; :func:`prog_path` names a
  bundled BPF object (``_env``);
- :class:`Faults` is the friendly face on the emulator's fault plan (``_faults``);
- ``ksft_*`` and :class:`DeferQueue` are the kernel selftests' checks and ``defer``, failing
  with a :class:`KsftFailure` (``_ksft``);
- :func:`render_timeline` is the bus timeline of a failure report (``_timeline``).

The ``offload`` pytest plugin (entry point ``pytest11``) is ``_pytest_plugin``; the invariant
checker it and the state machine extend to driver plugins is ``_checker``.

Each name is imported from its private module on first use (PEP 562): loading the pytest
plugin imports nothing from the project until a fixture is used, and :mod:`offload.api`
(everything here but the state machine) does not need hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offload._lazy import lazy_exports

if TYPE_CHECKING:
    from offload.testing._env import (
        CmdFailed,
        CmdResult,
        EmulatorEnv,
        MachineEnv,
        Nsim,
        NsimDev,
        OffloadEnv,
        prog_path,
    )
    from offload.testing._faults import Faults
    from offload.testing._ksft import (
        DeferQueue,
        KsftFailure,
        ksft_eq,
        ksft_ge,
        ksft_in,
        ksft_ne,
        ksft_raises,
        ksft_re,
        ksft_true,
    )
    from offload.testing._machine import OffloadStateMachine, OffloadViolation
    from offload.testing._timeline import render_timeline

#: public name -> the private module that defines it
_HOME = {
    "CmdFailed": "_env", "CmdResult": "_env", "EmulatorEnv": "_env", "MachineEnv": "_env",
    "Nsim": "_env", "NsimDev": "_env", "OffloadEnv": "_env", "prog_path": "_env",
    "Faults": "_faults",
    "DeferQueue": "_ksft", "KsftFailure": "_ksft", "ksft_eq": "_ksft", "ksft_ge": "_ksft",
    "ksft_in": "_ksft", "ksft_ne": "_ksft", "ksft_raises": "_ksft", "ksft_re": "_ksft",
    "ksft_true": "_ksft",
    "OffloadStateMachine": "_machine", "OffloadViolation": "_machine",
    "render_timeline": "_timeline",
}

__all__ = [
    "CmdFailed", "CmdResult", "DeferQueue", "EmulatorEnv", "Faults", "KsftFailure",
    "MachineEnv", "Nsim", "NsimDev", "OffloadEnv", "OffloadStateMachine", "OffloadViolation",
    "ksft_eq", "ksft_ge", "ksft_in", "ksft_ne", "ksft_raises", "ksft_re", "ksft_true",
    "prog_path", "render_timeline",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOME, __all__)
