"""The host side of the VM's security model, without booting: what the guest is given
(never ``/``, no secret of ``/etc``) and how the host reads what the guest wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hwsim.vm import VM, VMError
from hwsim.vm._machine import guest_etc, read_guest_file, remove_guest_file
from hwsim.vm._provision import Provisioned


def test_the_guests_etc_holds_only_world_readable_entries(tmp_path: Path) -> None:
    src = tmp_path / "etc"
    (src / "ssl" / "private").mkdir(parents=True)
    (src / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    (src / "shadow").write_text("root:$6$secret\n")
    (src / "shadow").chmod(0o640)
    (src / "ssl" / "private" / "key.pem").write_text("KEY")
    (src / "ssl" / "private").chmod(0o700)
    (src / "ssl" / "cert.pem").write_text("CERT")
    (src / "os-release").symlink_to("../usr/lib/os-release")
    os.mkfifo(src / "fifo")
    out = tmp_path / "guest-etc"
    guest_etc(out, src)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "os-release", "passwd", "ssl", "ssl/cert.pem"]
    assert os.readlink(out / "os-release") == "../usr/lib/os-release"
    assert (out / "passwd").read_text().startswith("root:")


def test_reading_what_the_guest_wrote_never_follows_a_link(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "res").mkdir(parents=True)
    secret = tmp_path / "secret"
    secret.write_text("host secret")
    (work / "res" / "a.json").write_text('{"rc": 0}')
    (work / "res" / "link.json").symlink_to(secret)
    (work / "dirlink").symlink_to(tmp_path)
    os.mkfifo(work / "res" / "fifo.json")
    assert read_guest_file(work, "res/a.json") == b'{"rc": 0}'
    for rel in ("res/link.json", "dirlink/secret", "res/fifo.json"):
        with pytest.raises(OSError):
            read_guest_file(work, rel)
    (work / "res" / "big").write_bytes(b"x" * 100)
    with pytest.raises(OSError):
        read_guest_file(work, "res/big", limit=99)
    remove_guest_file(work, "res/link.json")
    assert secret.exists() and not (work / "res" / "link.json").is_symlink()
    with pytest.raises(OSError):
        remove_guest_file(work, "dirlink/secret")
    assert secret.exists()


def test_the_guest_is_given_named_folders_never_the_whole_root(tmp_path: Path) -> None:
    prov = Provisioned(abi="x", vmlinux=tmp_path / "vmlinux", initrd=tmp_path / "initrd",
                       modroot=tmp_path / "mods", timings={}, total=0.0)
    data = tmp_path / "data"
    data.mkdir()
    exports, links = VM(provisioned=prov, shares=[data]).exports(prov)
    assert "/" not in exports and "/etc" not in exports and "/root" not in exports
    assert "/usr" in exports and str(data) in exports
    assert not any(e in ("/home", "/root") for e in exports)
    for path, _target in links:
        assert path in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
    with pytest.raises(VMError):
        VM(provisioned=prov, shares=["/"]).exports(prov)
