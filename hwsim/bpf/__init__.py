"""The BPF side of the simulated hardware: loader, verifier, engine, maps, packets' view.

Public API (re-exported here): :class:`ProgramTable` (per-emulator program table: load
objects, raw instructions, tc bytecode), :class:`BpfProgram` / :class:`ClassicProgram`
(satisfy ``core.prog.Program``), :func:`read_object`, :func:`calc_tag`, :func:`verify`,
:class:`BpfLoadError`.
"""

from hwsim.bpf.elf import BpfObject, MapSpec, ProgSpec, read_object
from hwsim.bpf.errors import BpfLoadError, BpfRuntimeError
from hwsim.bpf.maps import Map
from hwsim.bpf.program import BpfProgram, ClassicProgram, ProgramTable
from hwsim.bpf.tag import calc_tag
from hwsim.bpf.verifier import VerifierResult, verify

__all__ = [
    "BpfLoadError",
    "BpfObject",
    "BpfProgram",
    "BpfRuntimeError",
    "ClassicProgram",
    "Map",
    "MapSpec",
    "ProgSpec",
    "ProgramTable",
    "VerifierResult",
    "calc_tag",
    "read_object",
    "verify",
]
