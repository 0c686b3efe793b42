"""Provisioning: everything a netdevsim VM needs, built once into a cache folder.

The recipe of ``shared/docs/netdevsim-vm.md``, step by step, each step stamped when done so a
second call costs nothing and an interrupted one resumes where it stopped. Two kernels are
known (:data:`KERNELS`), each cached in its own ``<cache>/<abi>-v1`` folder side by side:
``6.1`` (Debian 12's kernel, the default) and ``6.12`` (Debian 12's security/backports 6.12).

1. ``apt``: Debian packages (``--no-install-recommends``), with ``linux-headers-$ABI`` chosen
   as the headers package whose version equals the ``linux-source-X`` candidate (never a
   hard-coded ABI). For 6.1 the headers and the source are installed on the host (as the
   recipe has it); for 6.12 only the tools are, and step ``debs`` fetches the rest;
2. ``debs`` (6.12): ``apt-get download`` of the headers, their ``-common`` and ``kbuild``
   packages and ``linux-source-6.12`` into the cache; unpacked there with ``dpkg -x`` (the
   host is not changed);
3. ``kernel``: ``apt-get download linux-image-$ABI-unsigned`` + ``dpkg -x`` into the cache (no
   install into /boot, no initramfs hooks);
4. ``netdevsim``: ``drivers/net/netdevsim`` from the ``linux-source-X.tar.xz`` built out of
   tree, unchanged, with ``CONFIG_NETDEVSIM=m``, put under ``lib/modules/$ABI/extra/``,
   ``depmod -b`` (6.12: its one dependency, psample, is a module of the image);
5. ``vmlinux``: the bzImage's payload decompressed (6.1: XZ with Python's lzma; 6.12: zstd
   with the ``zstd`` tool): a compressed bzImage costs ~8 s per boot under TCG, the ELF
   vmlinux boots directly through PVH;
6. ``initramfs``: see ``_initramfs.py``.

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

from ._errors import ProvisionError, VMError, VMUnavailable
from ._initramfs import INIT_VERSION, build_initramfs

Progress = Callable[[str], None]

#: Debian packages of the recipe (tools); a kernel adds its own (:attr:`Kernel.host_packages`).
APT_PACKAGES = (
    "qemu-system-x86", "busybox-static", "kmod", "ethtool", "iproute2", "clang", "llvm",
    "libbpf-dev", "bpftool", "make", "gcc", "zstd",
)
BUSYBOX = Path("/bin/busybox")
_XZ_MAGIC = b"\xfd7zXZ\x00"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_LAYOUT = 1  # bump when the cache layout or a step's output changes


@attrs.frozen
class Kernel:
    """One Debian kernel the VM can boot: where its packages come from and how to build for it.

    ``headers_re`` matches the headers package name and captures the ABI; ``host_headers``
    says whether the headers and the source are installed on the host (6.1, the recipe) or
    downloaded and unpacked into the cache (6.12, the host is left as it is)."""

    version: str
    source_package: str
    headers_glob: str
    headers_re: re.Pattern[str]
    host_headers: bool
    compiler: str
    current_file: str

    @property
    def host_packages(self) -> tuple[str, ...]:
        return (self.source_package, self.compiler) if self.host_headers else (self.compiler,)

    def source_tarball(self, root: Path) -> Path:
        name = f"{self.source_package}.tar.xz"
        if self.host_headers:
            return Path("/usr/src") / name
        return root / "pkgs" / "usr" / "src" / name

    def headers_dir(self, abi: str, root: Path) -> Path:
        if self.host_headers:
            return Path("/usr/src") / f"linux-headers-{abi}"
        return root / "pkgs" / "usr" / "src" / f"linux-headers-{abi}"


#: The kernels ``provision(kernel=...)`` knows; ``6.1`` is the default.
KERNELS: dict[str, Kernel] = {
    "6.1": Kernel(
        version="6.1", source_package="linux-source-6.1",
        headers_glob=r"^linux-headers-6\.1\.0-[0-9]+-amd64$",
        headers_re=re.compile(r"^linux-headers-(6\.1\.0-\d+-amd64)$"), host_headers=True,
        compiler="gcc", current_file="current",
    ),
    "6.12": Kernel(
        version="6.12", source_package="linux-source-6.12",
        headers_glob=r"^linux-headers-6\.12\.[0-9]+\+deb[0-9]+-amd64$",
        headers_re=re.compile(r"^linux-headers-(6\.12\.\d+\+deb\d+-amd64)$"),
        host_headers=False, compiler="gcc-12", current_file="current-6.12",
    ),
}
DEFAULT_KERNEL = "6.1"


def get_kernel(version: str | None) -> Kernel:
    """The :class:`Kernel` for ``6.1``/``6.12`` (``v6.12`` accepted); None is the default."""
    key = (version or DEFAULT_KERNEL).removeprefix("v")
    if key not in KERNELS:
        raise VMError(f"unknown kernel {version!r} (choose from {', '.join(KERNELS)})")
    return KERNELS[key]


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
    kernel: str = DEFAULT_KERNEL

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


def find_abi(kernel: Kernel | None = None) -> tuple[str, str]:
    """(ABI, version): the ABI (``6.1.0-N-amd64``, ``6.12.N+debM-amd64``) of the headers
    package built from the same upload as the ``linux-source-X`` candidate, and that version:
    security updates move N, so it is looked up, never fixed."""
    k = kernel or get_kernel(None)
    want = candidate_version(k.source_package)
    if want is None:
        _run(["apt-get", "update"], "apt", env=_apt_env(), timeout=600)
        want = candidate_version(k.source_package)
    if want is None:
        raise VMUnavailable(f"apt knows no candidate for {k.source_package} (is this Debian 12?)")
    names = _run(["apt-cache", "search", "--names-only", k.headers_glob], "apt")
    pkgs = [ln.split(" ", 1)[0] for ln in names.splitlines()
            if k.headers_re.match(ln.split(" ")[0])]
    if not pkgs:
        raise ProvisionError(f"apt-cache finds no headers package for {k.version} "
                             f"({k.headers_glob})")
    shown = _run(["apt-cache", "show", *pkgs], "apt")
    for block in shown.split("\n\n"):
        pkg = re.search(r"^Package: (\S+)", block, re.M)
        ver = re.search(r"^Version: (\S+)", block, re.M)
        if pkg and ver and ver.group(1) == want:
            m = k.headers_re.match(pkg.group(1))
            if m:
                return m.group(1), want
    raise ProvisionError(f"no headers package for {k.version} has version {want} "
                         f"({k.source_package})")


def _write_elf(raw: bytes, out: Path) -> int:
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(raw)
    tmp.replace(out)
    return len(raw)


def _extract_zstd(data: bytes, out: Path) -> int | None:
    """The zstd payload of a bzImage, found through the setup header's ``payload_offset`` and
    ``payload_length`` (x86 boot protocol 2.08+, at 0x248/0x24c from the protected-mode
    kernel, which starts after ``(setup_sects + 1) * 512`` bytes), decompressed with the
    ``zstd`` tool; None when the payload is not zstd. The last 4 bytes of the payload are the
    decompressed size the kernel's build appends, not part of the frame."""
    if len(data) < 0x250 or data[0x202:0x206] != b"HdrS":
        return None
    setup_sects = data[0x1F1] or 4
    off = int.from_bytes(data[0x248:0x24C], "little")
    length = int.from_bytes(data[0x24C:0x250], "little")
    start = (setup_sects + 1) * 512 + off
    payload = data[start:start + length]
    if not payload.startswith(_ZSTD_MAGIC) or length <= 4:
        return None
    if shutil.which("zstd") is None:
        raise VMUnavailable("the kernel is zstd-compressed and zstd is not installed "
                            "(Debian package zstd)")
    try:
        p = subprocess.run(["zstd", "-d", "-c", "-q"], input=payload[:-4], capture_output=True,
                           timeout=300)
    except subprocess.TimeoutExpired:
        raise ProvisionError("vmlinux: zstd -d timed out") from None
    if p.returncode != 0 or not p.stdout.startswith(b"\x7fELF"):
        raise ProvisionError(f"vmlinux: zstd -d of the bzImage payload failed "
                             f"({p.returncode}): {p.stderr.decode(errors='replace')[-300:]}")
    return _write_elf(p.stdout, out)


