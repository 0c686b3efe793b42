"""Placeholder; replaced by the real verifier."""
from __future__ import annotations

import attrs


@attrs.frozen
class VerifierResult:
    ctx_loads: set[int] | None
    log: str
    processed: int = 0

def verify(insns, maps_by_insn, *, license="GPL", log_level=0):
    return VerifierResult(None, "")
