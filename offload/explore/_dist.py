"""Running explorer cases on Dask distributed: a cluster of machines, or a local one.

:class:`DaskExecutor` has the executor interface :func:`offload.explore.explore_many`
uses: ``map(tasks, advance)`` yields one :class:`~offload.explore._engine.CaseOutcome` per
task, **in task order**, whatever worker ran it and whenever it finished, so a report is
the same for any number of workers (``--jobs 1`` included). Tasks go out in chunks of
consecutive cases of one script, so a worker resumes most of a chunk's cases from the
checkpoints it built for the first (:class:`offload.explore._exec.Prefixes`); ``advance``
is called as chunks come back from any worker (the progress bar counts cases of the whole
cluster).

``distributed`` is imported only here, and only when a Dask executor is asked for
(``offload explore --cluster ADDRESS``, or ``--executor dask``); it costs a third of a
second to import. Workers need ``offload`` importable (installed the same way as on the
client); see docs/explore.md for a cluster of several hosts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from offload.explore._cases import Case
from offload.explore._engine import CaseOutcome, run_case
from offload.explore._exec import ExploreConfig
from offload.script import Command

Task = tuple[tuple[Command, ...], ExploreConfig, Case]
Chunk = tuple[tuple[Command, ...], ExploreConfig, tuple[Case, ...]]


def run_chunk(chunk: Chunk) -> tuple[CaseOutcome, ...]:
    """Run consecutive cases of one script (in a worker)."""
    commands, cfg, cases = chunk
    return tuple(run_case((commands, cfg, c)) for c in cases)


def chunks(tasks: Sequence[Task], size: int) -> list[Chunk]:
    """Consecutive tasks of the same script and config, at most ``size`` per chunk."""
    out: list[Chunk] = []
    cur: list[Case] = []
    key: tuple[tuple[Command, ...], ExploreConfig] | None = None
    for commands, cfg, case in tasks:
        if key is not None and (key[0] is not commands or key[1] != cfg or len(cur) >= size):
            out.append((key[0], key[1], tuple(cur)))
            cur = []
        key = (commands, cfg)
        cur.append(case)
    if key is not None and cur:
        out.append((key[0], key[1], tuple(cur)))
    return out


class DaskExecutor:
    """Explorer cases on a Dask cluster: ``address`` of a running scheduler
    (``tcp://HOST:8786``), or a :class:`distributed.LocalCluster` of ``jobs`` workers
    (one thread each; ``processes=False`` runs them as threads of this process, which
    the tests use: the emulator's caches are thread-safe and every worker thread keeps
    its own checkpoints)."""

    def __init__(self, address: str | None = None, jobs: int = 1, *, processes: bool = True,
                 chunk: int | None = None) -> None:
        self.address = address
        self.jobs = max(1, jobs)
        self.processes = processes
        self.chunk = chunk
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster

        if self.address is not None:
            self.client = Client(self.address)
        else:
            self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                        processes=self.processes, dashboard_address=":0",
                                        silence_logs=40)
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def workers(self) -> int:
        """How many worker threads the cluster has now (at least 1)."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def map(self, tasks: Sequence[Task], advance: Callable[[int], None]
            ) -> Iterator[CaseOutcome]:
        """Outcomes in task order; ``advance(n)`` as chunks finish on any worker."""
        from distributed import as_completed

        if not tasks:
            return
        size = self.chunk or max(1, min(64, len(tasks) // (self.workers() * 4)))
        work = chunks(tasks, size)
        futures = self.client.map(run_chunk, work, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        done: list[tuple[CaseOutcome, ...] | None] = [None] * len(futures)
        try:
            for fut in as_completed(futures):
                out = fut.result()
                done[index[fut.key]] = out
                advance(len(out))
        finally:
            for f in futures:
                f.release()
        for out in done:
            assert out is not None
            yield from out


def make_executor(*, cluster: str | None, kind: str, jobs: int) -> Any:
    """The executor ``offload explore`` options ask for: Dask for ``--cluster`` or
    ``--executor dask``, else ``None`` (the engine's local process pool)."""
    if cluster is not None:
        return DaskExecutor(cluster)
    if kind == "dask":
        return DaskExecutor(None, jobs)
    return None
