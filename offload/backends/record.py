"""Record the conformance corpus: run ``conformance/scripts/*.sh`` on the real kernel with
netdevsim (in the VM) and write what each line did to ``conformance/expected/NAME.json``.

Nothing here edits a transcript beyond replacing the programs folder's real path by
``$PROGS`` (as ``shared/conformance/expected`` does): program ids, load times and the like
are kept as the kernel printed them; comparisons normalise them (``normalize.py``).

    python -m offload.backends.record              # all scripts, on 6.1
    python -m offload.backends.record c05 c12      # scripts whose name starts so
    python -m offload.backends.record --kernel 6.12  # on 6.12, into conformance/expected-6.12
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from hwsim.vm import VM, VMError
from offload.backends.vm import PROJECT_ROOT, VMBackend
from offload.diff import expected_folder
from offload.transcript import Entry

CONFORMANCE = PROJECT_ROOT / "conformance"


def build_progs(src: Path, out: Path) -> Path:
    """``clang -O2 -g -target bpf -c`` every ``*.c`` of ``src`` into ``out``; returns ``out``.

    The objects are built fresh (never committed): tc prints only their base name, and the
    one build-dependent value, the size of the BTF section, is normalised away."""
    if shutil.which("clang") is None:
        raise VMError("clang not found (Debian package clang): cannot build the BPF programs")
    out.mkdir(parents=True, exist_ok=True)
    multiarch = subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True,
                               check=False).stdout.strip() or "x86_64-linux-gnu"
    for c in sorted(src.glob("*.c")):
        p = subprocess.run(
            ["clang", "-O2", "-g", "-target", "bpf", f"-I/usr/include/{multiarch}", "-c",
             str(c), "-o", str(out / f"{c.stem}.o")],
            capture_output=True, text=True, check=False,
        )
        if p.returncode != 0:
            raise VMError(f"clang failed on {c}:\n{p.stderr}")
    return out


def unpath(entries: list[Entry], progs: Path) -> list[Entry]:
    """Replace the real programs folder by ``$PROGS`` in outputs (commands keep it already)."""
    real = str(progs)
    return [Entry(e.cmd, e.rc, e.stdout.replace(real, "$PROGS"),
                  e.stderr.replace(real, "$PROGS")) for e in entries]


def write_transcript(path: Path, entries: list[Entry]) -> None:
    path.write_text(json.dumps([e.to_json() for e in entries], indent=1) + "\n")


def record(names: Sequence[str] = (), scripts: Path = CONFORMANCE / "scripts",
           out: Path | None = None, progress=print,  # type: ignore[no-untyped-def]
           kernel: str | None = None) -> dict[str, list[Entry]]:
    """Boot the VM (``kernel``: 6.1 or 6.12) once, run the selected scripts, write their
    transcripts (by default into ``../expected`` or ``../expected-6.12`` beside ``scripts``)."""
    if out is None:
        out = scripts.parent / expected_folder(kernel)
    files = sorted(p for p in scripts.glob("*.sh")
                   if not names or any(p.stem.startswith(n) for n in names))
    if not files:
        raise VMError(f"no script in {scripts} matches {list(names)}")
    out.mkdir(parents=True, exist_ok=True)
    with VM(version=kernel) as vm:
        assert vm.work is not None
        progress(f"record: VM booted in {vm.boot_seconds:.1f} s")
        progs = build_progs(CONFORMANCE / "progs", vm.work / "progs")
        backend = VMBackend(vm)
        t0 = time.monotonic()
        results = backend.run_files(files, {"PROGS": str(progs)})
        progress(f"record: {len(files)} scripts in {time.monotonic() - t0:.1f} s")
        for name, entries in results.items():
            write_transcript(out / f"{name}.json", unpath(entries, progs))
        return results


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m offload.backends.record",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="script name prefixes (default: all)")
    ap.add_argument("--scripts", type=Path, default=CONFORMANCE / "scripts")
    ap.add_argument("--out", type=Path, default=None,
                    help="default: expected/ (6.1) or expected-6.12/ beside --scripts")
    ap.add_argument("--kernel", choices=("6.1", "6.12"), default="6.1")
    args = ap.parse_args(argv)
    try:
        record(args.names, args.scripts, args.out, kernel=args.kernel)
    except VMError as exc:
        print(f"record: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
