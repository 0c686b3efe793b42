"""bpf(2) from Python: a cffi (ABI mode) binding used by differential tests and drivers.

See :mod:`hwsim.kbpf.api` for the functions; this package only re-exports them.
"""

from hwsim.kbpf.api import (
    BPF_PROG_TYPE_SCHED_ACT,
    BPF_PROG_TYPE_SCHED_CLS,
    Fd,
    KernelBpfError,
    ProgInfo,
    TestRun,
    map_create,
    map_delete,
    map_lookup,
    map_update,
    obj_get,
    obj_pin,
    patch_map_fds,
    prog_info,
    prog_load,
    prog_test_run,
    unavailable_reason,
)

__all__ = [
    "BPF_PROG_TYPE_SCHED_ACT",
    "BPF_PROG_TYPE_SCHED_CLS",
    "Fd",
    "KernelBpfError",
    "ProgInfo",
    "TestRun",
    "map_create",
    "map_delete",
    "map_lookup",
    "map_update",
    "obj_get",
    "obj_pin",
    "patch_map_fds",
    "prog_info",
    "prog_load",
    "prog_test_run",
    "unavailable_reason",
]
