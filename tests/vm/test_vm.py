"""The VM itself: commands run in the guest, fail and time out like commands should."""

from __future__ import annotations

import pytest

from hwsim.vm import VM

pytestmark = [pytest.mark.vm, pytest.mark.xdist_group("vm")]


def test_boot_timings_reported(vm: VM) -> None:
    assert vm.boot_seconds is not None and vm.boot_seconds > 0
    print(f"boot {vm.boot_seconds:.1f} s, provisioning steps this session: "
          f"{vm.provisioned.timings if vm.provisioned else {}}")


def test_guest_runs_the_provisioned_kernel_with_netdevsim(vm: VM) -> None:
    r = vm.run(["uname", "-r"])
    assert r.rc == 0
    assert vm.provisioned is not None and r.stdout.strip() == vm.provisioned.abi
    mods = vm.run(["cat", "/proc/modules"]).stdout
    for m in ("netdevsim", "cls_bpf", "sch_ingress", "veth", "act_gact"):
        assert f"{m} " in mods


def test_rc_stdout_stderr(vm: VM) -> None:
    r = vm.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
    assert (r.rc, r.stdout, r.stderr) == (3, "out\n", "err\n")


def test_missing_binary_is_127(vm: VM) -> None:
    assert vm.run(["no-such-binary-here"]).rc == 127


def test_command_timeout_kills_only_the_command(vm: VM) -> None:
    r = vm.run(["sleep", "30"], timeout=1)
    assert r.rc == 124
    assert vm.run(["true"]).rc == 0


def test_users_own_kernel_and_modules_boot(vm: VM) -> None:
    """``VM(kernel=bzImage, modules=DIR)``: the Debian kernel, handed over the way a user
    hands over their own build (a compressed bzImage and a modules root), boots with its
    netdevsim module loaded."""
    p = vm.provisioned
    assert p is not None
    bzimage = p.modroot / "boot" / f"vmlinuz-{p.abi}"
    assert bzimage.exists()
    with VM(kernel=bzimage, modules=p.modroot) as own:
        assert own.run(["uname", "-r"]).stdout.strip() == p.abi
        assert "netdevsim " in own.run(["cat", "/proc/modules"]).stdout
        assert own.run(["ls", "/sys/bus/netdevsim/new_device"]).rc == 0
