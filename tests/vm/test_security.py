"""What the guest can reach of the host (docs/vm.md, "Security model"), and a VM run
stopped by a signal: qemu and the VM's folder go, the lines that ran are printed."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from hwsim.vm import VM
from hwsim.vm._machine import read_guest_file
from tests.security.killing import (
    alive,
    cmdline,
    descendants,
    left_behind,
    start_run,
    stop,
    tmp_entries,
    wait_for,
)
from tests.vm.conftest import _unavailable_reason

pytestmark = [pytest.mark.vm, pytest.mark.xdist_group("vm")]


def test_guest_sees_no_host_secrets_and_cannot_write_the_host(vm: VM) -> None:
    assert vm.work is not None and vm.ctl is not None
    for argv in (["cat", "/etc/shadow"], ["cat", "/etc/gshadow"], ["ls", "/home"],
                 ["ls", "/root/.ssh"]):
        r = vm.run(argv)
        assert r.rc != 0 and r.stdout == "", (argv, r)
    assert vm.run(["cat", "/etc/passwd"]).stdout.startswith("root:")
    # the root of the guest is its own tmpfs; /usr, /etc and the control folder are read-only
    for target in ("/usr/offload-x", "/etc/offload-x", f"{vm.ctl}/offload-x"):
        r = vm.run(["sh", "-c", f"echo x > {target}"])
        assert r.rc != 0 and "Read-only file system" in r.stderr, (target, r)
        assert not Path(target).exists()
    r = vm.run(["sh", "-c", "echo scratch > /tmp/x && cat /tmp/x"])
    assert (r.rc, r.stdout) == (0, "scratch\n")
    # what the exec helper needs: the system's Python and tools
    r = vm.run(["/usr/bin/python3", "-c", "import json, ctypes; print('ok')"])
    assert (r.rc, r.stdout) == (0, "ok\n")


def test_a_planted_symlink_does_not_redirect_the_host(vm: VM, tmp_path: Path) -> None:
    """The guest owns everything below ``work``: a symlink it plants where the host reads is
    refused (O_NOFOLLOW), and requests never go through ``work``."""
    assert vm.work is not None
    secret = tmp_path / "secret"
    secret.write_text("host secret")
    r = vm.run(["sh", "-c", f"mkdir -p {vm.work}/trap && ln -sf {secret} {vm.work}/trap/f "
                f"&& ln -sfn /etc {vm.work}/etcdir"])
    assert r.rc == 0, r.stderr
    with pytest.raises(OSError):
        read_guest_file(vm.work, "trap/f")
    with pytest.raises(OSError):
        read_guest_file(vm.work, "etcdir/passwd")
    assert vm.run(["true"]).rc == 0  # the channel still works
    assert secret.read_text() == "host secret"


def test_vm_run_stopped_by_sigterm_leaves_nothing(tmp_path: Path) -> None:
    reason = _unavailable_reason()
    if reason:
        pytest.skip(reason)
    script = tmp_path / "long.sh"
    script.write_text("tc qdisc show\n" * 2000)
    before = tmp_entries()
    proc = start_run(script, "vm")

    def qemu() -> list[int]:
        return [p for p in descendants(proc.pid) if "qemu-system" in cmdline(p)]

    def lines_ran() -> bool:  # the guest reports each entry in a progress file
        for d in tmp_entries() - before:
            for f in Path(f"/tmp/{d}/work").glob("*.progress"):
                if f.read_text().count('"cmd"') >= 2:
                    return True
        return False

    wait_for(lambda: bool(qemu()) and lines_ran(), proc, "the first lines in the VM", 900)
    pids = qemu()
    rc, out, err = stop(proc, signal.SIGTERM)
    assert rc == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM" in err
    assert out.startswith("$ tc qdisc show\n")  # the lines that ran, from the guest
    assert [p for p in pids if alive(p)] == []
    assert left_behind(before) == set()


def test_qemu_dies_with_a_killed_parent(tmp_path: Path) -> None:
    reason = _unavailable_reason()
    if reason:
        pytest.skip(reason)
    script = tmp_path / "long.sh"
    script.write_text("tc qdisc show\n" * 2000)
    before = tmp_entries()
    proc = start_run(script, "vm")
    wait_for(lambda: any("qemu-system" in cmdline(p) for p in descendants(proc.pid)), proc,
             "qemu's start", 600)
    pids = [p for p in descendants(proc.pid) if "qemu-system" in cmdline(p)]
    stop(proc, signal.SIGKILL)
    try:
        import time

        end = time.monotonic() + 60
        while any(alive(p) for p in pids) and time.monotonic() < end:
            time.sleep(0.1)
        assert [p for p in pids if alive(p)] == []
    finally:  # SIGKILL runs no cleanup: the folder is ours to remove
        import shutil

        for d in tmp_entries() - before:
            shutil.rmtree(f"/tmp/{d}", ignore_errors=True)


def test_writes_only_reach_the_scripts_own_netdevsim_devices(vm: VM) -> None:
    """On the real kernel, after ``realpath``: a device's files are writable by the script
    that created it only; someone else's device (netdevsim32, made outside the script) and
    a symlink out of netdevsim's tree are refused, and the tools' lines off the allowlist
    never run. A device that does not exist (netdevsim33) gets the kernel's ENOENT, as a
    shell would show it, without a write."""
    from offload.backends.vm import VMBackend
    from offload.script import parse_script

    made = vm.run(["sh", "-c", "echo '32 1' > /sys/bus/netdevsim/new_device"])
    assert made.rc == 0, made.stderr
    try:
        text = "\n".join([
            'echo "31 1" > /sys/bus/netdevsim/new_device',
            "echo N > /sys/kernel/debug/netdevsim/netdevsim31/bpf_bind_accept",
            "cat /sys/kernel/debug/netdevsim/netdevsim31/bpf_bind_accept",
            "echo N > /sys/kernel/debug/netdevsim/netdevsim32/bpf_bind_accept",
            "echo 32 > /sys/bus/netdevsim/del_device",
            "echo 32junk > /sys/bus/netdevsim/del_device",
            'echo "32 1" > /sys/bus/netdevsim/new_device',
            "echo 1500 > /sys/bus/netdevsim/devices/netdevsim31/../../../class/net/lo/mtu",
            "echo 1 > /sys/bus/netdevsim/../../../proc/sys/net/ipv4/ip_forward",
            "echo N > /sys/kernel/debug/netdevsim/netdevsim33/bpf_bind_accept",
            "echo 33 > /sys/bus/netdevsim/del_device",
            "ip netns add x",
            "tc -batch /etc/passwd",
        ])
        [entries] = VMBackend(vm).run_many({"s": parse_script(text.split("\n"), {})}).values()
        assert [e.rc for e in entries] == [0, 0, 0] + [1] * 8 + [127, 127], entries
        assert entries[2].stdout == "N\n"
        assert all("only allowed" in e.stderr for e in entries[3:9]), entries
        assert entries[9].stderr == ("sh: /sys/kernel/debug/netdevsim/netdevsim33/"
                                     "bpf_bind_accept: No such file or directory\n")
        assert entries[10].stderr == "sh: echo: write error: No such file or directory\n"
        r = vm.run(["cat", "/proc/sys/net/ipv4/ip_forward"])
        assert r.stdout == "0\n"
        r = vm.run(["cat", "/sys/kernel/debug/netdevsim/netdevsim32/bpf_bind_accept"])
        assert r.stdout == "Y\n"  # someone else's device, untouched
    finally:
        vm.run(["sh", "-c", "echo 32 > /sys/bus/netdevsim/del_device"])


def test_a_script_leaves_no_program_behind(vm: VM) -> None:
    """A script that ends with an XDP program offloaded and ``bpf_xdpoffload_accept`` at N
    (conformance x06): netdevsim would refuse the detach at unregister and the program
    would outlive its device, breaking ``bpftool prog`` for the machine's next user (the
    kernel's test_offload.py then skips itself as "bpftool not installed"). The backend's
    cleanup, and a ``del_device`` of the script's own, let it go: afterwards no program is
    left at all."""
    from offload.backends.record import CONFORMANCE, build_progs
    from offload.backends.vm import VMBackend
    from offload.script import parse_script

    progs = build_progs(CONFORMANCE / "progs", vm.work / "progs")
    text = "\n".join([
        'echo "41 1" > /sys/bus/netdevsim/new_device',
        "ip link set eth0 up",
        f"ip link set dev eth0 xdpoffload obj {progs}/xdp_pass.o sec xdp",
        "echo N > /sys/kernel/debug/netdevsim/netdevsim41/ports/0/bpf_xdpoffload_accept",
        "ip link set dev eth0 xdpoffload off",
    ])
    for last in ("", "\necho 41 > /sys/bus/netdevsim/del_device"):  # cleanup's, script's
        script = parse_script((text + last).split("\n"), {})
        [entries] = VMBackend(vm).run_many({"s": script}).values()
        assert [e.rc for e in entries] == [0, 0, 0, 0, 2] + [0] * bool(last), entries
        assert "XDP offload disabled in DebugFS" in entries[4].stderr
        r = vm.run(["bpftool", "-j", "prog", "show"])
        assert r.rc == 0, r.stdout + r.stderr
        assert r.stdout.strip() == "[]"


def test_qemu_dying_mid_run_keeps_the_lines_that_ran() -> None:
    """The guest reports each entry as it goes: when qemu dies, ``VMError.partial`` has them
    and ``offload run`` prints them (tests/security/test_cli_errors.py)."""
    import threading
    import time

    from hwsim.vm import VMError
    from offload.backends.vm import VMBackend
    from offload.script import parse_script

    reason = _unavailable_reason()
    if reason:
        pytest.skip(reason)
    with VM() as own:
        assert own.work is not None
        work = own.work

        def kill_after_some_lines() -> None:
            end = time.monotonic() + 600
            while time.monotonic() < end:
                for f in work.glob("*.progress"):
                    if f.read_text().count('"cmd"') >= 3:
                        own._proc.kill()  # type: ignore[union-attr]  # qemu dies
                        return
                time.sleep(0.05)

        t = threading.Thread(target=kill_after_some_lines)
        t.start()
        with pytest.raises(VMError) as exc:
            VMBackend(own).run(parse_script(["tc qdisc show"] * 3000, {}))
        t.join()
    assert len(exc.value.partial) >= 3
    assert all(e.cmd == "tc qdisc show" and e.rc == 0 for e in exc.value.partial)
