"""The HTML report: content, self-containment, and a real render in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from offload.explore import ExploreOptions, explore
from offload.report import report_script, write_explore_report, write_report
from offload.runner import EmulatorBackend
from tests.explore.conftest import scenario

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def _png_distinct_bytes(path: Path) -> int:
    """How many distinct byte values the decoded image data has (a blank page: ~2)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


def test_report_has_lanes_events_rollback_and_state(tmp_path: Path) -> None:
    out = report_script(tmp_path / "r.html", scenario("s3-shared-block-replace.sh"))
    text = out.read_text()
    assert 'class="lane">netdevsim:eth0<' in text.replace(' title="netdevsim:eth0"', "")
    assert "netdevsim:eth1" in text
    assert "ev-rollback" in text and "ev-bind" in text
    assert "bookkeeping-matches-hardware" in text  # the v6.1 rolled-back-once violation
    assert "in_hw_count" in text and "offloadcnt" in text
    assert not re.search(r"(src|href)=\"https?:", text)  # self-contained


def test_write_report_for_a_plain_run(tmp_path: Path) -> None:
    """The signature ``offload run --report`` uses: an emulator and its entries."""
    backend = EmulatorBackend("v5.2")
    session = backend.new_session()
    entries = [session.execute(c) for c in scenario("s2-replace-rollback.sh")]
    out = write_report(tmp_path / "run.html", session.emu, entries)
    text = out.read_text()
    assert "rollback (depth 1)" in text and "profile v5.2" in text
    assert "state not recorded" in text  # no snapshots passed: only the last step's state


def test_explore_report_lists_reproductions(tmp_path: Path) -> None:
    result = explore(scenario("s2-replace-rollback.sh"),
                     ExploreOptions(profiles=("v6.1", "v5.2"), classes=("EBUSY",)))
    text = write_explore_report(tmp_path / "e.html", result).read_text()
    assert text.count('class="run" id="run-') == len(result.reproductions)
    assert "kernel quirk C" in text and "rolls back once" in text


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (deps/apt.txt; "
                    "`make test` installs it)")
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = report_script(tmp_path / "r.html", scenario("s3-shared-block-replace.sh"))
    png = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={png}", "--window-size=1400,1200", page.as_uri())
    assert png.exists() and png.stat().st_size > 10_000
    assert _png_distinct_bytes(png) > 40
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count('class="lane"') == 2  # the two callback lanes (core has its own class)
    assert 'data-owner="netdevsim:eth1"' in dom and 'data-op="rollback"' in dom
    assert dom.count("<section class=\"step") == 12
    assert "hide-stats" in dom  # the script ran: the STATS toggle was applied
