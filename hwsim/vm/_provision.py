"""Provisioning: everything a netdevsim VM needs, built once into a cache folder.

The recipe of ``shared/docs/netdevsim-vm.md``, step by step, each step stamped when done so a
second call costs nothing and an interrupted one resumes where it stopped:

1. ``apt``: Debian packages (``--no-install-recommends``), with ``linux-headers-$ABI`` chosen
   as the ``linux-headers-6.1.0-N-amd64`` whose version equals the ``linux-source-6.1``
   candidate (never a hard-coded ABI);
2. ``kernel``: ``apt-get download linux-image-$ABI-unsigned`` + ``dpkg -x`` into the cache (no
   install into /boot, no initramfs hooks);
3. ``netdevsim``: ``drivers/net/netdevsim`` from ``/usr/src/linux-source-6.1.tar.xz`` built out
   of tree with ``CONFIG_NETDEVSIM=m``, put under ``lib/modules/$ABI/extra/``, ``depmod -b``;
4. ``vmlinux``: the XZ stream of the bzImage decompressed with Python's lzma (a compressed
   bzImage costs ~8 s per boot under TCG; the ELF vmlinux boots directly through PVH);
5. ``initramfs``: see ``_initramfs.py``.

Every external tool runs as an argument list; no shell ever sees a path.
"""

from __future__ import annotations

import fcntl
import lzma
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from ._errors import ProvisionError, VMUnavailable
from ._initramfs import INIT_VERSION, build_initramfs

Progress = Callable[[str], None]

#: Debian packages of the recipe; ``linux-headers-$ABI`` is added once the ABI is known.
APT_PACKAGES = (
    "qemu-system-x86", "busybox-static", "kmod", "ethtool", "iproute2", "clang", "llvm",
    "libbpf-dev", "bpftool", "linux-source-6.1", "make", "gcc",
)
SOURCE_PACKAGE = "linux-source-6.1"
SOURCE_TARBALL = Path("/usr/src/linux-source-6.1.tar.xz")
BUSYBOX = Path("/bin/busybox")
_HEADERS_RE = re.compile(r"^linux-headers-(6\.1\.0-\d+-amd64)$")
_XZ_MAGIC = b"\xfd7zXZ\x00"
_LAYOUT = 1  # bump when the cache layout or a step's output changes


def default_cache_dir() -> Path:
    """``$OFFLOAD_VM_CACHE``, or ``~/.cache/offload/vm``."""
    env = os.environ.get("OFFLOAD_VM_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "offload" / "vm"


@attrs.frozen
class Provisioned:
    """What a VM boots: the kernel, its module root (``root/lib/modules/$ABI``) and initramfs.

    ``timings`` holds the seconds each step took in *this* call (steps already stamped are
    absent), ``total`` the whole call.
    """

    abi: str
    vmlinux: Path
    initrd: Path
    modroot: Path
    timings: dict[str, float]
    total: float

    @property
    def moddir(self) -> Path:
        return self.modroot / "lib" / "modules" / self.abi


def _run(argv: Sequence[str], step: str, *, cwd: Path | None = None, timeout: float = 1800,
         env: dict[str, str] | None = None) -> str:
    try:
        p = subprocess.run(
            list(argv), cwd=cwd, capture_output=True, text=True, timeout=timeout,
            env=env, stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        raise VMUnavailable(f"{step}: {argv[0]} is not installed ({exc})") from None
    except subprocess.TimeoutExpired:
        raise ProvisionError(f"{step}: {' '.join(argv)} timed out after {timeout:.0f} s") from None
    if p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-25:])
        raise ProvisionError(f"{step}: {' '.join(argv)} exited {p.returncode}:\n{tail}")
    return p.stdout


def _apt_env() -> dict[str, str]:
    return {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}


def candidate_version(package: str) -> str | None:
    """The ``Candidate:`` of ``apt-cache policy PACKAGE``, or None when apt knows no candidate."""
    out = _run(["apt-cache", "policy", package], "apt")
    m = re.search(r"^\s*Candidate:\s*(\S+)", out, re.M)
    return m.group(1) if m and m.group(1) != "(none)" else None


