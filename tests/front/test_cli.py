"""The ``offload`` command as a user runs it (subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import CONFORMANCE, expected

PY = [sys.executable, "-m", "offload.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PY, *args], capture_output=True, text=True, input=stdin,
                          check=False, timeout=120)


def test_help_lists_subcommands() -> None:
    p = run("--help")
    assert p.returncode == 0
    for word in ("run", "shell", "tdc", "demo", "vm", "explore", "diff"):
        assert word in p.stdout
    assert "exit status" in run("run", "--help").stdout


def test_run_json_reproduces_p03() -> None:
    p = run("run", "--json", str(CONFORMANCE / "scripts" / "p03-filter-lifecycle.sh"))
    assert p.returncode == 0, p.stderr
    got = json.loads(p.stdout)
    assert got == [e.to_json() for e in expected("p03-filter-lifecycle")]


def test_run_text_strict_and_set(tmp_path: Path) -> None:
    script = tmp_path / "s.sh"
    script.write_text("# a comment\nip link add $A type veth peer name ${B}\n"
                      "tc qdisc add dev $A ingress\ntc qdisc add dev $A ingress\n")
    p = run("run", "--set", "A=va", "--set", "B=vb", str(script))
    assert p.returncode == 0
    # commands are shown as written; the variables are substituted when they run
    assert p.stdout == ("$ ip link add $A type veth peer name ${B}\n"
                        "$ tc qdisc add dev $A ingress\n"
                        "$ tc qdisc add dev $A ingress\n"
                        "Error: Exclusivity flag on, cannot modify.\n[rc=2]\n")
    assert run("run", "--strict", "--set", "A=va", "--set", "B=vb", str(script)).returncode == 1


def test_run_stdin_and_errors(tmp_path: Path) -> None:
    p = run("run", "-", stdin="tc qdisc show dev lo\n")
    assert p.returncode == 0 and p.stdout.startswith("$ tc qdisc show dev lo\n")
    assert run("run", str(tmp_path / "missing.sh")).returncode == 2
    bad = tmp_path / "bad.sh"
    bad.write_text("echo 'unbalanced\n")
    assert run("run", str(bad)).returncode == 2
    assert run("run", "--profile", "v9", str(bad)).returncode == 2


def test_reserved_subcommands_answer_clearly() -> None:
    for sub in ("explore", "diff"):
        p = run(sub)
        assert p.returncode in (0, 1, 2)
        assert "Traceback" not in p.stderr


def test_tdc_subcommand(tmp_path: Path) -> None:
    p = run("tdc", str(Path(__file__).parent / "tdc" / "bpf.json"))
    assert p.stdout.startswith("1..")
    assert "not ok" not in p.stdout, p.stdout
    assert p.returncode == 0
