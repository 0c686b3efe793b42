"""Replay the real-kernel corpora in the VM and compare after normalisation.

``shared/conformance`` (recorded elsewhere on 6.1.192) and this project's ``conformance/``
(recorded by ``python -m offload.backends.record``): every script runs in one batch per
corpus, then each script is one test case."""

from __future__ import annotations

from pathlib import Path

import pytest

from hwsim.vm import VM
from offload.backends.normalize import differences, normalize
from offload.backends.record import CONFORMANCE, build_progs
from offload.backends.vm import VMBackend
from offload.transcript import Entry, load_json

pytestmark = [pytest.mark.vm, pytest.mark.xdist_group("vm")]

#: The team's reference transcripts, kept in the repository (conformance/shared/).
SHARED = CONFORMANCE / "shared"
SHARED_NAMES = sorted(p.stem for p in (SHARED / "scripts").glob("*.sh"))
OWN_NAMES = sorted(p.stem for p in (CONFORMANCE / "scripts").glob("*.sh"))


def _replay(vm: VM, scripts: Path, progs: Path) -> dict[str, list[Entry]]:
    backend = VMBackend(vm)
    files = sorted(scripts.glob("*.sh"))
    out = backend.run_files(files, {"PROGS": str(progs)})
    print(f"{len(files)} scripts from {scripts} in {backend.last_seconds:.1f} s "
          f"({backend.last_seconds / max(1, len(files)):.2f} s per scenario)")
    return out


@pytest.fixture(scope="session")
def vm_progs(vm: VM) -> Path:
    assert vm.work is not None
    return build_progs(CONFORMANCE / "progs", vm.work / "progs")


@pytest.fixture(scope="session")
def shared_results(vm: VM, vm_progs: Path) -> tuple[dict[str, list[Entry]], str]:
    return _replay(vm, SHARED / "scripts", vm_progs), str(vm_progs)


@pytest.fixture(scope="session")
def own_results(vm: VM, vm_progs: Path) -> tuple[dict[str, list[Entry]], str]:
    return _replay(vm, CONFORMANCE / "scripts", vm_progs), str(vm_progs)


def _check(results: tuple[dict[str, list[Entry]], str], expected: Path, name: str) -> None:
    got_all, progs = results
    exp = normalize(load_json((expected / f"{name}.json").read_text()), [progs])
    got = normalize(got_all[name], [progs])
    diffs = differences(exp, got)
    assert not diffs, f"{name}: the VM's kernel disagrees with the recording:\n" + "\n".join(diffs)


@pytest.mark.parametrize("name", SHARED_NAMES)
def test_shared_corpus_reproduces(shared_results, name: str) -> None:  # type: ignore[no-untyped-def]
    _check(shared_results, SHARED / "expected", name)


@pytest.mark.parametrize("name", OWN_NAMES)
def test_own_corpus_reproduces(own_results, name: str) -> None:  # type: ignore[no-untyped-def]
    _check(own_results, CONFORMANCE / "expected", name)


def test_corpus_is_large_enough() -> None:
    assert len(OWN_NAMES) >= 30
    for name in OWN_NAMES:
        assert (CONFORMANCE / "expected" / f"{name}.json").exists(), name


def _diff_against_vm(results: tuple[dict[str, list[Entry]], str], scripts: Path,
                     name: str) -> None:
    """What ``offload diff`` does: the emulator (netdevsim profile) against the VM's run of
    the same script, both normalised, command by command."""
    from offload.diff import compare, run_emulator
    from offload.script import parse_script

    got_all, progs = results
    cmds = parse_script((scripts / f"{name}.sh").read_text().splitlines(), {"PROGS": progs})
    emu = run_emulator({name: cmds}, "v6.1")[name]
    d = compare(name, emu, got_all[name], [progs])
    assert d.agree, "\n".join(
        f"#{x.index} $ {x.cmd}\n  emulator {x.emulator}\n  kernel   {x.kernel}" for x in d.lines)


@pytest.mark.parametrize("name", OWN_NAMES)
def test_offload_diff_emulator_matches_vm(own_results, name: str) -> None:  # type: ignore[no-untyped-def]
    _diff_against_vm(own_results, CONFORMANCE / "scripts", name)


@pytest.mark.parametrize("name", SHARED_NAMES)
def test_offload_diff_emulator_matches_vm_shared(shared_results, name: str) -> None:  # type: ignore[no-untyped-def]
    _diff_against_vm(shared_results, SHARED / "scripts", name)
