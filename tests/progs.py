"""The conformance programs (conformance/progs/*.c), built once per machine with clang.

Objects are never committed: they are built into a cache folder keyed by the sources' hash,
so every test module that needs ``$PROGS`` shares one build.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "conformance" / "progs"


def _multiarch() -> str:
    try:
        out = subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True,
                             check=False).stdout.strip()
    except OSError:
        out = ""
    return out or "x86_64-linux-gnu"


@cache
def conformance_progs() -> Path | None:
    """The folder with the built objects, or ``None`` when clang is missing or fails."""
    clang = shutil.which("clang")
    if clang is None:
        return None
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(SRC.glob("*.c"))))
    out = Path(tempfile.gettempdir()) / f"offload-conformance-progs-{digest.hexdigest()[:12]}"
    if all((out / f"{c.stem}.o").exists() for c in SRC.glob("*.c")):
        return out
    tmp = Path(tempfile.mkdtemp(prefix="offload-progs-"))
    for c in sorted(SRC.glob("*.c")):
        r = subprocess.run([clang, "-O2", "-g", "-target", "bpf", f"-I/usr/include/{_multiarch()}",
                            "-c", str(c), "-o", str(tmp / f"{c.stem}.o")],
                           capture_output=True, text=True, check=False)
        if r.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            return None
    try:
        tmp.rename(out)
    except OSError:  # another worker won the race: use its build
        shutil.rmtree(tmp, ignore_errors=True)
    return out
