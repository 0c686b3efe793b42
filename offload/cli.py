"""The ``offload`` command.

Subcommands: ``run`` (a script → transcript), ``shell`` (interactive or piped), ``tdc``
(tc-testing JSON cases → TAP); ``demo``, ``vm``, ``explore``, ``diff`` and ``exec`` are provided
by their own modules when those are installed, and say so clearly when they are not.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from offload.drivers_cli import add_driver_args, check_driver, driver_spec, driver_timeout
from offload.profile_names import NAMES

PROFILES = NAMES
#: ``offload.runner.BACKENDS`` (kept here so that ``--help`` does not import the runner;
#: tests/front check they agree)
BACKENDS = ("emulator", "kernel", "vm")
#: Subcommands whose module is imported only when that subcommand is chosen (start-up:
#: ``offload --help`` and ``offload run`` do not pay for them): name -> (module, help).
LAZY: dict[str, tuple[str, str]] = {
    "vm": ("offload.vmcli", "manage the netdevsim VM (offload.vmcli)"),
}
EPILOG_RUN = """\
exit status:
  0  the script ran to its end, whatever its lines returned (a failing line is part of the
     transcript, shown as [rc=N]); with --strict, 1 if any line returned non-zero
  2  the script could not be read or parsed, or the backend is unavailable or failed
     (the lines that did run are printed first)
  128+N  stopped by signal N (SIGTERM, SIGHUP, SIGINT): the backend cleaned up (namespace,
     children, VM, temporary folders) and the lines that ran are printed

