"""One rooted error hierarchy for the VM layer, so callers can catch ``VMError`` alone."""

from __future__ import annotations

from core.errors import BackendFailure


class VMError(BackendFailure):
    """The VM could not be provisioned, booted or driven."""


class ProvisionError(VMError):
    """A provisioning step failed; the message names the step and the failing tool's output."""


class VMUnavailable(VMError):
    """This machine cannot run the VM at all (no qemu/apt, not root, ...). Tests skip on it."""


class VMTimeout(VMError):
    """The guest did not answer in time (a hung boot, a hung command). qemu has been killed."""