def find_abi() -> str:
    """The ABI (``6.1.0-N-amd64``) of the headers package built from the same upload as the
    ``linux-source-6.1`` candidate: security updates move N, so it is looked up, never fixed."""
    want = candidate_version(SOURCE_PACKAGE)
    if want is None:
        _run(["apt-get", "update"], "apt", env=_apt_env(), timeout=600)
        want = candidate_version(SOURCE_PACKAGE)
    if want is None:
        raise VMUnavailable(f"apt knows no candidate for {SOURCE_PACKAGE} (is this Debian 12?)")
    names = _run(
        ["apt-cache", "search", "--names-only", r"^linux-headers-6\.1\.0-[0-9]+-amd64$"], "apt"
    )
    pkgs = [ln.split(" ", 1)[0] for ln in names.splitlines() if _HEADERS_RE.match(ln.split(" ")[0])]
    if not pkgs:
        raise ProvisionError("apt-cache finds no linux-headers-6.1.0-*-amd64 package")
    shown = _run(["apt-cache", "show", *pkgs], "apt")
    for block in shown.split("\n\n"):
        pkg = re.search(r"^Package: (\S+)", block, re.M)
        ver = re.search(r"^Version: (\S+)", block, re.M)
        if pkg and ver and ver.group(1) == want:
            m = _HEADERS_RE.match(pkg.group(1))
            if m:
                return m.group(1)
    raise ProvisionError(f"no linux-headers-6.1.0-*-amd64 has version {want} ({SOURCE_PACKAGE})")


def extract_vmlinux(bzimage: Path, out: Path) -> int:
    """Decompress the XZ payload of a bzImage into an ELF ``vmlinux``; returns its size.

    The payload starts at the first XZ magic that decompresses into an ELF image; the bytes
    after the stream (the bzImage trailer) are ignored."""
    data = bzimage.read_bytes()
    start = data.find(_XZ_MAGIC)
    while start >= 0:
        try:
            dec = lzma.LZMADecompressor(format=lzma.FORMAT_XZ)
            raw = dec.decompress(data[start:])
        except lzma.LZMAError:
            raw = b""
        if raw.startswith(b"\x7fELF"):
            tmp = out.with_suffix(".tmp")
            tmp.write_bytes(raw)
            tmp.replace(out)
            return len(raw)
        start = data.find(_XZ_MAGIC, start + 1)
    raise ProvisionError(f"{bzimage}: no XZ-compressed ELF kernel inside (not a Debian bzImage?)")


class _Steps:
    """Stamp files: ``<cache>/<abi>/stamps/<step>`` exists once the step has completed."""

    def __init__(self, root: Path, progress: Progress) -> None:
        self.stamps = root / "stamps"
        self.stamps.mkdir(parents=True, exist_ok=True)
        self.progress = progress
        self.timings: dict[str, float] = {}

    def done(self, step: str) -> bool:
        return (self.stamps / step).exists()

    def run(self, step: str, what: str, fn: Callable[[], object]) -> None:
        if self.done(step):
            return
        self.progress(f"provision: {what} ...")
        t0 = time.monotonic()
        info = fn()
        dt = time.monotonic() - t0
        self.timings[step] = dt
        (self.stamps / step).write_text(f"{info}\n{dt:.1f}s\n")
        self.progress(f"provision: {what} done in {dt:.1f} s")


def _install_packages(abi: str) -> str:
    pkgs = [*APT_PACKAGES, f"linux-headers-{abi}"]
    _run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *pkgs], "apt",
         env=_apt_env(), timeout=1800)
    return " ".join(pkgs)


def _unpack_kernel(abi: str, root: Path) -> str:
    debs = root / "debs"
    debs.mkdir(exist_ok=True)
    for old in debs.glob("*.deb"):
        old.unlink()
    pkg = f"linux-image-{abi}-unsigned"
    _run(["apt-get", "download", pkg], "kernel", cwd=debs, env=_apt_env(), timeout=900)
    deb = next(debs.glob("*.deb"), None)
    if deb is None:
        raise ProvisionError(f"kernel: apt-get download {pkg} left no .deb")
    tree = root / "root"
    if tree.exists():
        shutil.rmtree(tree)
    _run(["dpkg", "-x", str(deb), str(tree)], "kernel")
    deb.unlink()
    return deb.name


