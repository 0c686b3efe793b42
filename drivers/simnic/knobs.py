"""netdevsim's debugfs knobs as typed values (bool ``Y``/``N``, u32), with debugfs parsing.

Mirrors ``debugfs_create_bool``/``debugfs_create_u32`` semantics: booleans take what
``kstrtobool()`` accepts and silently ignore anything else (``debugfs_write_file_bool``
returns the byte count even when the parse fails: ``echo X`` succeeds and changes nothing,
recorded in conformance c38), u32 what ``kstrtoull(..., 0)`` accepts; read-only files refuse
writes with EACCES (``simple_attr_write`` without a setter).
"""

from __future__ import annotations

import contextlib
import errno

import attrs


class KnobError(OSError):
    """A refused write or an unknown knob; ``errno`` is what the write(2) would return."""


@attrs.define
class Knob:
    kind: str  # "bool" or "u32"
    value: int | bool
    writable: bool = True

    def read(self) -> str:
        if self.kind == "bool":
            return "Y" if self.value else "N"
        return str(int(self.value))

    def write(self, text: str) -> None:
        if not self.writable:
            raise KnobError(errno.EACCES, "Permission denied")
        s = text.strip()
        if self.kind == "bool":
            # debugfs_write_file_bool: a failed kstrtobool() still "writes"
            with contextlib.suppress(KnobError):
                self.value = parse_bool(s)
        else:
            try:
                v = int(s, 0)
            except ValueError:
                raise KnobError(errno.EINVAL, "Invalid argument") from None
            if not 0 <= v <= 0xFFFFFFFF:
                raise KnobError(errno.ERANGE, "Numerical result out of range")
            self.value = v


def parse_bool(s: str) -> bool:
    """Mirrors ``kstrtobool()``: y/Y/1/on → true, n/N/0/off → false, else EINVAL."""
    if s[:1] in ("y", "Y", "1"):
        return True
    if s[:1] in ("n", "N", "0"):
        return False
    low = s.lower()
    if low.startswith("on"):
        return True
    if low.startswith("of"):
        return False
    raise KnobError(errno.EINVAL, "Invalid argument")


def device_knobs() -> dict[str, Knob]:
    """``nsim_bpf_dev_init()``: the per-device files."""
    return {
        "bpf_bind_accept": Knob("bool", True),
        "bpf_bind_verifier_accept": Knob("bool", True),
        "bpf_bind_verifier_delay": Knob("u32", 0),
    }


def port_knobs() -> dict[str, Knob]:
    """``nsim_bpf_init()``: the per-port files (``bpf_offloaded_id`` is read-only)."""
    return {
        "bpf_offloaded_id": Knob("u32", 0, writable=False),
        "bpf_tc_accept": Knob("bool", True),
        "bpf_tc_non_bound_accept": Knob("bool", False),
        "bpf_xdpdrv_accept": Knob("bool", True),
        "bpf_xdpoffload_accept": Knob("bool", True),
        "bpf_map_accept": Knob("bool", True),
    }
