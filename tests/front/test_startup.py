"""Start-up stays lazy (issue 15): what ``offload --help`` and ``offload run`` import is
checked structurally (which modules are loaded), never by timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _modules(code: str) -> set[str]:
    p = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                        "print(json.dumps(sorted(sys.modules)))"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return set(json.loads(p.stdout.strip().splitlines()[-1]))


def test_help_imports_no_front_end() -> None:
    mods = _modules("import contextlib, io\nfrom offload import cli\n"
                    "with contextlib.redirect_stdout(io.StringIO()):\n"
                    "    try:\n        cli.main(['--help'])\n    except SystemExit:\n"
                    "        pass")
    for heavy in ("offload.runner", "offload.emulator", "offload.vmcli", "hwsim.vm",
                  "elftools", "distributed", "rich"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in mods), heavy


def test_run_of_a_bytecode_script_needs_no_elf_parser(tmp_path: Path) -> None:
    script = tmp_path / "one.sh"
    script.write_text("tc qdisc show\n")
    mods = _modules("import contextlib, io\nfrom offload import cli\n"
                    "with contextlib.redirect_stdout(io.StringIO()):\n"
                    f"    assert cli.main(['run', {str(script)!r}]) == 0")
    assert "offload.runner" in mods
    for lazy in ("elftools", "importlib.metadata", "hwsim.vm", "distributed"):
        assert lazy not in mods, lazy


def test_vm_subcommand_still_registers_its_arguments(capsys) -> None:
    from offload import cli

    try:
        cli.main(["vm", "--help"])
    except SystemExit as e:
        assert e.code == 0
    out = capsys.readouterr().out
    assert "setup" in out and "--cache" in out


def test_parsers_offer_every_kernel_profile() -> None:
    from core.profile import PROFILES
    from offload.profile_names import NAMES

    assert tuple(PROFILES) == NAMES


def test_driver_helper_keeps_a_6_12_profile() -> None:
    import argparse

    from offload.drivers_cli import emulator_kwargs

    kw = emulator_kwargs(argparse.Namespace(profile="v6.12", driver=None, driver_opt=[],
                                            driver_timeout=None, nic=None))
    assert kw["profile"] == "v6.12"
