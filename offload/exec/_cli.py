"""``offload exec [OPTIONS] -- CMD [ARGS...]``: run an existing rig on the emulator."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from offload.drivers_cli import add_driver_args, check_driver, driver_spec, driver_timeout
from offload.profile_names import NAMES

PROFILES = NAMES
EPILOG = """\
CMD runs for real (bash, python3, pytest, tdc.py, ...) in a private mount namespace where
tc, ip, ethtool and bpftool (through PATH and at /sbin, /usr/sbin, /usr/bin) are thin clients
of one emulator kept for the whole run, and /sys/bus/netdevsim, /sys/kernel/debug/netdevsim
and /sys/fs/bpf are its files. modprobe of an emulated module, udevadm settle and mount -t
bpf|debugfs on their usual folders succeed. Nothing outside the sandbox sees any of it.

exit status:
  CMD's status (128+N if it was killed by signal N, or if offload exec got signal N);
  1 with --fail-on violations when the invariant checks found some and CMD succeeded;
  2 when the sandbox cannot be made here (the message says what is missing)."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="offload exec",
        description="Run CMD (an existing test rig, unmodified) with the emulator standing in "
                    "for the kernel: its tc/ip/ethtool/bpftool and netdevsim files.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--profile", choices=PROFILES, default="v6.1",
                   help="kernel semantics of the emulator (default: v6.1)")
    p.add_argument("--nic", default="netdevsim", metavar="PROFILE",
                   help="simulated NIC profile of the netdevsim devices CMD creates "
                        "(netdevsim, smartnic, smartnic-lite)")
    add_driver_args(p)  # --driver, --driver-opt, --driver-timeout (offload.drivers_cli)
    p.add_argument("--transcript", metavar="FILE.json",
                   help="write every served command, in order, as offload run --json does")
    p.add_argument("--report", metavar="FILE.html",
                   help="write the HTML timeline of the bus, with state and invariant checks "
                        "after every served command")
    p.add_argument("--fail-on", choices=("violations",), default=None,
                   help="exit 1 when CMD succeeded but the invariant checks found violations")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.add_argument("cmd", nargs=argparse.REMAINDER, metavar="-- CMD [ARGS...]")
    return p


def _split(argv: list[str]) -> tuple[list[str], list[str]]:
    """Options up to ``--`` (or up to the first word that is not an option), CMD after."""
    takes_value = {"--profile", "--nic", "--driver", "--driver-opt", "--driver-timeout",
                   "--transcript", "--report", "--fail-on"}
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] == "--":
            return argv[:i], argv[i + 1:]
        i += 1 if "=" in argv[i] or argv[i] not in takes_value else 2
    return argv[:i], argv[i:]


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    opts, cmd = _split(words)
    parser = build_parser()
    args = parser.parse_args(opts)
    if not cmd:
        parser.print_usage(sys.stderr)
        print("offload exec: give the command to run after --", file=sys.stderr)
        return 2
    from hwsim.nic import PROFILES as NIC_PROFILES

    if args.nic not in NIC_PROFILES:
        print(f"offload exec: unknown NIC profile {args.nic!r} (one of "
              f"{', '.join(NIC_PROFILES)})", file=sys.stderr)
        return 2
    bad = check_driver(args, "offload exec")
    if bad is not None:
        return bad

    from offload.exec._sandbox import SandboxUnavailable, run
    from offload.exec._server import Emulation, ExecOptions

    options = ExecOptions(profile=args.profile, nic=args.nic, driver=driver_spec(args),
                          driver_timeout=driver_timeout(args), snapshots=bool(args.report))
    started: list[float] = []

    def make(real: dict[str, str]) -> Emulation:
        return Emulation(options, real)

    try:
        status, emulation, served = run(cmd, make, on_ready=started.append)
    except SandboxUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"offload exec: cannot make the sandbox: {exc}", file=sys.stderr)
        return 2
    if emulation is None:
        return status
    _outputs(args, emulation)
    if not args.quiet:
        _summary(emulation, served, started)
    if args.fail_on == "violations" and emulation.violations and status == 0:
        return 1
    return status




def _outputs(args: argparse.Namespace, emulation: Any) -> None:
    from offload.transcript import render_json

    if args.transcript:
        with open(args.transcript, "w", encoding="utf-8") as f:
            f.write(render_json(emulation.entries) + "\n")
    if args.report:
        from offload.report import write_report

        write_report(args.report, emulation.emu, emulation.entries, emulation.violations,
                     snapshots=emulation.snapshots or None,
                     title=f"offload exec -- {' '.join(args.cmd[-1:] or [''])}")


def _summary(emulation: Any, served: int, started: list[float]) -> None:
    ok, audit = emulation.audit_text()
    failed = sum(1 for e in emulation.entries if e.rc)
    start = f", sandbox ready in {started[0] * 1000:.0f} ms" if started else ""
    lines = [f"offload exec: {served} requests served, {len(emulation.entries)} emulator "
             f"steps ({failed} failed){start}",
             f"offload exec: audit: {'ok' if ok else 'MISMATCH'}"]
    if not ok:
        lines += [f"  {line}" for line in audit.splitlines()]
    viol = emulation.violations
    lines.append(f"offload exec: invariant violations: {len(viol)}")
    for v in viol[:20]:
        lines.append(f"  {v}")
    if len(viol) > 20:
        lines.append(f"  ... and {len(viol) - 20} more (see --report)")
    print("\n".join(lines), file=sys.stderr)
