"""Choosing the VM's kernel, without booting one: the kernel table, the zstd bzImage of 6.12,
and ``--kernel`` on the command lines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hwsim.vm import KERNELS, VMError, default_cache_dir, get_kernel
from hwsim.vm._provision import extract_vmlinux
from offload import vmcli


def test_known_kernels_and_their_headers() -> None:
    assert set(KERNELS) == {"6.1", "6.12"}
    k61, k612 = get_kernel("6.1"), get_kernel("v6.12")
    assert k61.headers_re.match("linux-headers-6.1.0-57-amd64").group(1) == "6.1.0-57-amd64"
    assert k612.headers_re.match("linux-headers-6.12.117+deb12-amd64").group(1) == \
        "6.12.117+deb12-amd64"
    assert k612.headers_re.match("linux-headers-6.12.117+deb12-cloud-amd64") is None
    assert k61.host_headers and not k612.host_headers  # 6.12 leaves the host alone
    assert k61.current_file != k612.current_file       # cached side by side
    with pytest.raises(VMError, match=r"choose from 6\.1, 6\.12"):
        get_kernel("5.10")


def _fake_bzimage(payload: bytes, setup_sects: int = 1) -> bytes:
    """A bzImage as the x86 boot protocol lays it out: setup sectors with ``HdrS`` and
    ``payload_offset``/``payload_length`` (relative to the protected-mode kernel), then the
    protected-mode part holding the payload at that offset."""
    setup = bytearray(512 * (setup_sects + 1))
    setup[0x1F1] = setup_sects
    setup[0x202:0x206] = b"HdrS"
    offset = 64
    setup[0x248:0x24C] = offset.to_bytes(4, "little")
    setup[0x24C:0x250] = len(payload).to_bytes(4, "little")
    return bytes(setup) + b"\0" * offset + payload + b"trailer"


@pytest.mark.skipif(shutil.which("zstd") is None, reason="zstd is not installed (make apt)")
def test_zstd_payload_is_extracted(tmp_path: Path) -> None:
    elf = b"\x7fELF" + bytes(range(256)) * 64
    comp = subprocess.run(["zstd", "-q", "-c"], input=elf, capture_output=True,
                          check=True).stdout
    bz = tmp_path / "vmlinuz"
    # the kernel's build appends the decompressed size (4 bytes) to the zstd stream
    bz.write_bytes(_fake_bzimage(comp + len(elf).to_bytes(4, "little")))
    out = tmp_path / "vmlinux"
    assert extract_vmlinux(bz, out) == len(elf)
    assert out.read_bytes() == elf


def test_neither_xz_nor_zstd_is_refused(tmp_path: Path) -> None:
    bz = tmp_path / "vmlinuz"
    bz.write_bytes(_fake_bzimage(b"gzip? no" * 8))
    with pytest.raises(VMError, match="no XZ- or zstd-compressed ELF kernel"):
        extract_vmlinux(bz, tmp_path / "vmlinux")


def test_provisioned_612_cache_when_present() -> None:
    """On a machine that provisioned 6.12: its folder beside 6.1's, with netdevsim built for
    it (depending on psample) and the zstd-extracted ELF kernel."""
    cache = default_cache_dir()
    cur = cache / "current-6.12"
    if not cur.exists():
        pytest.skip("the 6.12 VM is not provisioned here (offload vm setup --kernel 6.12)")
    abi = cur.read_text().strip()
    root = cache / f"{abi}-v1"
    assert (root / "vmlinux").read_bytes()[:4] == b"\x7fELF"
    dep = (root / "root" / "lib" / "modules" / abi / "modules.dep").read_text()
    line = next(ln for ln in dep.splitlines() if ln.startswith("extra/netdevsim.ko:"))
    assert line.split(":", 1)[1].split() == ["kernel/net/psample/psample.ko.xz"]
    assert not (root / "pkgs").exists()  # headers and source were only needed to build


def test_vm_run_kernel_is_a_version_or_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert vmcli._split_kernel("6.12") == ("6.12", None)
    assert vmcli._split_kernel("v6.1") == ("6.1", None)
    assert vmcli._split_kernel("./bzImage") == (None, Path("./bzImage"))
    assert vmcli._split_kernel(None) == (None, None)
    assert vmcli.main(["vm", "run", "--kernel", "6.12", "--modules", "/x", "--", "true"]) == 2
    assert "--modules goes with --kernel FILE" in capsys.readouterr().err


def test_vm_setup_refuses_an_unknown_kernel(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        vmcli.main(["vm", "setup", "--kernel", "5.10"])
    assert exc.value.code == 2
    assert "invalid choice: '5.10'" in capsys.readouterr().err
