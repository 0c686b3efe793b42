"""The guest's ``/init`` and the initramfs that carries it.

The initramfs holds static busybox, the kernel's virtio and 9p modules (in dependency order,
read from ``modules.dep``, not hard-coded) and ``/init``. ``/init`` mounts the host folders
the guest needs read-only over 9p, the work folder read-write at its host path,
proc/sys/dev/debugfs/bpffs,
loads the modules the scenarios need up front (module autoloading cannot work from inside the
chroot: the kernel runs ``/sbin/modprobe`` in the initramfs root), chroots into the new root,
runs the argument list in ``$CTL/boot-argv`` and powers off. See docs/vm.md.

The new root is a tmpfs holding only the read-only exports the host listed in
``$CTL/mounts`` (``mount TAG PATH`` / ``link PATH TARGET`` lines), not the host's ``/``.
"""

from __future__ import annotations

import hashlib
import io
import lzma
from pathlib import Path

from . import _cpio
from ._errors import ProvisionError

#: Modules the guest needs to reach the host's files (resolved with their dependencies).
BOOT_MODULES = ("virtio_pci", "9pnet_virtio", "9p")

#: Modules loaded before the command runs: what the scenarios use (no autoload in the guest).
SCENARIO_MODULES = (
    "netdevsim", "cls_bpf", "sch_ingress", "veth", "act_gact", "act_bpf", "cls_u32",
    "cls_matchall",
)

_BUSYBOX_APPLETS = (
    "sh", "mount", "insmod", "mkdir", "cat", "chroot", "poweroff", "sync", "tr", "cut", "echo",
    "ln", "chmod",
)

INIT = r"""#!/bin/sh
# /init of the offload netdevsim VM, run by busybox sh as PID 1 (see hwsim/vm/_initramfs.py).
# Fixed text: nothing from a user is ever interpolated here. Parameters come from the kernel
# command line (paths the host checked); the folders to mount from "$CTL/mounts" and the
# command to run from "$CTL/boot-argv" (one argument per line), both in the control share,
# which the guest cannot write. The command is executed as an argument list with chroot,
# never through a shell. The new root is a tmpfs: the guest's only writable places are that
# tmpfs (its scratch, in guest memory) and the work share.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
say() { echo "offload-vm: $*"; }
fail() { say "FATAL: $*"; sync; poweroff -f; }
for m in $(cat /etc/boot-modules); do insmod "/mods/$m" || say "insmod $m failed"; done
WORK=""
CTL=""
MODROOT=""
MODS=""
for kv in $(cat /proc/cmdline); do
    case "$kv" in
        offload_work=*) WORK="${kv#offload_work=}" ;;
        offload_ctl=*) CTL="${kv#offload_ctl=}" ;;
        offload_modroot=*) MODROOT="${kv#offload_modroot=}" ;;
        offload_modules=*) MODS="${kv#offload_modules=}" ;;
    esac
done
[ -n "$WORK" ] || fail "no offload_work= on the kernel command line"
[ -n "$CTL" ] || fail "no offload_ctl= on the kernel command line"
R=/host
P9=trans=virtio,version=9p2000.L,msize=512000
mkdir -p $R
mount -t tmpfs -o mode=0755 tmpfs $R || fail "cannot make the guest root"
mkdir -p $R/proc $R/sys $R/dev $R/run $R/root $R/var/tmp $R/tmp
chmod 1777 $R/tmp $R/var/tmp
mkdir -p "$R$CTL"
mount -t 9p -o "$P9,ro" ctl "$R$CTL" || fail "cannot mount the control folder"
# The exports are read-only and static during a boot: let the guest cache them (cache=loose),
# so modprobe and Python start-up stop re-reading every file over 9p.
while read -r kind a b; do
    case "$kind" in
        mount) mkdir -p "$R$b"; mount -t 9p -o "$P9,ro,cache=loose" "$a" "$R$b" \
                   || fail "cannot mount $b" ;;
        link) ln -s "$b" "$R$a" || fail "cannot link $a" ;;
    esac
done < "$R$CTL/mounts"
mkdir -p "$R$WORK"
mount -t 9p -o "$P9" work "$R$WORK" || fail "cannot mount the work folder"
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts
mount -t devpts devpts $R/dev/pts
mount -t debugfs debugfs $R/sys/kernel/debug
mount -t bpf bpf $R/sys/fs/bpf
if [ -n "$MODROOT" ]; then
    if [ -d $R/lib/modules ]; then
        mount --bind "$R$MODROOT/lib/modules" $R/lib/modules
    fi
    if [ -n "$MODS" ]; then
        for m in $(echo "$MODS" | tr , ' '); do
            chroot $R /sbin/modprobe -d "$MODROOT" "$m" || say "modprobe $m failed"
        done
    fi
fi
echo "$(cut -d' ' -f1 /proc/uptime)" > "$R$WORK/boot-uptime"
set -f
IFS='
'
set -- $(cat "$R$CTL/boot-argv")
unset IFS
chroot $R "$@" > "$R$WORK/boot.log" 2>&1
echo "$?" > "$R$WORK/boot-rc"
sync
poweroff -f
"""


