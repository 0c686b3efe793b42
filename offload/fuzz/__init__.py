"""Differential fuzzing against the real kernel: random scripts over the whole command
language, recorded on Linux 6.1 + netdevsim in the VM, replayed on the emulator.

- :func:`generate` - one random script for a seed (``_gen``);
- :func:`record_batch` - run scripts in one VM boot and write their transcripts (``_record``);
- :func:`replay` - compare a corpus with the emulator, per script and per command;
- ``offload fuzz`` - the command line (``_cli``).
"""

from offload.fuzz._cli import main
from offload.fuzz._gen import OPERATIONS, generate
from offload.fuzz._record import CORPUS, Agreement, record_batch, replay

__all__ = ["CORPUS", "OPERATIONS", "Agreement", "generate", "main", "record_batch", "replay"]
