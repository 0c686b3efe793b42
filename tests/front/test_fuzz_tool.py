"""``offload fuzz``: the generator, the replay, the command line; and the v5.2 rollback
recursion shown where it happens (``offload run --profile v5.2``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from offload.cli import main
from offload.fuzz import CORPUS, generate, replay
from offload.runner import COMMANDS
from offload.script import parse_script
from tests.progs import conformance_progs

from .conftest import needs_nsim, needs_obj


def test_generate_is_deterministic_and_parses() -> None:
    for seed in range(40):
        text = generate(seed)
        assert text == generate(seed)
        assert text.startswith(f"# offload fuzz seed {seed}\n")
        cmds = parse_script(text.splitlines(), {"PROGS": "/p"})
        assert len(cmds) >= 10
        assert {c.argv[0] for c in cmds} <= set(COMMANDS)
    assert generate(1) != generate(2)


def test_generator_is_weighted_toward_offload() -> None:
    """Over a few hundred scripts every offload scenario of the brief shows up often."""
    text = "".join(generate(s) for s in range(300))
    lines = text.splitlines()

    def count(pred) -> int:  # type: ignore[no-untyped-def]
        return sum(1 for ln in lines if pred(ln))

    assert count(lambda ln: ln.startswith("tc filter add block") and "skip_sw" in ln) > 100
    assert count(lambda ln: ln.startswith("tc filter replace") and "skip_sw" in ln) > 100
    assert count(lambda ln: "_block" in ln and ln.startswith("tc qdisc")) > 300
    assert count(lambda ln: ln.startswith("tc qdisc del")) > 150
    assert count(lambda ln: ln.startswith("echo") and "/ports/" in ln) > 300
    assert count(lambda ln: "del_device" in ln or ln.startswith("ip link del")) > 80
    assert count(lambda ln: "xdpoffload" in ln) > 150
    for word in ("bpftool prog load", "bpftool", "ethtool -k", "tc chain show",
                 "tc filter get", "matchall", "flower", "verbose", " -j ", "-s filter"):
        assert word in text, word


def test_show_prints_the_generated_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fuzz", "--show", "7"]) == 0
    assert capsys.readouterr().out == generate(7)


def test_record_needs_a_positive_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fuzz", "--record", "0"]) == 2
    assert "--record needs N >= 1" in capsys.readouterr().err


def test_replay_of_an_empty_folder_is_an_error(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fuzz", "--replay", "--out", str(tmp_path), "--set", "PROGS=/x"]) == 2
    assert "no recordings in" in capsys.readouterr().err


@needs_nsim
@needs_obj
def test_replay_reports_and_fails_on_a_difference(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A two-script copy of the corpus agrees; one changed recorded line makes it fail and
    the report names the script and the command."""
    names = sorted(p.stem for p in (CORPUS / "expected").glob("*.json"))[:2]
    for sub in ("scripts", "expected"):
        (tmp_path / sub).mkdir()
    for n in names:
        shutil.copy(CORPUS / "scripts" / f"{n}.sh", tmp_path / "scripts")
        shutil.copy(CORPUS / "expected" / f"{n}.json", tmp_path / "expected")
    progs = str(conformance_progs())
    assert main(["fuzz", "--replay", "--out", str(tmp_path), "--set", f"PROGS={progs}"]) == 0
    out = capsys.readouterr().out
    assert "scripts agreeing on every command: 2/2" in out
    assert "tc qdisc add" in out  # the per-command table
    exp = tmp_path / "expected" / f"{names[0]}.json"
    data = json.loads(exp.read_text())
    data[0]["stderr"] = "changed\n"
    exp.write_text(json.dumps(data))
    result = replay(tmp_path, Path(progs))
    assert result.scripts_agreeing == 1
    assert main(["fuzz", "--replay", "--out", str(tmp_path), "--set", f"PROGS={progs}",
                 "-v"]) == 1
    out = capsys.readouterr().out
    assert f"x {names[0]}" in out and "changed" in out


