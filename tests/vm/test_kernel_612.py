"""Debian's 6.12 kernel in the VM: the corpora replayed against their 6.12 recordings, and
``offload diff`` of the emulator's v6.12 profile against the live kernel.

The VM is provisioned like 6.1 (``provision(kernel="6.12")``: image, headers and source
fetched into the cache, netdevsim built out of tree) and booted once for this module."""

from __future__ import annotations

from pathlib import Path

import pytest

from hwsim.vm import VM
from offload.backends.normalize import differences, normalize
from offload.backends.record import CONFORMANCE, build_progs
from offload.backends.vm import VMBackend
from offload.diff import compare, expected_folder, run_emulator
from offload.script import parse_script
from offload.transcript import Entry, load_json

pytestmark = [pytest.mark.vm, pytest.mark.xdist_group("vm")]

CORPORA = {"own": CONFORMANCE, "shared": CONFORMANCE / "shared"}


def _scripts(root: Path) -> list[Path]:
    """Every script: each is recorded on 6.12 too."""
    return sorted((root / "scripts").glob("*.sh"))


CASES = [(c, p.stem) for c, root in CORPORA.items() for p in _scripts(root)]


@pytest.fixture(scope="module")
def results(vm612: VM) -> dict[str, tuple[dict[str, list[Entry]], str]]:
    assert vm612.work is not None
    progs = build_progs(CONFORMANCE / "progs", vm612.work / "progs")
    out = {}
    for corpus, root in CORPORA.items():
        backend = VMBackend(vm612)
        files = _scripts(root)
        out[corpus] = (backend.run_files(files, {"PROGS": str(progs)}), str(progs))
        print(f"6.12: {len(files)} {corpus} scripts in {backend.last_seconds:.1f} s")
    return out


def test_guest_runs_612_with_netdevsim(vm612: VM) -> None:
    r = vm612.run(["uname", "-r"])
    assert r.rc == 0 and r.stdout.startswith("6.12.")
    mods = vm612.run(["cat", "/proc/modules"]).stdout
    for m in ("netdevsim", "psample", "cls_bpf", "sch_ingress"):
        assert f"{m} " in mods


@pytest.mark.parametrize("corpus,name", CASES, ids=[f"{c}/{n}" for c, n in CASES])
def test_612_recording_reproduces_on_the_kernel(results, corpus: str, name: str) -> None:  # type: ignore[no-untyped-def]
    got_all, progs = results[corpus]
    exp_file = CORPORA[corpus] / expected_folder("6.12") / f"{name}.json"
    exp = normalize(load_json(exp_file.read_text()), [progs])
    diffs = differences(exp, normalize(got_all[name], [progs]))
    assert not diffs, f"{name}: 6.12 disagrees with its recording:\n" + "\n".join(diffs)


@pytest.mark.parametrize("corpus,name", CASES, ids=[f"{c}/{n}" for c, n in CASES])
def test_offload_diff_v612_matches_the_kernel(results, corpus: str, name: str) -> None:  # type: ignore[no-untyped-def]
    got_all, progs = results[corpus]
    script = CORPORA[corpus] / "scripts" / f"{name}.sh"
    cmds = parse_script(script.read_text().splitlines(), {"PROGS": progs})
    emu = run_emulator({name: cmds}, "v6.12")[name]
    d = compare(name, emu, got_all[name], [progs])
    assert d.agree, "\n".join(
        f"#{x.index} $ {x.cmd}\n  emulator {x.emulator}\n  kernel   {x.kernel}" for x in d.lines)


def test_vm_kernel_choice_is_checked() -> None:
    from hwsim.vm import VMError, get_kernel

    assert get_kernel("v6.12").version == "6.12" and get_kernel(None).version == "6.1"
    with pytest.raises(VMError, match=r"unknown kernel '5\.10'"):
        get_kernel("5.10")
