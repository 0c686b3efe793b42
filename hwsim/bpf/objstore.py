"""Parsed objects kept on disk between processes, so that ``offload run``, CI jobs and
explorer workers do not import pyelftools and parse the same ELF file again.

An entry is a small JSON file named by a digest of the parser's own source, the path as
given and the digest of the file's bytes (read by the caller): a changed file, another
path or another version of the parser never match an old entry. JSON, not pickle: a
tampered entry can at worst describe another program, not run code; the folder must be
the user's own and not writable by others, else it is not used.

Where: ``$OFFLOAD_CACHE_DIR/objects`` if set, else ``$XDG_CACHE_HOME/offload/objects``,
else ``~/.cache/offload/objects``. ``OFFLOAD_CACHE_DIR=off`` (or ``OFFLOAD_LOAD_CACHE=0``)
turns it off. Entries beyond :data:`MAX_ENTRIES` are pruned, oldest first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

MAX_ENTRIES = 512
_version: str | None = None


def folder() -> Path | None:
    """The cache folder (created 0700), or None when off or not safely usable."""
    base = os.environ.get("OFFLOAD_CACHE_DIR")
    if base == "off":
        return None
    if base:
        d = Path(base) / "objects"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = Path(xdg) / "offload" / "objects"
    try:
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = d.stat()
    except OSError:
        return None
    if st.st_uid != os.geteuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return d


def _parser_version() -> str:
    """A digest of the modules whose code decides what a parse gives."""
    global _version
    if _version is None:
        h = hashlib.blake2b(digest_size=8)
        here = Path(__file__).resolve().parent
        for name in ("elf.py", "btf.py", "objstore.py"):
            with contextlib.suppress(OSError):
                h.update((here / name).read_bytes())
        _version = h.hexdigest()
    return _version


def _entry(d: Path, path: str, digest: bytes) -> Path:
    h = hashlib.blake2b(digest_size=16)
    h.update(_parser_version().encode() + b"\0" + path.encode(errors="surrogateescape") +
             b"\0" + digest)
    return d / f"{h.hexdigest()}.json"


def load(path: str, digest: bytes) -> Any | None:
    """The stored answer (a ``BpfObject`` or an ``(errno, message, log)`` tuple) or None."""
    d = folder()
    if d is None:
        return None
    try:
        raw = json.loads(_entry(d, path, digest).read_text())
        return _decode(raw, path)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(path: str, digest: bytes, value: Any) -> None:
    """Store an answer; any failure only means it is not stored."""
    d = folder()
    if d is None:
        return
    import tempfile  # only when storing (its imports cost more than a stored load)

    try:
        text = json.dumps(_encode(value))
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(text)
            os.replace(tmp, _entry(d, path, digest))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(d)
    except (OSError, TypeError, ValueError):
        return


def _prune(d: Path) -> None:
    try:
        entries = [e for e in os.scandir(d) if e.name.endswith(".json")]
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns)
        for e in entries[: len(entries) - MAX_ENTRIES]:
            with contextlib.suppress(OSError):
                os.unlink(e.path)
    except OSError:
        return


def _encode(value: Any) -> dict[str, Any]:
    from hwsim.bpf.elf import BpfObject

    if not isinstance(value, BpfObject):
        err, message, log = value
        return {"error": [err, message, log]}
    return {
        "license": value.license, "has_btf": value.has_btf,
        "programs": [{"section": p.section, "func": p.func, "insns": p.insns.hex(),
                      "license": p.license,
                      "relocs": [[r.insn, r.map_name, r.kind, r.offset] for r in p.relocs]}
                     for p in value.programs],
        "maps": [[m.name, m.map_type, m.key_size, m.value_size, m.max_entries, m.flags,
                  None if m.initial is None else m.initial.hex(), m.readonly]
                 for m in value.maps.values()],
    }


def _decode(raw: dict[str, Any], path: str) -> Any:
    from hwsim.bpf.elf import BpfObject, MapReloc, MapSpec, ProgSpec

    if "error" in raw:
        err, message, log = raw["error"]
        return (int(err), str(message), str(log))
    progs = tuple(
        ProgSpec(p["section"], p["func"], bytes.fromhex(p["insns"]),
                 tuple(MapReloc(int(i), str(n), str(k), int(o)) for i, n, k, o in p["relocs"]),
                 p["license"])
        for p in raw["programs"])
    maps = {m[0]: MapSpec(m[0], m[1], m[2], m[3], m[4], m[5],
                          None if m[6] is None else bytes.fromhex(m[6]), bool(m[7]))
            for m in raw["maps"]}
    return BpfObject(path, raw["license"], progs, maps, bool(raw["has_btf"]))