V52_SCRIPT = """\
echo "1 1" > /sys/bus/netdevsim/new_device
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
echo Y > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 0,' skip_sw
echo N > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
tc filter replace dev eth0 ingress prio 1 handle 1 bpf bytecode '1,6 0 0 1,' skip_sw
tc filter show dev eth0 ingress
"""
DEFECT = ("offload: v5.2 kernel defect (unbounded-rollback-recursion): cls_bpf_offload_cmd "
          "rollback still failing after 16 swaps (errno 95); the v5.2 kernel recurses without "
          "bound here. Stopped by the emulator.\n")


@needs_nsim
def test_v52_rollback_recursion_is_printed_where_it_happens(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "v52.sh"
    script.write_text(V52_SCRIPT)
    assert main(["run", "--profile", "v5.2", "--json", str(script)]) == 0
    entries = json.loads(capsys.readouterr().out)
    replace = entries[7]
    assert replace["cmd"].startswith("tc filter replace")
    assert replace["stderr"].endswith(DEFECT)
    assert replace["rc"] == 2
    assert all("kernel defect" not in e["stderr"] for i, e in enumerate(entries) if i != 7)
    assert main(["run", "--profile", "v5.2", str(script)]) == 0
    text = capsys.readouterr().out
    assert "$ tc filter replace" in text.split(DEFECT)[0].splitlines()[-3]
    assert main(["run", "--profile", "v6.1", str(script)]) == 0
    assert "kernel defect" not in capsys.readouterr().out


@needs_nsim
def test_v52_strict_fails_on_the_defect(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "v52.sh"
    script.write_text(V52_SCRIPT)
    assert main(["run", "--profile", "v5.2", "--strict", str(script)]) == 1
    # without the failing replace nothing is found and strict passes
    script.write_text("\n".join(V52_SCRIPT.splitlines()[:6]) + "\n")
    assert main(["run", "--profile", "v5.2", "--strict", str(script)]) == 0
    capsys.readouterr()


def test_strict_fails_on_a_finding_of_a_successful_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The findings, not only the statuses, decide --strict (a defect may sit on a line
    that returned 0)."""
    from offload import runner

    def fake_run(self, commands):  # type: ignore[no-untyped-def]
        self.findings = ["a finding"]
        return [runner.Entry(c.text, 0) for c in commands]

    monkeypatch.setattr(runner.EmulatorBackend, "run", fake_run)
    script = tmp_path / "s.sh"
    script.write_text("tc qdisc show\n")
    assert main(["run", "--profile", "v5.2", str(script)]) == 0
    assert main(["run", "--profile", "v5.2", "--strict", str(script)]) == 1
    capsys.readouterr()


def test_new_scripts_skips_what_the_corpus_has(tmp_path: Path) -> None:
    from offload.fuzz._record import new_scripts

    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "f00003.sh").write_text("# recorded earlier\n")
    got = new_scripts(range(2, 5), tmp_path)
    assert sorted(got) == ["f00002", "f00004"]
    assert got["f00004"] == generate(4)


def test_the_corpus_was_generated_by_this_generator() -> None:
    """Seeds below V2_FROM_SEED still generate exactly the recorded scripts."""
    from offload.fuzz._gen import V2_FROM_SEED

    for path in sorted((CORPUS / "scripts").glob("f*.sh"))[::25]:
        seed = int(path.stem[1:])
        if seed < V2_FROM_SEED:
            assert generate(seed) == path.read_text(), path.name


def test_seeds_from_v3_write_only_what_the_kernel_backend_runs(tmp_path: Path) -> None:
    """From V3_FROM_SEED every tc/ip/ethtool/bpftool line passes the kernel backend's
    allowlist, so a recording records the tool's answer, never the backend's refusal."""
    from offload.backends.policy import Policy, Refused, read_roots
    from offload.fuzz._gen import V3_FROM_SEED

    for name in ("tc_pass.o", "tc_classid.o", "xdp_pass.o", "tc_bad.o"):
        (tmp_path / name).write_bytes(b"\x7fELF")
    policy = Policy(roots=read_roots([str(tmp_path)]))
    refused = []
    for seed in range(V3_FROM_SEED, V3_FROM_SEED + 150):
        for cmd in parse_script(generate(seed).splitlines(), {"PROGS": str(tmp_path)}):
            if cmd.argv[0] in ("tc", "ip", "ethtool", "bpftool"):
                try:
                    policy.check(cmd.argv)
                except Refused as exc:
                    refused.append(f"{seed}: {cmd.text}: {exc}")
    assert refused == []
