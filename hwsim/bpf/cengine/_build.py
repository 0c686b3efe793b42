"""Build (once per source hash) and import the compiled core.

The C source (``cengine.c`` + ``cengine.h`` beside this file) is compiled with cffi in API
mode into a per-user cache directory keyed by the hash of the sources, the cffi version
and the Python ABI, so every process after the first just imports the shared object.
Builds go to a private temporary directory and are moved into place atomically, so
concurrent first uses (pytest-xdist workers) do not trip over each other.

Any failure (no compiler, no Python headers, a read-only home, ``OFFLOAD_CENGINE=0``)
is reported as a reason string, never raised: callers fall back to the Python engine.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import importlib.util
import io
import os
import shutil
import sys
import sysconfig
import tempfile
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
HEADER = HERE / "cengine.h"
SOURCE = HERE / "cengine.c"
CFLAGS = ["-O2", "-fno-strict-aliasing", "-Wno-unused-label"]

#: The Python helper callback, declared for cdef (``extern "Python"``) and, as a static
#: prototype, for the C source (cengine.c declares it itself).
CALLBACK = 'extern "Python" uint64_t ce_py_helper(void *, int32_t, uint64_t *, int *);\n'

_lock = threading.Lock()
_state: dict[str, object] = {}


def cache_dir() -> Path:
    """``$OFFLOAD_CENGINE_CACHE``, else ``$XDG_CACHE_HOME/offload/cengine``, else
    ``~/.cache/offload/cengine``."""
    env = os.environ.get("OFFLOAD_CENGINE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "offload" / "cengine"


def source_hash() -> str:
    """Hash of what the built module depends on: sources, flags, cffi, Python ABI."""
    import cffi

    h = hashlib.sha256()
    for part in (HEADER.read_bytes(), SOURCE.read_bytes(), CALLBACK.encode(),
                 " ".join(CFLAGS).encode(), cffi.__version__.encode(),
                 (sysconfig.get_config_var("EXT_SUFFIX") or "").encode(),
                 sys.version.encode()):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()[:16]


def _ffi(modname: str) -> Any:  # cffi.FFI, imported lazily
    import cffi

    ffi = cffi.FFI()
    ffi.cdef(HEADER.read_text() + CALLBACK)
    ffi.set_source(modname, '#include "cengine.c"\n', include_dirs=[str(HERE)],
                   extra_compile_args=CFLAGS)
    return ffi


def _import(path: Path, modname: str) -> ModuleType:
    loader = importlib.machinery.ExtensionFileLoader(modname, str(path))
    spec = importlib.util.spec_from_file_location(modname, str(path), loader=loader)
    if spec is None:
        raise ImportError(f"cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def _build() -> ModuleType:
    digest = source_hash()
    modname = f"_offload_cengine_{digest}"
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    cache = cache_dir()
    target = cache / f"{modname}{suffix}"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="build-", dir=cache))
        try:
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                built = _ffi(modname).compile(tmpdir=str(tmp), verbose=False)
            os.replace(built, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return _import(target, modname)


def load() -> tuple[ModuleType | None, str | None]:
    """``(module, None)`` or ``(None, reason)``; built and imported at most once."""
    with _lock:
        if "result" not in _state:
            if os.environ.get("OFFLOAD_CENGINE", "1") == "0":
                _state["result"] = (None, "disabled by OFFLOAD_CENGINE=0")
            else:
                try:
                    _state["result"] = (_build(), None)
                except Exception as e:  # any failure means "unavailable"
                    text = str(e).strip().splitlines()
                    _state["result"] = (None, f"{type(e).__name__}: "
                                              f"{text[-1] if text else ''}".strip())
        return _state["result"]  # type: ignore[return-value]
