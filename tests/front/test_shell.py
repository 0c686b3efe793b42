"""``offload shell`` on a pipe, and its completion."""

from __future__ import annotations

import io

from offload.runner import EmulatorBackend
from offload.shell import candidates, run_shell


def test_piped_shell_keeps_state_and_returns_last_status() -> None:
    out, err = io.StringIO(), io.StringIO()
    script = ("ip link add a type veth peer name b\n# comment\ntc qdisc add dev a ingress\n"
              "tc qdisc show dev a\ntc qdisc add dev a ingress\n")
    rc = run_shell(stdin=io.StringIO(script), stdout=out, stderr=err, env={})
    assert out.getvalue() == "qdisc ingress ffff: parent ffff:fff1 ---------------- \n"
    assert err.getvalue() == "Error: Exclusivity flag on, cannot modify.\n"
    assert rc == 2


def test_completion() -> None:
    s = EmulatorBackend().new_session()
    s.run_text("ip link add vethA type veth peer name vethB")
    assert candidates("t", s) == ["tc"]
    assert "filter" in candidates("tc f", s)
    assert candidates("ip link set dev veth", s) == ["vethA", "vethB"]
    assert candidates("tc filter add dev vethA ingress bpf sk", s) == ["skip_hw", "skip_sw"]
