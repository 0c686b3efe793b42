"""What the sandbox answers for the commands that only prepare a real kernel.

``modprobe`` of a module the emulator provides succeeds (as when the module is loaded);
another fails as kmod's modprobe fails for a module that is not installed — nothing is ever
loaded into the host's kernel. ``udevadm settle`` succeeds (the emulator creates its
devices synchronously). ``mount -t bpf ... /sys/fs/bpf`` and ``mount -t debugfs ...
/sys/kernel/debug`` succeed (the views are already there), ``mount`` alone lists the
sandbox's mounts as a kernel with those file systems would show them, and any other
``mount`` runs the real one. ``ip netns exec NS CMD`` is recognised here the way iproute2's
``do_netns()``/``netns_exec()`` parse it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offload.exec._server import Emulation, Reply

#: The trees the FUSE views serve (the server never chdir()s into them).
VIEWS = ("/sys/bus/netdevsim", "/sys/kernel/debug", "/sys/fs/bpf")

#: Modules whose function the emulator provides.
MODULES = frozenset({
    "netdevsim", "cls_bpf", "sch_ingress", "sch_clsact", "act_gact", "act_bpf",
    "cls_matchall", "cls_u32", "cls_flower", "act_mirred", "sch_prio", "dummy", "veth",
    "bpf", "bpf_preload",
})

#: ``ip`` options that take a value (iproute2 ip.c main()).
_IP_OPTS_WITH_VALUE = ("-n", "-netns", "-b", "-batch", "-rc", "-rcvbuf", "-l", "-loops",
                       "-f", "-family")


def _matches(word: str, full: str) -> bool:
    """iproute2's ``matches()``: a non-empty prefix."""
    return bool(word) and full.startswith(word)


def netns_exec_target(args: list[str]) -> tuple[str, list[str]] | None:
    """``(NS, CMD)`` when ``ip ARGS`` is ``ip [OPTIONS] netns exec NS CMD...`` (``None``
    otherwise, and for the incomplete forms the emulator's ``ip`` reports itself)."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "-all":
            return None  # ip -all netns exec: not emulated
        i += 2 if args[i] in _IP_OPTS_WITH_VALUE else 1
    rest = args[i:]
    # "n" alone is "neighbour" in ip's table of objects; "net" is the shortest netns
    if len(rest) < 2 or len(rest[0]) < 3 or not _matches(rest[0], "netns"):
        return None
    if not _matches(rest[1], "exec"):
        return None
    if len(rest) < 3:
        return None
    return rest[2], rest[3:]


def stub_modprobe(argv: list[str], emu: Emulation) -> Reply:
    """kmod's ``modprobe [-q] [-r] MODULE...``: success for emulated modules."""
    from offload.exec._server import Reply

    quiet = any(a in ("-q", "--quiet") for a in argv[1:])
    names = [a for a in argv[1:] if not a.startswith("-")]
    if not names:
        return Reply(rc=1, err="modprobe: ERROR: missing parameters. See -h.\n")
    # modprobe MODULE [PARAM=VALUE...]: one module unless -a
    if not any(a in ("-a", "--all", "-r", "--remove") for a in argv[1:]):
        names = names[:1]
    for name in names:
        if name.replace("-", "_") not in MODULES:
            err = "" if quiet else (f"modprobe: FATAL: Module {name} not found in directory "
                                    f"/lib/modules/{os.uname().release}\n")
            return Reply(rc=1, err=err)
    return Reply()


def stub_udevadm(argv: list[str], emu: Emulation) -> Reply:
    """``udevadm settle``/``trigger``: nothing is pending in the emulator."""
    from offload.exec._server import Reply

    sub = argv[1] if len(argv) > 1 else ""
    if sub in ("settle", "trigger", "control"):
        return Reply()
    return Reply(rc=1, err=f"offload exec: udevadm {sub}: not emulated (only settle, "
                 "trigger and control succeed in the sandbox)\n")


_PSEUDO = {"/sys/kernel/debug": ("debugfs", "debugfs"), "/sys/fs/bpf": ("bpf", "bpf")}


def stub_mount(argv: list[str], emu: Emulation) -> Reply:
    """``mount``: the emulated file systems are mounted already; the rest is the real mount."""
    from offload.exec._server import KIND_EXEC, Reply

    args = argv[1:]
    if not args:
        return Reply(out=mount_table(emu))
    fstype = ""
    words: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-t", "--types") and i + 1 < len(args):
            fstype = args[i + 1]
            i += 2
            continue
        if a.startswith("-t") and len(a) > 2:
            fstype = a[2:]
        elif a in ("-o", "--options") and i + 1 < len(args):
            i += 2
            continue
        elif not a.startswith("-"):
            words.append(a)
        i += 1
    target = os.path.normpath(words[-1]) if words else ""
    if target in _PSEUDO and fstype in ("", _PSEUDO[target][1]):
        return Reply()
    real = emu.real.get("mount")
    if real is None:
        return Reply(rc=32, err="mount: not available in the sandbox\n")
    return Reply(kind=KIND_EXEC, argv=(real, *args))


def mount_table(emu: Emulation) -> str:
    """What ``mount`` prints: /proc/self/mounts without the sandbox's machinery, with the
    views shown as the file systems they stand for."""
    hidden = set(emu.mounts_hidden)
    lines = []
    try:
        with open("/proc/self/mounts", encoding="utf-8") as f:
            rows = [line.split() for line in f]
    except OSError:
        rows = []
    shown: set[str] = set()
    for row in rows:
        if len(row) < 4:
            continue
        src, target, fstype, opts = row[:4]
        target = target.replace("\\040", " ")
        if target in _PSEUDO:
            if target in shown:
                continue
            shown.add(target)
            src, fstype = _PSEUDO[target]
            opts = "rw,relatime"
        elif any(target == h or target.startswith(h + "/") for h in hidden):
            continue
        lines.append(f"{src} on {target} type {fstype} ({opts})\n")
    return "".join(lines)
