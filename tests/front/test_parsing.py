"""iproute2's helpers and parsers: prefixes, numbers, classids, bytecode, JSON layout."""

from __future__ import annotations

import json

import pytest

from offload.tc import jsonw
from offload.tc.f_bpf import parse_bytecode, read_bytecode_file
from offload.tc.util import (
    get_tc_classid,
    get_u32,
    ll_proto_a2n,
    ll_proto_n2a,
    matches,
    print_tc_classid,
)

from .conftest import expected


def test_matches_is_prefix() -> None:
    assert matches("pref", "preference") and matches("", "anything")
    assert not matches("prefs", "preference")


@pytest.mark.parametrize(("text", "value"), [("10", 10), ("0x20", 0x20), ("010", 8),
                                              ("4294967295", 0xFFFFFFFF)])
def test_get_u32(text: str, value: int) -> None:
    assert get_u32(text) == value


@pytest.mark.parametrize("text", ["", "-1", "4294967296", "12abc", "0x"])
def test_get_u32_rejects(text: str) -> None:
    assert get_u32(text) is None


@pytest.mark.parametrize(("text", "value"), [("1:5", 0x10005), ("ffff:", 0xFFFF0000),
                                              (":3", 3), ("root", 0xFFFFFFFF), ("none", 0)])
def test_classid_roundtrip(text: str, value: int) -> None:
    assert get_tc_classid(text) == value
    assert print_tc_classid(value) == text


@pytest.mark.parametrize("text", ["1:10000", "x", "1:2:3", "10000:1"])
def test_classid_rejects(text: str) -> None:
    assert get_tc_classid(text) is None


def test_protocols() -> None:
    assert ll_proto_a2n("all") == 3 and ll_proto_a2n("IP") == 0x800
    assert ll_proto_a2n("0x86dd") == 0x86DD and ll_proto_a2n("bogus") is None
    assert ll_proto_n2a(0x800) == "ip" and ll_proto_n2a(0x1234) == "[4660]"


def test_bytecode_ok() -> None:
    assert parse_bytecode("1,6 0 0 4,") == ([(6, 0, 0, 4)], "")
    ops, _ = parse_bytecode("4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0")
    assert ops is not None and len(ops) == 4


@pytest.mark.parametrize(("text", "msg"), [
    ("2,6 0 0 0", "Parsed program length is less than encoded length parameter!\n"),
    ("1,6 0 0 0,6 0 0 0", "Real program length exceeds encoded length parameter!\n"),
    ("1,6 0 x 0", "Error at instruction 0!\n"),
    ("0,", ""), ("5000,6 0 0 0", ""), ("abc", ""), ("1 6 0 0 0", ""),
])
def test_bytecode_errors(text: str, msg: str) -> None:
    assert parse_bytecode(text) == (None, msg)


def test_bytecode_file(tmp_path) -> None:
    f = tmp_path / "prog.bpf"
    f.write_text("2\n40 0 0 12\n6  0 0 0\n")
    text, err = read_bytecode_file(str(f))
    assert err == "" and parse_bytecode(text or "")[0] == [(40, 0, 0, 12), (6, 0, 0, 0)]
    assert read_bytecode_file(str(tmp_path / "none"))[1] == \
        "Cannot fopen: No such file or directory\n"


def test_jsonw_pretty_matches_iproute2() -> None:
    """p01's ``tc -p -j`` output, re-laid-out from its own value."""
    want = next(e for e in expected("p01-show-formats") if e.cmd.startswith("tc -p -j"))
    assert jsonw.dumps(json.loads(want.stdout), pretty=True) == want.stdout


def test_jsonw_compact_and_empty() -> None:
    want = next(e for e in expected("p02-qdiscs") if e.cmd.startswith("tc -j qdisc"))
    assert jsonw.dumps(json.loads(want.stdout)) == want.stdout
    assert jsonw.dumps([]) == "[]\n" and jsonw.dumps([], pretty=True) == "[ ]\n"
    assert jsonw.dumps({"a": "x\ty\"", "b": None}) == '{"a":"x\\ty\\"","b":null}\n'