def _module_index(moddir: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Name -> relative path and name -> dependency names, from ``modules.dep``."""
    paths: dict[str, str] = {}
    deps: dict[str, list[str]] = {}

    def name_of(rel: str) -> str:
        base = rel.rsplit("/", 1)[-1]
        return base.split(".ko", 1)[0].replace("-", "_")

    for line in (moddir / "modules.dep").read_text().splitlines():
        if ":" not in line:
            continue
        mod, rest = line.split(":", 1)
        paths[name_of(mod)] = mod
        deps[name_of(mod)] = [name_of(d) for d in rest.split()]
    return paths, deps


def _builtin(moddir: Path) -> set[str]:
    f = moddir / "modules.builtin"
    if not f.exists():
        return set()
    return {
        ln.rsplit("/", 1)[-1].split(".ko", 1)[0].replace("-", "_")
        for ln in f.read_text().splitlines()
    }


def resolve_modules(moddir: Path, wanted: tuple[str, ...]) -> list[str]:
    """Relative paths of ``wanted`` and their dependencies, dependencies first (like modprobe).
    Built-in modules are skipped; a module that is neither is an error."""
    paths, deps = _module_index(moddir)
    builtin = _builtin(moddir)
    order: list[str] = []

    def visit(name: str, chain: tuple[str, ...]) -> None:
        name = name.replace("-", "_")
        if name in chain or paths.get(name) in order:
            return
        if name not in paths:
            if name in builtin:
                return
            raise ProvisionError(f"kernel module {name!r} not found in {moddir}/modules.dep")
        for d in deps[name]:
            visit(d, (*chain, name))
        order.append(paths[name])

    for w in wanted:
        visit(w, ())
    return order


def _module_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.endswith(".xz"):
        return lzma.decompress(data)
    if path.name.endswith(".zst"):
        raise ProvisionError(f"{path}: zstd modules are not supported; give .ko or .ko.xz")
    return data


#: Changes whenever /init changes, so a cached initramfs built from an older /init is rebuilt.
INIT_VERSION = hashlib.sha256(INIT.encode()).hexdigest()[:10]


def build_initramfs(moddir: Path, busybox: Path, out: Path) -> int:
    """Write the initramfs for the kernel whose modules are in ``moddir``; returns its size."""
    if not busybox.exists():
        raise ProvisionError(f"{busybox} not found (Debian package busybox-static)")
    entries = [_cpio.directory(d) for d in ("bin", "dev", "etc", "mods", "proc", "sys", "host")]
    entries.append(_cpio.chardev("dev/console", 5, 1))
    entries.append(_cpio.file("bin/busybox", busybox.read_bytes(), 0o755))
    entries += [_cpio.symlink(f"bin/{a}", "busybox") for a in _BUSYBOX_APPLETS]
    names = []
    for rel in resolve_modules(moddir, BOOT_MODULES):
        src = moddir / rel
        name = src.name.removesuffix(".xz")
        names.append(name)
        entries.append(_cpio.file(f"mods/{name}", _module_bytes(src)))
    entries.append(_cpio.file("etc/boot-modules", ("\n".join(names) + "\n").encode()))
    entries.append(_cpio.file("init", INIT.encode(), 0o755))
    buf = io.BytesIO()
    _cpio.write_newc(buf, entries)
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(out)
    return len(buf.getvalue())
