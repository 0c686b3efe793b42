"""``offload exec -- CMD``: existing rigs (shell scripts, test_offload.py, tdc.py) run
unmodified on the emulator, in a private sandbox (see docs/exec.md).

- :func:`main` is the command line (``offload exec``);
- :func:`run` runs a command in the sandbox with a given emulation;
- :class:`Emulation` is the one emulator, session and record of a run;
- :func:`check_machine` raises :class:`SandboxUnavailable` where the machine cannot give
  the sandbox (no FUSE, no user namespaces), saying what is missing.
"""

from offload.exec._cli import main
from offload.exec._sandbox import SandboxUnavailable, check_machine, run
from offload.exec._server import Emulation, ExecOptions

__all__ = ["Emulation", "ExecOptions", "SandboxUnavailable", "check_machine", "main", "run"]
