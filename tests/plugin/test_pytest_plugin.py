"""The offload pytest plugin, exercised the way users meet it: test files run by pytest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest_plugins = ["pytester"]  # in the module: a non-root conftest may not load plugins


def test_failure_report_carries_the_bus_timeline(pytester):
    pytester.makepyfile(test_fail="""
        def test_offload(simnic, offload_env, offload_faults):
            nic = simnic(ports=2)
            for dev in nic.ports:
                offload_env.tc(f"qdisc add dev {dev} ingress_block 3 ingress")
            offload_faults.fail("add", errno="EBUSY", port=nic.ports[1])
            offload_env.tc("filter add block 3 bpf bytecode '1,6 0 0 0,' skip_sw")
    """)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "offload bus timeline" in out
    result.stdout.fnmatch_lines([
        "*step *: tc filter add block 3 bpf bytecode*skip_sw*",
        "*add * smartnic:eth1 *OFFLOAD*prog=cbpf*oldprog=-*= -EBUSY*injected fault*",
        "*rollback * smartnic:eth0 *OFFLOAD*prog=- oldprog=cbpf*= 0*",
    ])


def test_passing_tests_get_no_timeline(pytester):
    pytester.makepyfile("""
        def test_ok(offload_env):
            offload_env.nsim_dev(port_count=1)
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(passed=1)
    assert "offload bus timeline" not in result.stdout.str()


def test_profile_from_marker_and_option(pytester):
    pytester.makepyfile("""
        import pytest

        def test_default(offload_emulator, request):
            assert offload_emulator.profile.name == request.config.getoption("--offload-profile")

        @pytest.mark.offload_profile("v5.2")
        def test_marker(offload_emulator):
            assert offload_emulator.profile.name == "v5.2"
    """)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)
    pytester.runpytest("-p", "no:cacheprovider", "--offload-profile=v5.2").assert_outcomes(
        passed=2)


def test_defer_runs_newest_first_even_when_the_test_fails(pytester):
    pytester.makepyfile("""
        ORDER = []

        def test_fails(offload_defer):
            offload_defer(ORDER.append, "first")
            offload_defer(ORDER.append, "second")
            cancelled = offload_defer(ORDER.append, "never")
            cancelled.cancel()
            assert False

        def test_order():
            assert ORDER == ["second", "first"]
    """)
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly").assert_outcomes(
        passed=1, failed=1)


def test_nsim_devices_are_removed_at_teardown(pytester):
    pytester.makepyfile("""
        EMU = []

        def test_make(offload_env, offload_emulator):
            EMU.append(offload_emulator)
            nsim = offload_env.nsim_dev(port_count=2)
            assert [n.ifname for n in nsim.nsims] == ["eth0", "eth1"]
            assert nsim.nsims[1].dfs_read("bpf_tc_accept") == "Y"

        def test_gone():
            assert EMU[0].nsim.devices == {}
            assert "eth0" not in EMU[0].net.devices
    """)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_faults_fixture_skips_on_the_vm_backend_with_a_reason(pytester):
    pytester.makepyfile("""
        def test_f(offload_faults):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs", "--offload-backend=vm")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*offload_faults needs the emulator backend*"])


def test_cmd_failed_shows_the_command_and_its_stderr(pytester):
    pytester.makepyfile("""
        def test_bad(offload_env):
            offload_env.tc("qdisc add dev nosuchdev ingress")
    """)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*CmdFailed*tc qdisc add dev nosuchdev ingress*failed with rc*",
                                 "*Cannot find device*"])


def test_plugin_is_inert_until_a_fixture_is_used():
    code = ("import sys, offload.testing._pytest_plugin; "
            "heavy = [m for m in ('offload.emulator', 'core.net', 'hwsim.vm', 'hypothesis', "
            "'offload.testing._env') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


@pytest.mark.xdist_group("vm")  # with the other VM users: one qemu at a time
def test_example_test_rig_passes():
    """examples/test_rig, as its author runs it: everything passes; the real-kernel tests
    pass in the netdevsim VM or are skipped with the reason."""
    p = subprocess.run([sys.executable, "-m", "pytest", "examples/test_rig", "-q", "-rs",
                        "-p", "no:cacheprovider", "-p", "no:xdist"],
                       capture_output=True, text=True, cwd=ROOT, timeout=1200, check=False)
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert " passed" in out and "failed" not in out
    if "skipped" in out:
        assert "offload VM backend" in out, out
