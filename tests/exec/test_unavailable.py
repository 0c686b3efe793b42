"""Where the machine cannot give a sandbox, ``offload exec`` says what is missing and how to
get it, with exit status 2, before touching anything."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from offload.exec import _sandbox, main
from tests.exec.conftest import PROJECT


def test_no_dev_fuse(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                     tmp_path) -> None:
    monkeypatch.setattr(_sandbox, "FUSE_DEVICE", str(tmp_path / "fuse"))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert main(["--", "true"]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}/fuse does not exist" in err and "modprobe fuse" in err
    assert "--device /dev/fuse" in err
    assert list(tmp_path.iterdir()) == []


def test_no_mfusepy(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "mfusepy", None)
    assert main(["--", "true"]) == 2
    assert "pip install mfusepy" in capsys.readouterr().err


def test_no_user_namespaces(monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(_sandbox.os, "getuid", lambda: 1000)
    monkeypatch.setattr(_sandbox, "_read_int", lambda path: 0)
    monkeypatch.setattr(_sandbox, "FUSE_DEVICE", "/nonexistent/fuse")
    assert main(["--", "true"]) == 2
    err = capsys.readouterr().err
    assert "user namespaces are disabled" in err and "unprivileged_userns_clone=1" in err
    assert "/nonexistent/fuse" in err  # every missing piece is listed, not only the first


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to run as another user")
def test_unprivileged_user_without_access_to_dev_fuse() -> None:
    mode = os.stat("/dev/fuse").st_mode if os.path.exists("/dev/fuse") else 0
    if mode & stat.S_IROTH and mode & stat.S_IWOTH:
        pytest.skip("/dev/fuse is open to every user on this machine")
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        sys.executable, "-m", "offload.cli", "exec", "--", "true"],
                       capture_output=True, text=True, cwd=PROJECT,
                       env=dict(os.environ, TMPDIR="/tmp"), timeout=60)
    assert r.returncode == 2
    assert r.stderr.startswith("offload exec cannot make its sandbox here:\n")
    assert "/dev/fuse is not readable and writable by you" in r.stderr
    assert "Traceback" not in r.stderr
