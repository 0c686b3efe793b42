"""``offload fuzz``: grow the differential corpus, or replay it on the emulator.

    offload fuzz --record N --seed S [--out DIR]   generate N scripts from seed S on (S, S+1,
                                                   ...), record them on Linux 6.1 in the VM
    offload fuzz --replay [--out DIR] [-v]         compare the corpus with the emulator
    offload fuzz --show SEED                       print the script a seed generates
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from offload.fuzz._gen import generate
from offload.fuzz._record import CORPUS, PROG_SOURCES, new_scripts, record_batch, replay


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="offload fuzz",
        description="Differential fuzzing: random scripts over the whole command language, "
                    "recorded on the real 6.1 kernel with netdevsim (VM), compared with the "
                    "emulator. Exit 1 when --replay finds a difference.")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--record", type=int, metavar="N", help="generate and record N scripts")
    g.add_argument("--replay", action="store_true", help="compare the corpus with the emulator")
    g.add_argument("--show", type=int, metavar="SEED", help="print the script of SEED")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--out", type=Path, default=CORPUS, help=f"corpus folder (default {CORPUS})")
    p.add_argument("--chunk", type=int, default=10, help="scripts per guest call (default 10)")
    p.add_argument("--set", dest="variables", action="append", default=[], metavar="PROGS=DIR",
                   help="for --replay: the folder of built conformance programs")
    p.add_argument("-v", "--verbose", action="store_true", help="--replay: print differences")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.replay:
        return _replay_main(args)
    if args.show is not None:
        sys.stdout.write(generate(args.show))
        return 0
    if args.record is not None:
        if args.record < 1:
            print("offload fuzz: --record needs N >= 1", file=sys.stderr)
            return 2
        from hwsim.vm import VMError

        scripts = new_scripts(range(args.seed, args.seed + args.record), args.out)
        if not scripts:
            print(f"offload fuzz: seeds {args.seed}..{args.seed + args.record - 1} are all "
                  f"recorded in {args.out} already", file=sys.stderr)
            return 0
        try:
            timing = record_batch(scripts, args.out, chunk=args.chunk,
                                  progress=lambda s: print(s, file=sys.stderr))
        except VMError as exc:
            print(f"offload fuzz: {exc}", file=sys.stderr)
            return 2
        print(f"offload fuzz: {timing}")
        return 0
    return _replay_main(args)


def _replay_main(args: argparse.Namespace) -> int:
    progs = None
    for kv in args.variables:
        k, _, v = kv.partition("=")
        if k == "PROGS" and v:
            progs = Path(v)
    if progs is not None:
        return _replay(args, progs)
    import tempfile

    from hwsim.vm import VMError
    from offload.backends.record import build_progs

    with tempfile.TemporaryDirectory(prefix="offload-fuzz-progs-") as tmp:
        try:  # the conformance programs, built for this run only
            built = build_progs(PROG_SOURCES, Path(tmp))
        except VMError as exc:
            print(f"offload fuzz: {exc} (or give --set PROGS=DIR)", file=sys.stderr)
            return 2
        return _replay(args, built)


def _replay(args: argparse.Namespace, progs: Path) -> int:
    if not any((args.out / "expected").glob("*.json")):
        print(f"offload fuzz: no recordings in {args.out / 'expected'}", file=sys.stderr)
        return 2
    result = replay(args.out, progs)
    sys.stdout.write(result.report(verbose=args.verbose))
    return 0 if result.scripts_agreeing == len(result.scripts) else 1
