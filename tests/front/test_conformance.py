"""The real kernel's transcripts (shared/conformance/expected), line by line."""

from __future__ import annotations

import re

import pytest

from offload.runner import EmulatorBackend

from .conftest import expected, needs_nsim, needs_obj, normalise, script_commands


#: Lines whose stderr is libbpf's verbose log: compared exactly but for the BTF section
#: sizes (the BTF holds the build path of the object).
def _loader_owned(cmd: str) -> bool:
    return cmd.endswith(" verbose")


def _btf_sizes(e: tuple[int, str, str]) -> tuple[int, str, str]:
    rx = re.compile(r"(section\(\d+\) \.BTF(?:\.ext)?, size )\d+")
    return e[0], rx.sub(r"\1N", e[1]), rx.sub(r"\1N", e[2])


def _compare(name: str, exact: bool) -> None:
    want = expected(name)
    got = EmulatorBackend().run(script_commands(name))
    assert len(got) == len(want)
    for w, g in zip(want, got, strict=True):
        if _loader_owned(w.cmd):
            assert _btf_sizes(normalise(g)) == _btf_sizes(normalise(w)), w.cmd
            continue
        if exact:
            assert (g.rc, g.stdout, g.stderr) == (w.rc, w.stdout, w.stderr), w.cmd
        else:
            assert normalise(g) == normalise(w), w.cmd


@needs_nsim
@pytest.mark.parametrize("name", ["p02-qdiscs", "p03-filter-lifecycle",
                                  "p05-flags-and-errors"])
def test_exact(name: str) -> None:
    """Bytecode, veth and netdevsim only: reproduced byte for byte."""
    _compare(name, exact=True)


@needs_nsim
@needs_obj
@pytest.mark.parametrize("name", ["p01-show-formats", "p04-netdevsim-files"])
def test_normalised(name: str) -> None:
    """With ELF objects: equal once program ids and the folder are normalised."""
    _compare(name, exact=False)


def test_p03_on_veth_needs_no_netdevsim() -> None:
    """p03 uses veth and classic bytecode only."""
    want = expected("p03-filter-lifecycle")
    got = EmulatorBackend().run(script_commands("p03-filter-lifecycle"))
    assert [(g.rc, g.stdout, g.stderr) for g in got] == \
        [(w.rc, w.stdout, w.stderr) for w in want]
