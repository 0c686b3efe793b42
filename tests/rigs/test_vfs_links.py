"""offload.vfs: the ports/N/dev link and the bpffs tree, through the Vfs API the sandbox's
file-system views use (the shell-level behaviour is in the recorded rig-needs r03/r04)."""

from __future__ import annotations

import errno

import pytest

from offload.runner import EmulatorBackend

DFS = "/sys/kernel/debug/netdevsim/netdevsim1"


@pytest.fixture
def s():
    session = EmulatorBackend().new_session()
    assert session.run_text('echo "1 2" > /sys/bus/netdevsim/new_device').rc == 0
    return session


def test_dev_is_a_link_to_the_device_folder(s):
    vfs = s.ctx.vfs
    node = vfs.lookup(f"{DFS}/ports/1/dev", follow=False)
    assert node.is_link and not node.is_dir
    assert vfs.readlink(f"{DFS}/ports/1/dev") == "../../../netdevsim1"
    assert vfs.lookup(f"{DFS}/ports/1/dev").is_dir
    assert vfs.realpath(f"{DFS}/ports/1/dev/bpf_bind_accept") == f"{DFS}/bpf_bind_accept"
    assert vfs.listdir(f"{DFS}/ports/1/dev") == vfs.listdir(DFS)
    assert "dev" in vfs.listdir(f"{DFS}/ports/0")


def test_link_errors(s):
    vfs = s.ctx.vfs
    with pytest.raises(OSError) as ei:
        vfs.readlink(f"{DFS}/ports/0")
    assert ei.value.errno == errno.EINVAL
    with pytest.raises(OSError) as ei:
        vfs.read(f"{DFS}/ports/0/dev/nosuch")
    assert ei.value.errno == errno.ENOENT
    with pytest.raises(OSError) as ei:
        vfs.read(f"{DFS}/bpf_bind_accept/x")
    assert ei.value.errno == errno.ENOTDIR


def test_write_through_the_link_changes_the_device_knob(s):
    s.ctx.vfs.write(f"{DFS}/ports/0/dev/bpf_bind_verifier_accept", "0\n")
    assert s.ctx.vfs.read(f"{DFS}/bpf_bind_verifier_accept") == "N\n"


def test_bpffs_pins_folders_and_unlink(s, tmp_path):
    from tests.progs import conformance_progs

    progs = conformance_progs()
    if progs is None:
        pytest.skip("clang is missing: the BPF test programs cannot be built")
    vfs = s.ctx.vfs
    vfs.mkdir("/sys/fs/bpf/dir")
    with pytest.raises(OSError) as ei:
        vfs.mkdir("/sys/fs/bpf/dir")
    assert ei.value.errno == errno.EEXIST
    with pytest.raises(OSError) as ei:
        vfs.mkdir("/sys/fs/bpf/none/sub")
    assert ei.value.errno == errno.ENOENT
    e = s.run_text(f"bpftool prog load {progs}/tc_pass.o /sys/fs/bpf/dir/p type classifier")
    assert e.rc == 0, e.stderr
    assert vfs.listdir("/sys/fs/bpf") == ["dir"]
    assert vfs.listdir("/sys/fs/bpf/dir") == ["p"]
    with pytest.raises(OSError) as ei:
        vfs.read("/sys/fs/bpf/dir/p")
    assert ei.value.errno == errno.EIO
    with pytest.raises(OSError) as ei:
        vfs.rmdir("/sys/fs/bpf/dir")
    assert ei.value.errno == errno.ENOTEMPTY
    with pytest.raises(OSError) as ei:
        vfs.unlink("/sys/fs/bpf/dir")
    assert ei.value.errno == errno.EISDIR
    assert len(s.emu.programs) == 1
    vfs.unlink("/sys/fs/bpf/dir/p")
    assert s.emu.programs == []  # the pin was the last reference
    vfs.rmdir("/sys/fs/bpf/dir")
    assert vfs.listdir("/sys/fs/bpf") == []
    with pytest.raises(OSError) as ei:
        vfs.unlink("/sys/fs/bpf/dir/p")
    assert ei.value.errno == errno.ENOENT


def test_sysfs_files_cannot_be_removed_or_made(s):
    vfs = s.ctx.vfs
    with pytest.raises(OSError) as ei:
        vfs.unlink(f"{DFS}/bpf_bind_accept")
    assert ei.value.errno == errno.EPERM
    with pytest.raises(OSError) as ei:
        vfs.mkdir(f"{DFS}/newdir")
    assert ei.value.errno == errno.EPERM
