"""``offload vm setup`` and ``offload vm run -- CMD...``: the netdevsim VM from a shell.

``register(subparsers)`` adds the ``vm`` command to the ``offload`` CLI; ``python -m
offload.vmcli ...`` runs the same commands on their own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from hwsim.vm import KERNELS, VM, VMError, provision
from offload.backends._lifecycle import Interrupted, signals_raise


def _split_kernel(value: str | None) -> tuple[str | None, Path | None]:
    """``--kernel``: a known version (``6.1``, ``6.12``) or the path of a user's own kernel."""
    if value is None:
        return None, None
    if value.removeprefix("v") in KERNELS:
        return value.removeprefix("v"), None
    return None, Path(value)


def _setup(args: argparse.Namespace) -> int:
    t0 = time.monotonic()
    try:
        prov = provision(args.cache, progress=lambda m: print(m, file=sys.stderr),
                         kernel=args.kernel)
    except VMError as exc:
        print(f"offload vm setup: {exc}", file=sys.stderr)
        return 1
    print(f"kernel {prov.abi}: {prov.vmlinux}\ninitramfs: {prov.initrd}\n"
          f"provisioned in {time.monotonic() - t0:.1f} s")
    if args.boot:
        try:
            with VM(cache_dir=args.cache, provisioned=prov, version=prov.kernel) as vm:
                print(f"booted in {vm.boot_seconds:.1f} s")
        except VMError as exc:
            print(f"offload vm setup: {exc}", file=sys.stderr)
            return 1
    return 0


def _run(args: argparse.Namespace) -> int:
    """``vm run``: a stop signal (TERM, HUP, INT) kills qemu and removes the VM's folder,
    exit 128 + signal."""
    try:
        with signals_raise():
            return _run_in_vm(args)
    except Interrupted as exc:
        print(f"offload vm run: {exc}; the VM was stopped", file=sys.stderr)
        return 128 + exc.signum


def _run_in_vm(args: argparse.Namespace) -> int:
    argv = list(args.cmd)
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv and not args.script:
        print("offload vm run: give a command after --, or --script FILE", file=sys.stderr)
        return 2
    try:
        version, own = _split_kernel(args.kernel)
        if (own is None) != (args.modules is None):
            print("offload vm run: --modules goes with --kernel FILE (your own kernel); "
                  f"--kernel VERSION is one of {', '.join(KERNELS)}", file=sys.stderr)
            return 2
        # the guest sees only what it needs: the programs folder is shared explicitly
        shares = [args.progs] if args.script and args.progs else []
        with VM(cache_dir=args.cache, kernel=own, modules=args.modules, version=version,
                boot_timeout=args.boot_timeout, shares=shares) as vm:
            abi = vm.provisioned.abi if vm.provisioned else "?"
            print(f"offload vm: {abi} booted in {vm.boot_seconds:.1f} s", file=sys.stderr)
            if args.script:
                from offload.backends.vm import VMBackend
                from offload.transcript import render_json, render_text

                env = {"PROGS": str(args.progs)} if args.progs else {}
                out = VMBackend(vm, timeout=args.timeout).run_files([args.script], env)
                entries = out[args.script.stem]
                sys.stdout.write(render_json(entries) + "\n" if args.json
                                 else render_text(entries))
                return 0
            r = vm.run(argv, timeout=args.timeout)
            sys.stdout.write(r.stdout)
            sys.stderr.write(r.stderr)
            return r.rc
    except VMError as exc:
        print(f"offload vm run: {exc}", file=sys.stderr)
        return 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``vm setup`` and ``vm run`` to the ``offload`` command line."""
    vm = subparsers.add_parser(
        "vm", help="the real kernel with netdevsim, under qemu",
        description="Provision and use a VM running Debian 12's 6.1 kernel (or its 6.12 "
                    "kernel, --kernel 6.12) with netdevsim.")
    vm.add_argument("--cache", type=Path, default=None,
                    help="cache folder (default: $OFFLOAD_VM_CACHE or ~/.cache/offload/vm)")
    sub = vm.add_subparsers(dest="vm_command", required=True)
    s = sub.add_parser(
        "setup", help="install packages, build netdevsim, prepare kernel and initramfs",
        description="Idempotent and resumable (about 1.5 min once, then nothing). Needs root "
                    "and Debian 12's apt.")
    s.add_argument("--kernel", choices=tuple(KERNELS), default=None,
                   help="which Debian kernel (default 6.1); each is cached side by side")
    s.add_argument("--boot", action="store_true", help="boot once afterwards to check")
    s.set_defaults(vm_func=_setup)
    r = sub.add_parser(
        "run", help="boot, run one command (or a script) in the guest, power off",
        description="Runs CMD as an argument list in the guest (its init network namespace, as "
                    "root, the host's / read-only). Exit status is the command's. With "
                    "--script, runs a tc/ip/ethtool/bpftool script through the kernel backend "
                    "in a fresh namespace and prints its transcript.",
        epilog="example: offload vm run -- tc qdisc show; "
               "offload vm run --script s.sh --progs ./progs --json")
    r.add_argument("--script", type=Path, help="a script file to run with the kernel backend")
    r.add_argument("--progs", type=Path, help="value of $PROGS in the script")
    r.add_argument("--json", action="store_true", help="print the transcript as JSON")
    r.add_argument("--timeout", type=float, default=120.0, help="seconds per command")
    r.add_argument("--boot-timeout", type=float, default=240.0, help="seconds for the boot")
    r.add_argument("--kernel", metavar="VERSION|FILE",
                   help="6.1 (default) or 6.12: the provisioned Debian kernel; or your own "
                        "bzImage or vmlinux (with --modules)")
    r.add_argument("--modules", type=Path,
                   help="root with lib/modules/<version>, or that folder, for --kernel")
    r.add_argument("cmd", nargs=argparse.REMAINDER, help="-- then the command and arguments")
    r.set_defaults(vm_func=_run)
    vm.set_defaults(func=lambda a: a.vm_func(a))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m offload.vmcli")
    register(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
