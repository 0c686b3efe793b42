"""The v6.12 profile against Linux 6.12.117 (Debian) with netdevsim, and v6.1 against 6.1.

Every transcript recorded on a kernel (``conformance/expected-6.12`` for 6.12,
``conformance/expected`` for 6.1, and the same under ``conformance/shared``) must be
reproduced by the emulator with that kernel's profile, command for command once normalised
as ``offload diff`` does. Then one test per change listed in docs/semantics.md ("6.1 ->
6.12"): each takes the line from the 6.12 recording (never from the emulator), checks that
v6.12 prints it, and that the 6.1 recording of the same script says something else, which
v6.1 prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.backends.normalize import normalize
from offload.diff import compare, expected_folder, run_emulator
from offload.script import parse_script
from offload.transcript import Entry, load_json
from tests.progs import conformance_progs

from .conftest import needs_nsim, needs_obj

ROOT = Path(__file__).resolve().parents[2] / "conformance"
CORPORA = (ROOT, ROOT / "shared")
KERNELS = ("6.1", "6.12")
PROGS = conformance_progs() or Path("/nonexistent/offload-progs")

pytestmark = [needs_nsim, needs_obj]


def _recorded(kernel: str) -> list[tuple[str, Path]]:
    out = []
    for corpus in CORPORA:
        for exp in sorted((corpus / expected_folder(kernel)).glob("*.json")):
            out.append((kernel, corpus / "scripts" / f"{exp.stem}.sh"))
    return out


CASES = [c for k in KERNELS for c in _recorded(k)]


def _run(script: Path, profile: str) -> list[Entry]:
    cmds = parse_script(script.read_text().splitlines(), {"PROGS": str(PROGS)})
    return run_emulator({script.stem: cmds}, profile)[script.stem]


def _recording(name: str, kernel: str) -> list[Entry]:
    return load_json((ROOT / expected_folder(kernel) / f"{name}.json").read_text())




def test_every_script_is_recorded_on_both_kernels() -> None:
    for corpus in CORPORA:
        for script in sorted((corpus / "scripts").glob("*.sh")):
            for k in KERNELS:
                assert (corpus / expected_folder(k) / f"{script.stem}.json").exists(), \
                    (script, k)
    assert len(_recorded("6.12")) >= 47


@pytest.mark.parametrize("kernel,script", CASES,
                         ids=[f"{k}:{s.parent.parent.name}/{s.stem}" for k, s in CASES])
def test_recording_reproduces_with_its_profile(kernel: str, script: Path) -> None:
    want = load_json((script.parent.parent / expected_folder(kernel) /
                      f"{script.stem}.json").read_text())
    got = _run(script, f"v{kernel}")
    d = compare(script.stem, got, want, [str(PROGS)])
    assert d.agree, "\n".join(f"#{x.index} $ {x.cmd}\n  emulator {x.emulator}\n"
                              f"  kernel   {x.kernel}" for x in d.lines)


def _line(name: str, kernel: str, prefix: str, nth: int = 0) -> tuple[int, Entry]:
    """The ``nth`` recorded command starting with ``prefix`` and its index."""
    rec = normalize(_recording(name, kernel), [str(PROGS)])
    hits = [(i, e) for i, e in enumerate(rec) if e.cmd.startswith(prefix)]
    return hits[nth]


def _changed(name: str, prefix: str, nth: int = 0) -> tuple[Entry, Entry]:
    """The 6.12 recording's line, checked against v6.12, and 6.1's against v6.1; returns
    both recorded entries (which must differ)."""
    out = []
    for kernel in KERNELS:
        i, want = _line(name, kernel, prefix, nth)
        got = normalize(_run(ROOT / "scripts" / f"{name}.sh", f"v{kernel}"), [str(PROGS)])
        assert got[i] == want, (kernel, want.cmd)
        out.append(want)
    old, new = out
    assert old != new
    return old, new


def test_cls_bpf_refuses_a_program_bound_to_another_device() -> None:
    old, new = _changed("c36-bound-to-other-device", "tc filter add dev eth1")
    assert new.rc == 2 and "Program is bound to a different device" in new.stderr
    assert old.rc == 0  # 6.1 hands it to the driver, which takes it (see c36's show)


def test_shared_block_needs_the_program_bound_to_every_device() -> None:
    old, new = _changed("c37-shared-block-not-every-device", "tc filter add block 8")
    assert "Program is not bound to every device in the block" in new.stderr
    assert old.rc == 0
    # ports of one netdevsim device share an offload device: block 7 takes it on both
    _, ok = _line("c37-shared-block-not-every-device", "6.12", "tc filter show block 7")
    assert "skip_sw in_hw" in ok.stdout


def test_block_ports_refuse_the_same_device_twice() -> None:
    old, new = _changed("c39-block-dev-insert-failed",
                        "tc qdisc add dev eth0 ingress_block 5 egress_block 5")
    assert new.stderr == "Error: block dev insert failed.\n" and new.rc == 2
    assert old.rc == 0


def test_netdevsim_refuses_another_devices_program_at_bind() -> None:
    old, new = _changed("c38-shared-block-join-bound-elsewhere",
                        "tc qdisc add dev eth1 ingress_block 7")
    assert new.stderr == "Error: netdevsim: program bound to a different device.\n"
    assert old.rc == 0


def test_quirk_b_with_ebpf_programs_on_612() -> None:
    """The filter eth0 still holds shows skip_sw without in_hw after the refused bind."""
    old, new = _changed("c38-shared-block-join-bound-elsewhere", "tc filter show block 7", 1)
    assert "skip_sw id" in new.stdout and "in_hw" not in new.stdout
    assert "skip_sw in_hw" in old.stdout
    _, held = _line("c38-shared-block-join-bound-elsewhere", "6.12",
                    "cat /sys/kernel/debug/netdevsim/netdevsim1", 1)
    assert held.stdout.strip() != "0"  # the hardware still holds it: bookkeeping disagrees


def test_invariants_and_explorer_name_quirk_b_on_612() -> None:
    from offload.explore import ExploreConfig, run_commands
    from offload.explore._label import kind_label

    script = ROOT / "scripts" / "c38-shared-block-join-bound-elsewhere.sh"
    cmds = parse_script(script.read_text().splitlines(), {"PROGS": str(PROGS)})
    found = {}
    for profile in ("v6.12", "v6.1"):
        run = run_commands(cmds, ExploreConfig(profile=profile))
        found[profile] = [v for s in run.steps for v in s.new
                          if v.invariant == "bookkeeping-matches-hardware"]
    assert not found["v6.1"]
    v = found["v6.12"][0]
    assert v.blame == "kernel" and "bound to another device" in v.cause
    assert kind_label((v.profile, v.invariant, v.blame, v.cause)) == "kernel quirk B(a)"


def test_xdp_device_match_moved_into_the_core() -> None:
    old, new = _changed("c40-xdp-bound-to-other-device", "ip link set dev eth1 xdpoffload")
    assert new.stderr == "Error: Program bound to different device.\n"
    assert old.stderr == "Error: netdevsim: program bound to different dev.\n"


@pytest.mark.parametrize("name,prefix", [
    ("c27-verifier-knobs", "tc filter replace"),
    ("c42-verifier-log-ranges", "tc filter add dev eth0 ingress prio 1 bpf skip_sw da obj "
                                "$PROGS/tc_classid.o"),
])
def test_verifier_log_format(name: str, prefix: str) -> None:
    old, new = _changed(name, prefix)
    assert "R1=ctx()" in new.stderr and "R1=ctx(off=0,imm=0)" in old.stderr
    assert " @ " in new.stderr and " @ " not in old.stderr


def test_netdevsim_ports_lose_noarp() -> None:
    old, new = _changed("c41-netdevsim-link", "ip link show dev eth0")
    assert "<BROADCAST>" in new.stdout and "<BROADCAST,NOARP>" in old.stdout
    old, new = _changed("c41-netdevsim-link", "ip -j link show")
    assert json.loads(new.stdout)[0]["flags"] == ["BROADCAST", "UP", "LOWER_UP"]


def test_ethtool_feature_list() -> None:
    old, new = _changed("c41-netdevsim-link", "ethtool -k eth0")
    for gone in ("tx-lockless", "netns-local", "fcoe-mtu"):
        assert f"{gone}:" in old.stdout and f"{gone}:" not in new.stdout
    assert "macsec-hw-offload: on [fixed]" in new.stdout


def test_clsact_destroy_puts_ingress_before_egress() -> None:
    """Not visible in a transcript with netdevsim (its egress bind is refused, so the
    egress block holds nothing offloaded): the emulator's unbind events show the order."""
    from offload.emulator import Emulator

    order = {}
    for profile in ("v6.12", "v6.1"):
        emu = Emulator(profile)
        emu.nsim.new_device(1, 1)
        emu.net.qdisc_add("eth0", "clsact")
        start = len(emu.log.events)
        emu.net.qdisc_del("eth0", "clsact")
        order[profile] = [e.command.rsplit("/", 1)[-1] for e in emu.log.events[start:]
                          if e.op == "unbind"]
    assert order["v6.12"] == ["CLSACT_INGRESS", "CLSACT_EGRESS"]
    assert order["v6.1"] == ["CLSACT_EGRESS", "CLSACT_INGRESS"]


def test_offload_diff_against_either_kernels_recordings(capsys: pytest.CaptureFixture[str]) -> None:
    from offload import diff

    script = str(ROOT / "scripts" / "c41-netdevsim-link.sh")
    common = ["--against", "recorded", "--json", "--set", f"PROGS={PROGS}", script]
    for kernel, profile, rc in (("6.12", None, 0), ("6.1", None, 0), ("6.12", "v6.1", 1)):
        argv = ["--kernel", kernel, *(["--profile", profile] if profile else []), *common]
        assert diff.main(argv) == rc, argv
        out = json.loads(capsys.readouterr().out)
        assert out["kernel"] == kernel and out["profile"] == (profile or f"v{kernel}")


def test_run_kernel_needs_the_vm_backend(capsys: pytest.CaptureFixture[str]) -> None:
    from offload.cli import main

    assert main(["run", "--kernel", "6.12", str(ROOT / "scripts" / "c41-netdevsim-link.sh")]) == 2
    assert "needs --backend vm" in capsys.readouterr().err
