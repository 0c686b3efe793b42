"""Short names for what a violation is: a named kernel quirk, a kernel rule, a driver
contract breach, or the direct effect of an injected fault.

The invariant checker's causes are sentences; the explorer's table needs a column that
names kernel quirks as what they are (kernel-semantics.md §6), so that they are never
mistaken for driver faults.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_QUIRK = re.compile(r"quirk ([A-F])(\([ab]\))?")


def kind_label(sig: Sequence[str]) -> str:
    """``(profile, invariant, blame, cause)`` -> e.g. ``kernel quirk B(a)``."""
    profile, _, blame, cause = sig[0], sig[1], sig[2], sig[3]
    if blame == "driver":
        return "driver contract breach"
    if blame == "injected":
        return "injected device reset" if "reset" in cause else "injected fault"
    m = _QUIRK.search(cause)
    if m:
        quirk = m.group(1) + (m.group(2) or "")
        if m.group(1) == "C":
            return f"kernel quirk C ({profile} unbounded rollback recursion)"
        return f"kernel quirk {quirk}"
    if "rolled back once" in cause:
        return f"kernel: {profile} rolls back once (is_rollback guard)"
    if "rollback kept failing" in cause:
        return f"kernel: {profile} rollback kept failing"
    if "remove failed" in cause:
        return "kernel: remove errors ignored"
    if "failed unbind" in cause:
        return "kernel: unbind errors ignored"
    return "kernel bookkeeping"
