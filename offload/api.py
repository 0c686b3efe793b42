"""One import for test authors: the environment, the selftest-style helpers, the faults.

    from offload.api import ksft_eq, ksft_in, OffloadEnv, Faults

``OffloadStateMachine`` lives in :mod:`offload.testing` (it needs hypothesis).
"""

from offload.testing import (
    CmdFailed,
    CmdResult,
    DeferQueue,
    EmulatorEnv,
    Faults,
    KsftFailure,
    MachineEnv,
    Nsim,
    NsimDev,
    OffloadEnv,
    ksft_eq,
    ksft_ge,
    ksft_in,
    ksft_ne,
    ksft_raises,
    ksft_re,
    ksft_true,
    prog_path,
    render_timeline,
)

__all__ = [
    "CmdFailed", "CmdResult", "DeferQueue", "EmulatorEnv", "Faults", "KsftFailure",
    "MachineEnv", "Nsim", "NsimDev", "OffloadEnv", "ksft_eq", "ksft_ge", "ksft_in", "ksft_ne",
    "ksft_raises", "ksft_re", "ksft_true", "prog_path", "render_timeline",
]
