"""The guest agent: runs inside the VM, executes the host's requests one after another.

Started by the guest's ``/init`` (chrooted into the host's root, so this is the host's own
Python) as ``python agent.py WORK``. The protocol lives in the shared work folder, because a
9p share is the one channel both sides already have and files survive a crash for debugging:

- the agent writes ``WORK/ready`` (JSON: guest uptime) once it is listening;
- the host writes ``WORK/req/NNNNNN.json`` atomically (temp file + rename):
  ``{"argv": [...], "cwd": str|null, "env": {...}, "timeout": float, "stdin": str|null}``
  or ``{"op": "exit"}``;
- the agent runs ``argv`` as an argument list (never a shell), and writes
  ``WORK/res/NNNNNN.json`` atomically: ``{"rc", "stdout", "stderr", "seconds"}``. A command
  past its timeout has its process group killed and answers rc 124.

Standard library only: it must not depend on anything the project installs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def _write_atomic(path: Path, obj: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(obj))
    os.replace(tmp, path)


def _uptime() -> float:
    try:
        return float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return -1.0


def execute(req: dict[str, object]) -> dict[str, object]:
    """Run one request; never raises (errors become rc 126/127/124 like a shell's)."""
    argv = [str(a) for a in req["argv"]]  # type: ignore[attr-defined]
    env = {**BASE_ENV, **{str(k): str(v) for k, v in dict(req.get("env") or {}).items()}}
    timeout = float(req.get("timeout") or 60)  # type: ignore[arg-type]
    stdin = req.get("stdin")
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(
            argv, cwd=req.get("cwd") or None, env=env, text=True,  # type: ignore[arg-type]
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
    except FileNotFoundError:
        return {"rc": 127, "stdout": "", "stderr": f"{argv[0]}: not found\n", "seconds": 0.0}
    except OSError as exc:
        return {"rc": 126, "stdout": "", "stderr": f"{argv[0]}: {exc}\n", "seconds": 0.0}
    try:
        out, err = p.communicate(stdin, timeout=timeout)  # type: ignore[arg-type]
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        rc = 124
        err += f"\noffload-vm agent: killed after {timeout:.0f} s\n"
    return {"rc": rc, "stdout": out, "stderr": err, "seconds": time.monotonic() - t0}


def serve(work: Path, poll: float = 0.02) -> int:
    """Answer requests in name order until an ``exit`` request arrives."""
    req_dir, res_dir = work / "req", work / "res"
    req_dir.mkdir(exist_ok=True)
    res_dir.mkdir(exist_ok=True)
    _write_atomic(work / "ready", {"uptime": _uptime(), "python": sys.version})
    while True:
        names = sorted(n for n in os.listdir(req_dir) if n.endswith(".json"))
        if not names:
            time.sleep(poll)
            continue
        for name in names:
            path = req_dir / name
            try:
                req = json.loads(path.read_text())
            except (OSError, ValueError) as exc:
                _write_atomic(res_dir / name, {"rc": 125, "stdout": "", "stderr": str(exc),
                                               "seconds": 0.0})
                path.unlink(missing_ok=True)
                continue
            path.unlink(missing_ok=True)
            if req.get("op") == "exit":
                _write_atomic(res_dir / name, {"rc": 0, "stdout": "", "stderr": "",
                                               "seconds": 0.0})
                return 0
            _write_atomic(res_dir / name, execute(req))


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1])))
