"""The backend-neutral transcript: what each command of a script did.

The same shape is produced by the emulator, the host-kernel backend and the VM backend, and
is what ``../shared/conformance/expected/*.json`` holds: ``{"cmd", "rc", "stdout", "stderr"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import attrs


@attrs.frozen
class Entry:
    """One command's result, as a shell user would have seen it."""

    cmd: str
    rc: int
    stdout: str = ""
    stderr: str = ""

    def to_json(self) -> dict[str, object]:
        return {"cmd": self.cmd, "rc": self.rc, "stdout": self.stdout, "stderr": self.stderr}

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> Entry:
        return cls(
            cmd=str(obj["cmd"]),
            rc=int(obj["rc"]),  # type: ignore[call-overload]
            stdout=str(obj.get("stdout", "")),
            stderr=str(obj.get("stderr", "")),
        )


def _nl(s: str) -> str:
    return s if not s or s.endswith("\n") else s + "\n"


def render_text(entries: Iterable[Entry]) -> str:
    """``$ cmd`` then its stdout, its stderr, and ``[rc=N]`` when N is not 0."""
    parts = []
    for e in entries:
        parts.append(f"$ {e.cmd}\n")
        parts.append(_nl(e.stdout))
        parts.append(_nl(e.stderr))
        if e.rc:
            parts.append(f"[rc={e.rc}]\n")
    return "".join(parts)


def render_json(entries: Iterable[Entry]) -> str:
    return json.dumps([e.to_json() for e in entries], indent=1)


def load_json(text: str) -> list[Entry]:
    return [Entry.from_json(o) for o in json.loads(text)]