def extract_vmlinux(bzimage: Path, out: Path) -> int:
    """Decompress the payload of a bzImage into an ELF ``vmlinux``; returns its size.

    zstd (Debian's 6.12): the payload the setup header points at. XZ (Debian's 6.1): the
    payload starts at the first XZ magic that decompresses into an ELF image; the bytes
    after the stream (the bzImage trailer) are ignored."""
    data = bzimage.read_bytes()
    size = _extract_zstd(data, out)
    if size is not None:
        return size
    start = data.find(_XZ_MAGIC)
    while start >= 0:
        try:
            dec = lzma.LZMADecompressor(format=lzma.FORMAT_XZ)
            raw = dec.decompress(data[start:])
        except lzma.LZMAError:
            raw = b""
        if raw.startswith(b"\x7fELF"):
            return _write_elf(raw, out)
        start = data.find(_XZ_MAGIC, start + 1)
    raise ProvisionError(f"{bzimage}: no XZ- or zstd-compressed ELF kernel inside "
                         "(not a Debian bzImage?)")


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


def _install_packages(kernel: Kernel, abi: str) -> str:
    pkgs = [*APT_PACKAGES, *kernel.host_packages]
    if kernel.host_headers:
        pkgs.append(f"linux-headers-{abi}")
    _run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *pkgs], "apt",
         env=_apt_env(), timeout=1800)
    return " ".join(pkgs)