A script is one command per line: tc, ip, ethtool, bpftool, echo V > PATH, cat PATH, ls PATH,
send DEV hex|pcap ..., audit; '#' starts a comment; $VAR and ${VAR} come from the
environment and from --set (see docs/commands.md)."""


def _var(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected VAR=VALUE, got {text!r}")
    return name, value


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The command line; the modules of :data:`LAZY` subcommands are imported only for
    ``chosen`` (the first word), the others get a placeholder that lists them in help."""
    parser = argparse.ArgumentParser(
        prog="offload",
        description="Emulator of Linux TC hardware offload for cls_bpf: run tc/ip/ethtool/"
                    "bpftool scripts against the kernel model, a simulated netdevsim, the host "
                    "kernel or a VM.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    run = sub.add_parser(
        "run", help="run a script and print its transcript",
        description="Run SCRIPT line by line (every line runs, failing ones included) and "
                    "print a transcript: '$ cmd', its stdout, its stderr and [rc=N] when N is "
                    "not 0.",
        epilog=EPILOG_RUN, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("script", help="script file, or - for standard input")
    run.add_argument("--profile", choices=PROFILES, default="v6.1",
                     help="kernel semantics of the emulator (default: v6.1)")
    run.add_argument("--backend", choices=BACKENDS, default="emulator",
                     help="where to run: the emulator (default), the host kernel "
                          "(root, netdevsim), or the netdevsim VM")
    run.add_argument("--kernel", choices=("6.1", "6.12"), default=None,
                     help="the netdevsim VM's kernel with --backend vm (default 6.1)")
    run.add_argument("--json", action="store_true",
                     help="print only a JSON array of {cmd, rc, stdout, stderr}")
    run.add_argument("--set", dest="variables", action="append", type=_var, default=[],
                     metavar="VAR=VALUE", help="define $VAR for the script (repeatable)")
    run.add_argument("--strict", action="store_true",
                     help="exit 1 if any line returned a non-zero status")
    run.add_argument("--nic", default="netdevsim", metavar="PROFILE",
                     help="simulated NIC profile for netdevsim devices the script creates "
                          "(netdevsim, smartnic, smartnic-lite; emulator backend only)")
    run.add_argument("--report", metavar="FILE.html",
                     help="also write a self-contained HTML timeline of the bus, with the "
                          "state and the invariant checks after every step (emulator only)")
    add_driver_args(run)
    run.set_defaults(func=cmd_run)

    shell = sub.add_parser(
        "shell", help="interactive prompt (or commands piped on stdin)",
        description="Type commands at a prompt (history, tab completion), or pipe a script "
                    "in; the emulator keeps its state until exit.")
    shell.add_argument("--profile", choices=PROFILES, default="v6.1")
    shell.add_argument("--set", dest="variables", action="append", type=_var, default=[],
                       metavar="VAR=VALUE")
    add_driver_args(shell)
    shell.set_defaults(func=cmd_shell)

    tdc = sub.add_parser(
        "tdc", help="run tc-testing (tdc) JSON test cases, print TAP",
        description="Run tdc test cases (the kernel's tools/testing/selftests/tc-testing "
                    "format) on fresh emulators and print TAP. Exit 1 if any test failed.")
    tdc.add_argument("files", nargs="+", metavar="FILE.json")
    tdc.add_argument("--profile", choices=PROFILES, default="v6.1")
    tdc.add_argument("--set", dest="variables", action="append", type=_var, default=[],
                     metavar="VAR=VALUE", help="override a tdc name ($DEV1, $EBPFDIR, ...)")
    tdc.add_argument("-e", "--execute", action="append", default=[], metavar="ID",
                     help="only the test(s) with this id")
    tdc.add_argument("-c", "--category", action="append", default=[],
                     help="only tests of this category")
    add_driver_args(tdc)
    tdc.set_defaults(func=cmd_tdc)

    demo = sub.add_parser("demo", help="a guided demonstration (offload.demo)",
                          add_help=False)
    demo.add_argument("args", nargs=argparse.REMAINDER)
    demo.set_defaults(func=cmd_demo)

    for name, (module, text) in LAZY.items():
        mod = _module(module) if name == chosen else None
        if mod is not None and hasattr(mod, "register"):
            mod.register(sub)
        else:
            p = sub.add_parser(name, help=text)
            p.add_argument("args", nargs=argparse.REMAINDER)
            p.set_defaults(func=_absent(module, name))

    for name, text in (("explore", "explore operation sequences for bookkeeping bugs"),
                       ("diff", "compare transcripts of two backends"),
                       ("exec", "run an existing rig (-- CMD) with the emulator as its kernel"),
                       ("fuzz", "differential fuzzing against the recorded 6.1 kernel")):
        p = sub.add_parser(name, help=f"{text} (offload.{name})", add_help=False)
        p.add_argument("args", nargs=argparse.REMAINDER)
        p.set_defaults(func=_delegate(f"offload.{name}", name))
    return parser


def _absent(module: str, name: str) -> Any:
    def func(args: argparse.Namespace) -> int:
        print(f"offload {name}: not available ({module} is not installed)", file=sys.stderr)
        return 2

    return func


def _delegate(module: str, name: str) -> Any:
    """Hand the remaining words to ``module.main(argv)``."""

    def func(args: argparse.Namespace) -> int:
        mod = _module(module)
        main = getattr(mod, "main", None) if mod is not None else None
        if main is None:
            return int(_absent(module, name)(args))
        return int(main(list(args.args)) or 0)

    return func


def cmd_demo(args: argparse.Namespace) -> int:
    return int(_delegate("offload.demo", "demo")(args))


def _env(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.update(dict(args.variables))
    return env


def cmd_run(args: argparse.Namespace) -> int:
    from core.errors import BackendFailure
    from offload.backends._lifecycle import Interrupted, signals_raise
    from offload.runner import EmulatorBackend, get_backend
    from offload.script import ScriptError, load_script
    from offload.transcript import render_json, render_text

    bad = check_driver(args, "offload run")
    if bad is not None:
        return bad
    if args.driver and args.backend != "emulator":
        print("offload run: --driver needs the emulator backend (a real kernel runs its own "
              "drivers)", file=sys.stderr)
        return 2
    env = _env(args)
    try:
        commands = load_script(args.script, env)
    except ScriptError as exc:
        print(f"offload run: {exc}", file=sys.stderr)
        return 2
    if args.kernel and args.backend != "vm":
        print("offload run: --kernel chooses the netdevsim VM's kernel: it needs --backend vm",
              file=sys.stderr)
        return 2
    if args.report and args.backend != "emulator":
        print("offload run: --report needs the emulator backend", file=sys.stderr)
        return 2
    findings: list[Any] = []
    try:
        with signals_raise():
            if args.report:
                entries, findings = _run_with_report(commands, args)
            elif args.backend == "emulator":
                emulator = EmulatorBackend.from_args(args)
                entries = emulator.run(commands)
                findings = emulator.findings
            else:
                opts = {"kernel": args.kernel} if args.backend == "vm" and args.kernel else {}
                backend = get_backend(args.backend, profile=args.profile,
                                      env=dict(args.variables), **opts)
                entries = backend.run(commands)
    except Interrupted as exc:
        _print_entries(exc.partial, args.json)
        print(f"offload run: {exc} after {len(exc.partial)} of {len(commands)} lines; "
              "cleaned up", file=sys.stderr)
        return 128 + exc.signum
    except BackendFailure as exc:  # every backend's errors (VMError, BackendError, ...)
        _print_entries(exc.partial, args.json)
        ran = f" (after {len(exc.partial)} of {len(commands)} lines)" if exc.partial else ""
        print(f"offload run: {args.backend} backend{ran}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"offload run: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render_json(entries) + "\n" if args.json else render_text(entries))
    if args.strict and (findings or any(e.rc for e in entries)):
        return 1
    return 0


def _print_entries(entries: list[Any], as_json: bool) -> None:
    from offload.transcript import render_json, render_text

    if entries:
        sys.stdout.write(render_json(entries) + "\n" if as_json else render_text(entries))
        sys.stdout.flush()


def _run_with_report(commands: list[Any],
                     args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    """One run with invariant checks and state snapshots after every step, and its report."""
    from offload.explore import ExploreConfig, run_commands
    from offload.report import write_report

    run = run_commands(commands, ExploreConfig(profile=args.profile, nic=args.nic,
                                               driver=driver_spec(args),
                                               driver_timeout=driver_timeout(args)))
    entries = [s.entry for s in run.steps]
    write_report(args.report, run.emu, entries, [v for s in run.steps for v in s.new],
                 snapshots=[s.state for s in run.steps], title=f"offload run {args.script}")
    print(f"offload run: report written to {args.report}", file=sys.stderr)
    return entries, list(run.emu.log.findings)


def cmd_shell(args: argparse.Namespace) -> int:
    from offload.runner import EmulatorBackend
    from offload.shell import run_shell

    bad = check_driver(args, "offload shell")
    if bad is not None:
        return bad
    return run_shell(args.profile, _env(args), backend=EmulatorBackend.from_args(args))


def cmd_tdc(args: argparse.Namespace) -> int:
    from offload.runner import EmulatorBackend
    from offload.tdc import run_files, tap

    bad = check_driver(args, "offload tdc")
    if bad is not None:
        return bad
    try:
        results = run_files(args.files, names=dict(args.variables), profile=args.profile,
                            ids=args.execute, categories=args.category,
                            backend=EmulatorBackend.from_args(args))
    except (OSError, ValueError) as exc:
        print(f"offload tdc: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(tap(results))
    return 0 if all(r.ok for r in results) else 1


#: Subcommands whose words go untouched to ``offload.<name>.main(argv)``: argparse's
#: REMAINDER would not pass options that come before the first positional argument.
DELEGATED = ("demo", "explore", "diff", "exec", "fuzz")


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    if words and words[0] in DELEGATED:
        args = argparse.Namespace(args=words[1:], func=_delegate(f"offload.{words[0]}", words[0]))
    else:
        args = parser.parse_args(words)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
