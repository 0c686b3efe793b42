"""``offload demo`` (what ``make demo`` runs) tells its story and ends as it says it does."""

from __future__ import annotations

import subprocess
import sys


def test_demo_runs_and_reports_the_quirk() -> None:
    p = subprocess.run([sys.executable, "-m", "offload.cli", "demo", "--no-color"],
                       capture_output=True, text=True, timeout=60, check=False)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "Sent hardware 138 bytes 3 pkt" in out  # counted in hardware, via STATS
    assert "bus[rollback] smartnic:eth0: remove" in out  # the rollback reached eth0
    assert "audit: OK" in out
    assert "quirk B(b)" in out and "audit: 2 discrepancies" in out
    assert "Traceback" not in out + p.stderr
