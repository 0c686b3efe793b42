"""Every backend failure is one clear message and exit 2, with the lines that did run;
found through the common base class, not by class names."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import BackendFailure
from hwsim.vm import ProvisionError, VMError, VMTimeout, VMUnavailable
from offload import cli, runner
from offload.backends.kernel import BackendError
from offload.runner import BackendUnavailable
from offload.transcript import Entry


class _Own(BackendFailure):
    """A third-party backend's error: any subclass is handled alike."""


@pytest.mark.parametrize("cls", [VMTimeout, VMUnavailable, VMError, ProvisionError,
                                 BackendError, BackendUnavailable, _Own])
def test_backend_failures_exit_2_with_the_partial_transcript(
        cls: type[BackendFailure], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    class Failing:
        def run(self, commands: list) -> list:  # type: ignore[type-arg]
            raise cls("qemu died", partial=[Entry("tc qdisc show", 0, "qdisc noqueue\n")])

    monkeypatch.setattr(runner, "get_backend", lambda *a, **k: Failing())
    script = tmp_path / "s.sh"
    script.write_text("tc qdisc show\ntc filter show dev eth0 ingress\n")
    rc = cli.main(["run", "--backend", "vm", str(script)])
    out, err = capsys.readouterr()
    assert rc == 2
    assert out == "$ tc qdisc show\nqdisc noqueue\n"
    assert err == "offload run: vm backend (after 1 of 2 lines): qemu died\n"
    assert "Traceback" not in err


def test_a_failure_before_any_line_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    class Failing:
        def run(self, commands: list) -> list:  # type: ignore[type-arg]
            raise VMTimeout("the VM did not boot within 240 s")

    monkeypatch.setattr(runner, "get_backend", lambda *a, **k: Failing())
    script = tmp_path / "s.sh"
    script.write_text("tc qdisc show\n")
    assert cli.main(["run", "--backend", "vm", "--json", str(script)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "offload run: vm backend: the VM did not boot within 240 s\n"
