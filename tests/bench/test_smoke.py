"""CI-sized runs of every benchmark: they produce numbers and ratios (no timing assertions)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import attrs
import pytest

from bench import control, datapath, memory, scaling, vm
from bench._common import Config, Section, Table
from bench.kernel_tc import unavailable_reason as kernel_reason
from bench.vmrig import VmHolder

SMOKE = Config.smoke()


def _cfg(**kw: object) -> Config:
    return attrs.evolve(SMOKE, **kw)


def _table(sec: Section, title_start: str) -> Table:
    return next(t for t in sec.tables if t.title.startswith(title_start))


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("x", "").split()[0])


def test_control_emulator_sides_produce_rates() -> None:
    sec = control.run(_cfg(kernel=False, vm=False), None)
    one = sec.tables[0]
    assert one.columns[1] == "emulator API"
    for row in one.rows:
        if row[0] in ("skip_sw", "no flag"):
            assert _number(row[1]) > 0 and _number(row[2]) > 0
    assert any(t.value and t.value > 0 for t in sec.targets)
    assert not [n for n in sec.notes if n.startswith("sanity")]


@pytest.mark.kernel
def test_control_host_kernel_ratio() -> None:
    reason = kernel_reason("veth")
    if reason:
        pytest.skip(reason)
    sec = control.run(_cfg(vm=False), None)
    veth = sec.tables[-1]
    assert _number(veth.rows[0][3]) > 0  # host kernel ops/s
    assert _number(veth.rows[0][4]) > 0  # API / host


@pytest.mark.kernel
def test_scaling_with_host_kernel() -> None:
    reason = kernel_reason("veth")
    if reason:
        pytest.skip(reason)
    sec = scaling.run(_cfg())
    sizes = sec.tables[0]
    assert [r[0] for r in sizes.rows][:2] == ["0", "50"]
    assert all("µs" in c for c in sizes.rows[1][1:6])
    ports = sec.tables[1]
    assert [r[4] for r in ports.rows[:2]] == [1, 4]  # in_hw_count follows the ports
    assert sec.tables[2].rows[0][0] >= 0


def test_explorer_rate_or_reason() -> None:
    rate, cases, err = scaling.explorer_rate(0.0)
    assert (rate is not None and rate > 0 and cases > 0) or err


@pytest.mark.kernel
def test_datapath() -> None:
    if shutil.which("clang") is None:
        pytest.skip("clang not installed")
    sec = datapath.run(_cfg())
    rows = sec.tables[0].rows
    assert len(rows) == 3
    assert all(_number(r[1]) > 0 for r in rows)
    if os.geteuid() == 0:
        assert all(_number(r[4]) > 0 for r in rows), sec.notes  # kernel/engine ratio


def test_memory() -> None:
    sec = memory.run(_cfg())
    rows = sec.tables[0].rows
    assert len(rows) == 3
    assert all(_number(r[1]) > 0 for r in rows)


@pytest.mark.vm
@pytest.mark.xdist_group("vm")
def test_vm_and_control_in_vm(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("qemu-system-x86_64") is None:
        pytest.skip("the netdevsim VM needs root and qemu-system-x86_64")
    vms = VmHolder()
    try:
        ctl = control.run(_cfg(kernel=False), vms)
        if vms.vm is None:
            pytest.skip(f"VM unavailable: {vms.error}")
        assert _number(ctl.tables[0].rows[0][3]) > 0, ctl.notes  # VM kernel ops/s
        assert _number(ctl.tables[0].rows[0][4]) > 0  # API / VM
        sec = vm.run(_cfg(), vms)
    finally:
        vms.close()
    boot = _table(sec, "boot-to-ready").rows[0]
    assert _number(boot[1]) > 0
    assert _number(_table(sec, "one scenario").rows[0][1]) > 0  # seconds per scenario in VM
    out = tmp_path / "vm.json"
    out.write_text(json.dumps(sec.as_json()))
    assert json.loads(out.read_text())["targets"][0]["value"] > 0


def test_cli_json(tmp_path: Path) -> None:
    from bench.__main__ import main

    out = tmp_path / "b.json"
    assert main(["--smoke", "--only", "memory", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["sections"][0]["name"] == "memory"
    assert data["machine"]["cores"]


def test_user_scale_section_produces_numbers() -> None:
    from bench import user

    sec = user.run(_cfg(kernel=False, vm=False, explore_seconds=0.4))
    titles = [t.title for t in sec.tables]
    assert any(t.startswith("obj script") for t in titles)
    assert any(t.startswith("start-up") for t in titles)
    assert any(t.startswith("corpus") for t in titles)
    names = {t.name: t for t in sec.targets}
    assert names["import offload.cli (-X importtime)"].value > 0
    assert names["explorer fault cases/s, 1 process (explore-30.sh)"].value > 0
    # the corpus on a 2-worker LocalCluster gave the --jobs 1 report
    assert names["corpus on Dask: report equal to --jobs 1"].value == 1.0


def test_exec_shim_and_startup_produce_numbers() -> None:
    from bench import exec as exec_bench
    from tests.exec.conftest import sandbox_unavailable

    reason = sandbox_unavailable()
    if reason:
        pytest.skip(f"offload exec sandbox unavailable: {reason}")
    sec = exec_bench.run(SMOKE)
    rows = {r[0]: r for r in sec.tables[0].rows}
    assert set(rows) == {"tc filter show", "tc filter add + del"}
    for row in rows.values():
        assert all(_number(x) > 0 for x in row[1:4])
    assert all(t.value is not None and t.value > 0 for t in sec.targets)
