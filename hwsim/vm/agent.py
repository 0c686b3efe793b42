"""The guest agent: runs inside the VM, executes the host's requests one after another.

Started by the guest's ``/init`` (chrooted into the guest root, which holds the host's own
Python read-only) as ``python agent.py WORK CTL``. The protocol lives in two 9p shares, the
one channel both sides already have (files survive a crash for debugging):

- the agent writes ``WORK/ready`` (JSON: guest uptime) once it is listening;
- the host writes ``CTL/req/NNNNNN-RANDOM.json`` atomically (temp file + rename) in the
  control share, which the guest can only read (so nothing in the guest can plant a link
  where the host writes):
  ``{"argv": [...], "cwd": str|null, "env": {...}, "timeout": float, "stdin": str|null}``
  or ``{"op": "exit"}``;
- the agent runs ``argv`` as an argument list (never a shell), and writes
  ``WORK/res/<same name>`` atomically: ``{"rc", "stdout", "stderr", "seconds"}``; the host
  reads it without following links. A command past its timeout gets SIGTERM (its own
  cleanup runs: a kernel-backend run removes its namespaces), then SIGKILL 5 s later, and
  answers rc 124. Requests are answered once each, in name order (the agent cannot delete
  them: the host does once it has the answer).

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
        os.killpg(p.pid, signal.SIGTERM)
        try:
            out, err = p.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
        rc = 124
        err += f"\noffload-vm agent: killed after {timeout:.0f} s\n"
    return {"rc": rc, "stdout": out, "stderr": err, "seconds": time.monotonic() - t0}


def serve(work: Path, ctl: Path, poll: float = 0.02) -> int:
    """Answer requests in name order until an ``exit`` request arrives."""
    req_dir, res_dir = ctl / "req", work / "res"
    res_dir.mkdir(exist_ok=True)
    done: set[str] = set()
    _write_atomic(work / "ready", {"uptime": _uptime(), "python": sys.version})
    while True:
        names = sorted(n for n in os.listdir(req_dir) if n.endswith(".json")
                       and not n.startswith(".") and n not in done)
        if not names:
            done &= set(os.listdir(req_dir))  # forget what the host has removed
            time.sleep(poll)
            continue
        for name in names:
            done.add(name)
            try:
                req = json.loads((req_dir / name).read_text())
            except (OSError, ValueError) as exc:
                _write_atomic(res_dir / name, {"rc": 125, "stdout": "", "stderr": str(exc),
                                               "seconds": 0.0})
                continue
            if req.get("op") == "exit":
                _write_atomic(res_dir / name, {"rc": 0, "stdout": "", "stderr": "",
                                               "seconds": 0.0})
                return 0
            _write_atomic(res_dir / name, execute(req))


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1]), Path(sys.argv[2])))
