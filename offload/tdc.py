"""Run tc-testing (tdc) test cases against the emulator and print TAP.

The test-case format is the kernel's tools/testing/selftests/tc-testing one (see its
creating-testcases/AddingTestCases.txt): a JSON list of objects with ``id``, ``name``,
``category``, ``setup``, ``cmdUnderTest``, ``expExitCode``, ``verifyCmd``, ``matchPattern``,
``matchCount``, optional ``matchJSON`` and ``skip``, and ``teardown``. ``setup``/``teardown``
entries are a command or ``[command, allowed exit codes...]`` (default: 0 only).
Commands use ``$TC``, ``$IP``, ``$DEV0``, ``$DEV1``, ``$DEV2``, ``$EBPFDIR``... as tdc's
``NAMES`` do; like tdc's nsPlugin, each test starts on a fresh emulator where the veth pair
``$DEV0``/``$DEV1`` exists and is up.

As in tdc.py: the command under test must exit with ``expExitCode``; the verify command's
output (its stderr if it failed with some) must match ``matchPattern`` (``re.DOTALL |
re.MULTILINE``) exactly ``matchCount`` times, and, if given, contain ``matchJSON``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from offload.runner import EmulatorBackend, Session
from offload.script import substitute

NAMES = {"TC": "tc", "IP": "ip", "DEV0": "v0p0", "DEV1": "v0p1", "DEV2": "eth0",
         "DUMMY": "dummy1", "ETH": "eth0", "EBPFDIR": "./", "BATCH_FILE": "./batch.txt"}


@attrs.frozen
class CaseResult:
    tid: str
    name: str
    ok: bool
    skipped: bool = False
    message: str = ""


def load_tests(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    tests: list[dict[str, Any]] = []
    for p in paths:
        data = json.loads(Path(p).read_text())
        if not isinstance(data, list):
            raise ValueError(f"{p}: a tdc file holds a JSON list of test cases")
        tests.extend(data)
    return tests


def _steps(entries: Sequence[Any]) -> list[tuple[str, list[int]]]:
    out = []
    for e in entries or []:
        if isinstance(e, list):
            out.append((str(e[0]), [int(x) for x in e[1:]] or [0]))
        else:
            out.append((str(e), [0]))
    return out


def _json_contains(expected: Any, actual: Any) -> bool:
    """tdc's ``find_in_json``: dicts by their listed keys, lists element by element."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and _json_contains(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) <= len(actual) and all(
            _json_contains(e, a) for e, a in zip(expected, actual, strict=False))
    return bool(expected == actual)


def run_test(test: Mapping[str, Any], names: Mapping[str, str], profile: str,
             backend: EmulatorBackend | None = None) -> CaseResult:
    tid, name = str(test.get("id", "?")), str(test.get("name", ""))
    if str(test.get("skip", "no")).lower() == "yes":
        return CaseResult(tid, name, True, skipped=True)
    session: Session = (backend or EmulatorBackend(profile)).new_session()
    session.emu.add_veth(names["DEV0"], names["DEV1"])
    for dev in (names["DEV0"], names["DEV1"]):
        session.emu.set_link(dev, True)
        session.ctx.mark_up(dev)

    def run(line: str) -> tuple[int, str, str]:
        entry = session.run_text(substitute(line, names), names)
        return (0, "", "") if entry is None else (entry.rc, entry.stdout, entry.stderr)

    for cmd, allowed in _steps(test.get("setup", [])):
        rc, _out, err = run(cmd)
        if rc not in allowed:
            return CaseResult(tid, name, False, message=f"setup failed: {cmd}: rc {rc}\n{err}")
    result = _check(test, run)
    for cmd, allowed in _steps(test.get("teardown", [])):
        rc, _, err = run(cmd)
        if rc not in allowed and result.ok:
            result = CaseResult(tid, name, False, message=f"teardown failed: {cmd}: rc {rc}\n"
                                f"{err}")
    return result


def _check(test: Mapping[str, Any], run: Any) -> CaseResult:
    tid, name = str(test.get("id", "?")), str(test.get("name", ""))
    rc, out, err = run(str(test.get("cmdUnderTest", "")))
    want = int(test.get("expExitCode", 0))
    if rc != want:
        return CaseResult(tid, name, False, message=f"Command exited with {rc}, expected "
                          f"{want}\n{err or out}")
    verify = test.get("verifyCmd")
    if not verify:
        return CaseResult(tid, name, True)
    vrc, vout, verr = run(str(verify))
    procout = verr if vrc != 0 and verr else vout
    count = int(test.get("matchCount", 0))
    if procout:
        pattern = re.compile(str(test.get("matchPattern", "")), re.DOTALL | re.MULTILINE)
        found = len(pattern.findall(procout))
        if found != count:
            return CaseResult(tid, name, False, message="Could not match regex pattern. "
                              f"Verify command output:\n{procout}")
    elif count != 0:
        return CaseResult(tid, name, False, message="No output generated by verify command.")
    if "matchJSON" in test:
        try:
            actual = json.loads(procout)
        except ValueError:
            return CaseResult(tid, name, False, message=f"verify output is not JSON:\n{procout}")
        if not _json_contains(test["matchJSON"], actual):
            return CaseResult(tid, name, False, message=f"JSON mismatch:\n{procout}")
    return CaseResult(tid, name, True)


def tap(results: Sequence[CaseResult]) -> str:
    lines = [f"1..{len(results)}"]
    for i, r in enumerate(results, 1):
        status = "ok" if r.ok else "not ok"
        skip = " # skipped" if r.skipped else ""
        lines.append(f"{status} {i} {r.tid} - {r.name}{skip}")
        if not r.ok:
            lines.extend("\t" + m for m in r.message.rstrip("\n").split("\n"))
    return "\n".join(lines) + "\n"


def run_files(paths: Sequence[str | Path], *, names: Mapping[str, str] | None = None,
              profile: str = "v6.1", ids: Sequence[str] = (),
              categories: Sequence[str] = (),
              backend: EmulatorBackend | None = None) -> list[CaseResult]:
    """Run the tdc cases of ``paths``; ``backend`` makes each case's emulator (e.g. with
    a driver plugin), by default the simulated NIC with ``profile``."""
    env = {**NAMES, **(names or {})}
    results = []
    for test in load_tests(paths):
        if ids and str(test.get("id")) not in ids:
            continue
        if categories and not set(categories) & set(test.get("category", [])):
            continue
        results.append(run_test(test, env, profile, backend))
    return results
