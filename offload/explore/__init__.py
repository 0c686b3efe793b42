"""The explorer: ``offload explore SCRIPT`` injects a fault at every driver invocation of a
script and checks the offload invariants after every step (see docs/explore.md).

- :func:`explore` / :func:`explore_many` run the fault cases of one script / of many,
  with :class:`ExploreOptions`, into an :class:`ExploreResult` (``_engine``);
- :class:`DaskExecutor` runs the cases on Dask distributed (``_dist``);
- :func:`run_commands` runs one script on a fresh emulator under an
  :class:`ExploreConfig`, checked and snapshotted after every step (``_exec``; also what
  ``offload run --report`` and ``offload exec`` use);
- :func:`main` is the command line (``offload explore``); :func:`summary_rows` and
  :func:`to_json` are its table rows and its ``--json`` (``_cli``).

Where faults go (``_cases``) and how violations are named (``_label``) are private.

Each name is imported from its private module on first use (PEP 562): ``offload exec``
and ``offload run --report`` need only :func:`run_commands`, and do not pay for the
command line (rich) or the worker pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offload._lazy import lazy_exports

if TYPE_CHECKING:
    from offload.explore._cli import main, summary_rows, to_json
    from offload.explore._dist import DaskExecutor
    from offload.explore._engine import ExploreOptions, ExploreResult, explore, explore_many
    from offload.explore._exec import ExploreConfig, run_commands

#: public name -> the private module that defines it
_HOME = {
    "main": "_cli", "summary_rows": "_cli", "to_json": "_cli",
    "DaskExecutor": "_dist",
    "ExploreOptions": "_engine", "ExploreResult": "_engine", "explore": "_engine",
    "explore_many": "_engine",
    "ExploreConfig": "_exec", "run_commands": "_exec",
}

__all__ = ["DaskExecutor", "ExploreConfig", "ExploreOptions", "ExploreResult", "explore",
           "explore_many", "main", "run_commands", "summary_rows", "to_json"]


__getattr__, __dir__ = lazy_exports(__name__, _HOME, __all__)
