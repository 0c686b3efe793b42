"""The compact JSON fast path lays out exactly what the json_writer model does without
``-p`` (issue 15: it is the hot part of ``tc -j filter show`` of 50k filters)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from offload.tc import jsonw

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5) | st.integers(0, 3), inner, max_size=4),
    max_leaves=20)


def _model(v):
    w = jsonw._Writer(False)
    w.value(v)
    return "".join(w.out) + "\n"


@settings(max_examples=200, deadline=None)
@given(values)
def test_compact_equals_the_writer(v):
    assert jsonw.dumps(v) == _model(v)


def test_compact_is_json_and_escapes_like_json_writer():
    v = {"a": [1, {"b": None, "c": True}], "t\tab": "q\"\\\n", 2: "x", "u": "é\x01"}
    out = jsonw.dumps(v)
    assert out == _model(v)
    assert json.loads(out.replace("\x01", "\\u0001"))["u"] == "é\x01"


def test_cli_backends_are_the_runners():
    from offload import cli, runner

    assert cli.BACKENDS == runner.BACKENDS