def _build_netdevsim(abi: str, root: Path) -> str:
    src = root / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir()
    member = "linux-source-6.1/drivers/net/netdevsim"
    if not SOURCE_TARBALL.exists():
        raise VMUnavailable(f"{SOURCE_TARBALL} missing (Debian package {SOURCE_PACKAGE})")
    _run(["tar", "-xJf", str(SOURCE_TARBALL), "-C", str(src), member], "netdevsim", timeout=900)
    mdir = src / member
    headers = Path("/usr/src") / f"linux-headers-{abi}"
    _run(["make", "-C", str(headers), f"M={mdir}", "CONFIG_NETDEVSIM=m", "-j2", "modules"],
         "netdevsim", timeout=1800)
    ko = mdir / "netdevsim.ko"
    extra = root / "root" / "lib" / "modules" / abi / "extra"
    extra.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ko, extra / "netdevsim.ko")
    size = ko.stat().st_size
    _run(["depmod", "-a", "-b", str(root / "root"), abi], "netdevsim")
    shutil.rmtree(src)
    return f"{size} bytes"


def provision(cache_dir: Path | str | None = None, progress: Progress | None = None) -> Provisioned:
    """Provision (or find already provisioned) the netdevsim VM in ``cache_dir``.

    Idempotent and resumable: completed steps are stamped under ``<cache>/<abi>/stamps``.
    Concurrent callers (pytest-xdist workers) serialise on a lock file. Raises
    ``VMUnavailable`` when the machine cannot do it at all (not root, no apt), and
    ``ProvisionError`` naming the failing step otherwise."""
    say = progress or (lambda _msg: None)
    t0 = time.monotonic()
    if os.geteuid() != 0:
        raise VMUnavailable("provisioning installs Debian packages and needs root")
    if shutil.which("apt-get") is None:
        raise VMUnavailable("apt-get not found: provisioning needs Debian 12")
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        abi = _cached_abi(cache)
        if abi is None:
            say("provision: looking up the kernel ABI ...")
            abi = find_abi()
        root = cache / f"{abi}-v{_LAYOUT}"
        steps = _Steps(root, say)
        steps.run("apt", f"apt-get install (linux-headers-{abi} and tools)",
                  lambda: _install_packages(abi))
        steps.run("kernel", f"linux-image-{abi}-unsigned into the cache",
                  lambda: _unpack_kernel(abi, root))
        steps.run("netdevsim", "netdevsim.ko out of tree", lambda: _build_netdevsim(abi, root))
        bz = root / "root" / "boot" / f"vmlinuz-{abi}"
        steps.run("vmlinux", "vmlinux from the bzImage",
                  lambda: extract_vmlinux(bz, root / "vmlinux"))
        moddir = root / "root" / "lib" / "modules" / abi
        # one file per /init version: a cache shared by checkouts of different versions
        # (parallel worktrees, CI runners) never boots one with another's /init
        initrd = root / f"initrd-{INIT_VERSION}.cpio"
        steps.run(f"initrd-{INIT_VERSION}", "busybox initramfs",
                  lambda: build_initramfs(moddir, BUSYBOX, initrd))
        (cache / "current").write_text(abi + "\n")
    return Provisioned(
        abi=abi, vmlinux=root / "vmlinux", initrd=initrd, modroot=root / "root",
        timings=steps.timings, total=time.monotonic() - t0,
    )


def _cached_abi(cache: Path) -> str | None:
    """The ABI of a completed earlier provisioning, if still the apt candidate's.

    Asking apt costs ~1 s; a complete cache whose headers package is still installed at the
    source candidate's version is reused without the search."""
    cur = cache / "current"
    if not cur.exists():
        return None
    abi = cur.read_text().strip()
    if not (cache / f"{abi}-v{_LAYOUT}" / "stamps" / f"initrd-{INIT_VERSION}").exists():
        return None
    if not Path(f"/usr/src/linux-headers-{abi}").is_dir():
        return None
    return abi
