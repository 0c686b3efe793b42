"""Turning the emulator's program-load failures into the lines tc prints."""

from __future__ import annotations

from typing import Any


def load_error_lines(exc: Any, trailer: str) -> str:
    """The text of a ``LoadError`` (``stderr_lines``), ending with tc's own ``trailer``
    line (``Unable to load program`` / ``Unable to parse bpf command line``) exactly once."""
    lines = [str(x) for x in getattr(exc, "stderr_lines", None) or [str(exc)]]
    if not lines or lines[-1] != trailer:
        lines.append(trailer)
    return "".join(line + "\n" for line in lines)
