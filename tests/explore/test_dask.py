"""Scale-out on Dask distributed: a 2-worker LocalCluster gives byte-identical results to
``--jobs 1``; many scripts at once give each script's own result (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offload.explore import DaskExecutor, ExploreOptions, explore, explore_many, to_json
from offload.explore import main as explore_main
from offload.explore._dist import chunks
from tests.explore.conftest import ONE_PORT, script

BENCH = Path(__file__).resolve().parents[2] / "bench" / "scripts" / "explore-30.sh"


def _text(result) -> str:
    return json.dumps(to_json(result), sort_keys=True)


@pytest.fixture(scope="module")
def cluster():
    # threads of this process: the emulator's caches are thread-safe, and spawning worker
    # processes would cost seconds per test run
    with DaskExecutor(None, 2, processes=False, chunk=8) as ex:
        yield ex


def test_local_cluster_equals_jobs_1(cluster) -> None:
    cmds = script(BENCH.read_text())
    opts = ExploreOptions(profiles=("v5.2",), minimize=False)
    alone = explore(cmds, opts)
    seen: list[int] = []
    dist = explore(cmds, opts, progress=lambda label, total: seen.append, executor=cluster)
    assert dist.outcomes == alone.outcomes and _text(dist) == _text(alone)
    assert cluster.workers() == 2


def test_pairs_on_the_cluster(cluster) -> None:
    cmds = script(ONE_PORT)
    opts = ExploreOptions(pairs=True)
    alone = explore(cmds, opts)
    dist = explore(cmds, opts, executor=cluster)
    assert any(len(o.case.faults) == 2 for o in dist.outcomes)
    assert _text(dist) == _text(alone)
    assert [r.script_text() for r in dist.reproductions] == \
        [r.script_text() for r in alone.reproductions]


def test_many_scripts_each_as_alone(cluster) -> None:
    a, b = script(ONE_PORT), script(BENCH.read_text())
    opts = ExploreOptions(minimize=False)
    many = explore_many([("a", a), ("b", b)], opts, executor=cluster)
    assert [r.script for r in many] == ["a", "b"]
    assert _text(many[0]) == _text(explore(a, opts, script="a"))
    assert _text(many[1]) == _text(explore(b, opts, script="b"))


def test_progress_counts_every_case(cluster) -> None:
    total: dict[str, int] = {}
    done: list[int] = []

    def progress(label: str, n: int):
        total[label] = n
        return done.append

    res = explore(script(ONE_PORT), ExploreOptions(minimize=False, pairs=True),
                  progress=progress, executor=cluster)
    assert sum(done) == sum(total.values()) == res.cases_run - 1  # all but the baseline


def test_chunks_keep_order_and_scripts_apart() -> None:
    a, b = tuple(script(ONE_PORT)), tuple(script(BENCH.read_text()))
    from offload.explore import ExploreConfig

    cfg = ExploreConfig()
    tasks = [(a, cfg, i) for i in range(5)] + [(b, cfg, i) for i in range(3)]
    got = chunks(tasks, 2)  # type: ignore[arg-type]
    assert [(c[0] is a, c[2]) for c in got] == [(True, (0, 1)), (True, (2, 3)), (True, (4,)),
                                                (False, (0, 1)), (False, (2,))]


def test_cli_many_scripts_json(tmp_path: Path, capsys) -> None:
    one, two = tmp_path / "one.sh", tmp_path / "two.sh"
    one.write_text(ONE_PORT)
    two.write_text(ONE_PORT.replace("skip_sw", "skip_hw"))
    assert explore_main([str(one), str(two), "--json", "--no-minimize"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["script"] for r in out] == [str(one), str(two)]
    assert explore_main([str(one), "--json", "--no-minimize"]) == 0
    assert json.loads(capsys.readouterr().out) == out[0]


def test_cli_unreachable_cluster_is_a_clean_error(tmp_path: Path, capsys) -> None:
    one = tmp_path / "one.sh"
    one.write_text(ONE_PORT)
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        rc = explore_main([str(one), "--cluster", "tcp://127.0.0.1:1", "--json"])
    assert rc == 2
    assert "cluster tcp://127.0.0.1:1" in capsys.readouterr().err