def _kbuild_suffix(abi: str) -> str:
    """``6.12.117+deb12-amd64`` -> ``6.12.117+deb12`` (the -common and kbuild packages')."""
    return abi.rsplit("-", 1)[0]


def _download_into_cache(kernel: Kernel, abi: str, version: str, root: Path) -> str:
    """``apt-get download`` the headers (with their -common and kbuild packages) and the
    source of exactly ``version`` into ``<root>/debs``, then ``dpkg -x`` them into
    ``<root>/pkgs``: nothing is installed on the host."""
    debs = root / "debs"
    debs.mkdir(exist_ok=True)
    flavourless = _kbuild_suffix(abi)
    pkgs = [f"linux-headers-{abi}", f"linux-headers-{flavourless}-common",
            f"linux-kbuild-{flavourless}", kernel.source_package]
    missing = [p for p in pkgs if not any(debs.glob(f"{p}_*.deb"))]
    if missing:
        _run(["apt-get", "download", *(f"{p}={version}" for p in missing)], "debs", cwd=debs,
             env=_apt_env(), timeout=1800)
    tree = root / "pkgs"
    if tree.exists():
        shutil.rmtree(tree)
    for pkg in pkgs:
        deb = next(debs.glob(f"{pkg}_*.deb"), None)
        if deb is None:
            raise ProvisionError(f"debs: apt-get download {pkg} left no .deb")
        _run(["dpkg", "-x", str(deb), str(tree)], "debs", timeout=900)
    # The headers' Makefile includes the -common one by its absolute /usr/src path: point it
    # at the copy in the cache instead (the build tree itself is not touched).
    hdr = kernel.headers_dir(abi, root)
    common = tree / "usr" / "src" / f"linux-headers-{flavourless}-common" / "Makefile"
    (hdr / "Makefile").write_text(f"include {common}\n")
    for pkg in pkgs:
        deb = next(debs.glob(f"{pkg}_*.deb"))
        deb.unlink()
    return " ".join(pkgs)


def _unpack_kernel(abi: str, root: Path, version: str | None = None) -> str:
    debs = root / "debs"
    debs.mkdir(exist_ok=True)
    pkg = f"linux-image-{abi}-unsigned"
    for old in debs.glob(f"{pkg}_*.deb"):
        old.unlink()
    _run(["apt-get", "download", f"{pkg}={version}" if version else pkg], "kernel", cwd=debs,
         env=_apt_env(), timeout=900)
    deb = next(debs.glob(f"{pkg}_*.deb"), None)
    if deb is None:
        raise ProvisionError(f"kernel: apt-get download {pkg} left no .deb")
    tree = root / "root"
    if tree.exists():
        shutil.rmtree(tree)
    _run(["dpkg", "-x", str(deb), str(tree)], "kernel")
    deb.unlink()
    return deb.name


