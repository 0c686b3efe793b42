"""A real Linux kernel with netdevsim, booted under qemu: provisioning and the ``VM`` class.

``provision()`` builds the cache once (see ``_provision``); ``VM`` boots it and runs many
commands per boot through a small agent in the guest (see ``_machine`` and ``agent``).
"""

from ._errors import ProvisionError, VMError, VMTimeout, VMUnavailable
from ._machine import VM, RunResult, kvm_usable
from ._provision import (
    DEFAULT_KERNEL,
    KERNELS,
    Provisioned,
    default_cache_dir,
    get_kernel,
    provision,
)

__all__ = [
    "DEFAULT_KERNEL",
    "KERNELS",
    "VM",
    "ProvisionError",
    "Provisioned",
    "RunResult",
    "VMError",
    "VMTimeout",
    "VMUnavailable",
    "default_cache_dir",
    "get_kernel",
    "kvm_usable",
    "provision",
]
