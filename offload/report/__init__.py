"""The HTML report of a run: one self-contained page, a sequence diagram of the callback
bus with the offload state after every step (see docs/explore.md, "The HTML report").

- :func:`write_report` writes the report of a run (``offload run --report``,
  ``offload exec --report``); :func:`report_script` runs commands itself and writes theirs;
  :func:`write_explore_report` writes the explorer's (``offload explore --report``)
  (``_html``);
- :class:`Snapshot` is the state after a step, taken by :func:`snapshot` or, one per
  step, by a :class:`Recorder` (``_state``).

The inline CSS and JavaScript (``_assets``) are private.

Each name is imported from its private module on first use (PEP 562): the explorer's
cases need only :func:`snapshot`, not the HTML writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offload._lazy import lazy_exports

if TYPE_CHECKING:
    from offload.report._html import report_script, write_explore_report, write_report
    from offload.report._state import Recorder, Snapshot, snapshot

#: public name -> the private module that defines it
_HOME = {
    "report_script": "_html", "write_explore_report": "_html", "write_report": "_html",
    "Recorder": "_state", "Snapshot": "_state", "snapshot": "_state",
}

__all__ = ["Recorder", "Snapshot", "report_script", "snapshot", "write_explore_report",
           "write_report"]


__getattr__, __dir__ = lazy_exports(__name__, _HOME, __all__)