def _build_netdevsim(kernel: Kernel, abi: str, root: Path) -> str:
    src = root / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir()
    member = f"{kernel.source_package}/drivers/net/netdevsim"
    tarball = kernel.source_tarball(root)
    if not tarball.exists():
        raise VMUnavailable(f"{tarball} missing (Debian package {kernel.source_package})")
    _run(["tar", "-xJf", str(tarball), "-C", str(src), member], "netdevsim", timeout=900)
    mdir = src / member
    headers = kernel.headers_dir(abi, root)
    # No BTF for the module: the headers may carry a vmlinux for pahole, which is not needed
    # (nor installed) for netdevsim.
    _run(["make", "-C", str(headers), f"M={mdir}", "CONFIG_NETDEVSIM=m",
          "CONFIG_DEBUG_INFO_BTF_MODULES=", "-j2", "modules"], "netdevsim", timeout=1800)
    ko = mdir / "netdevsim.ko"
    extra = root / "root" / "lib" / "modules" / abi / "extra"
    extra.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ko, extra / "netdevsim.ko")
    size = ko.stat().st_size
    _run(["depmod", "-a", "-b", str(root / "root"), abi], "netdevsim")
    shutil.rmtree(src)
    if not kernel.host_headers:
        # The unpacked headers and source are only needed for this build.
        shutil.rmtree(root / "pkgs", ignore_errors=True)
    return f"{size} bytes"


def provision(cache_dir: Path | str | None = None, progress: Progress | None = None,
              kernel: str | None = None) -> Provisioned:
    """Provision (or find already provisioned) the netdevsim VM for ``kernel`` (``6.1``, the
    default, or ``6.12``) in ``cache_dir``.

    Idempotent and resumable: completed steps are stamped under ``<cache>/<abi>/stamps``;
    each kernel has its own folder, side by side. Concurrent callers (pytest-xdist workers)
    serialise on a lock file. Raises ``VMUnavailable`` when the machine cannot do it at all
    (not root, no apt), ``VMError`` for an unknown kernel and ``ProvisionError`` naming the
    failing step otherwise."""
    say = progress or (lambda _msg: None)
    t0 = time.monotonic()
    k = get_kernel(kernel)
    if os.geteuid() != 0:
        raise VMUnavailable("provisioning installs Debian packages and needs root")
    if shutil.which("apt-get") is None:
        raise VMUnavailable("apt-get not found: provisioning needs Debian 12")
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        abi = _cached_abi(cache, k)
        version: str | None = None
        if abi is None:
            say(f"provision: looking up the {k.version} kernel ABI ...")
            abi, version = find_abi(k)
        root = cache / f"{abi}-v{_LAYOUT}"
        steps = _Steps(root, say)
        what = f"linux-headers-{abi} and tools" if k.host_headers else "tools"
        steps.run("apt", f"apt-get install ({what})", lambda: _install_packages(k, abi))
        if not k.host_headers and not steps.done("netdevsim"):
            if version is None:
                version = candidate_version(k.source_package)
            steps.run("debs", f"headers and source of {abi} into the cache",
                      lambda: _download_into_cache(k, abi, str(version), root))
        steps.run("kernel", f"linux-image-{abi}-unsigned into the cache",
                  lambda: _unpack_kernel(abi, root, version))
        steps.run("netdevsim", "netdevsim.ko out of tree", lambda: _build_netdevsim(k, abi, root))
        bz = root / "root" / "boot" / f"vmlinuz-{abi}"
        steps.run("vmlinux", "vmlinux from the bzImage",
                  lambda: extract_vmlinux(bz, root / "vmlinux"))
        moddir = root / "root" / "lib" / "modules" / abi
        # One initramfs per /init version, side by side: trees with another /init sharing
        # the cache (an older checkout, a branch) keep booting their own.
        initrd = root / f"initrd-{INIT_VERSION}.cpio"
        steps.run(_initrd_step(), "busybox initramfs",
                  lambda: build_initramfs(moddir, BUSYBOX, initrd))
        (cache / k.current_file).write_text(abi + "\n")
    return Provisioned(
        abi=abi, vmlinux=root / "vmlinux", initrd=initrd, modroot=root / "root",
        timings=steps.timings, total=time.monotonic() - t0, kernel=k.version,
    )


def _initrd_step() -> str:
    return f"initrd-{INIT_VERSION}"


def _cached_abi(cache: Path, kernel: Kernel) -> str | None:
    """The ABI of a completed earlier provisioning of ``kernel``.

    Asking apt costs ~1 s; a complete cache is reused without the search (for 6.1 while its
    headers package is still installed; 6.12's headers live, and went, in the cache)."""
    cur = cache / kernel.current_file
    if not cur.exists():
        return None
    abi = cur.read_text().strip()
    if not (cache / f"{abi}-v{_LAYOUT}" / "stamps" / _initrd_step()).exists():
        return None
    if kernel.host_headers and not Path(f"/usr/src/linux-headers-{abi}").is_dir():
        return None
    return abi
