"""JSON text exactly as iproute2's streaming writer lays it out.

Mirrors the behaviour of lib/json_writer.c (``jsonw_*``): compact output has no spaces at all;
pretty output (``-p``) puts every member on its own line indented by four spaces per level,
opens an array as ``[ `` and closes it as `` ]``, and joins array elements as ``},{`` on the
closing line. Strings escape only the C escapes json_writer knows (no Unicode escaping).
Values are Python ``dict`` (insertion order kept), ``list``, ``str``, ``bool``, ``int``,
``float`` and ``None`` (``null``).
"""

from __future__ import annotations

from typing import Any

_ESC = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\b": "\\b", "\\": "\\\\",
        '"': '\\"'}


def quote(s: str) -> str:
    return '"' + "".join(_ESC.get(c, c) for c in s) + '"'


class _Writer:
    """Tracks depth and the pending separator the way json_writer does."""

    def __init__(self, pretty: bool) -> None:
        self.pretty = pretty
        self.depth = 0
        self.sep = ""
        self.out: list[str] = []

    def _eor(self) -> None:
        if self.sep:
            self.out.append(self.sep)
        self.sep = ","

    def _eol(self) -> None:
        if self.pretty:
            self.out.append("\n" + "    " * self.depth)

    def name(self, key: str) -> None:
        self._eor()
        self._eol()
        self.sep = ""
        self.out.append(quote(key) + (": " if self.pretty else ":"))

    def scalar(self, value: Any) -> None:
        self._eor()
        if value is None:
            self.out.append("null")
        elif isinstance(value, bool):
            self.out.append("true" if value else "false")
        elif isinstance(value, str):
            self.out.append(quote(value))
        else:
            self.out.append(str(value))

    def begin(self, c: str) -> None:
        self._eor()
        self.out.append(c)
        self.depth += 1
        self.sep = ""
        if c == "[" and self.pretty:
            self.out.append(" ")

    def end(self, c: str) -> None:
        if c == "]":
            if self.pretty and self.sep:
                self.out.append(" ")
            self.sep = ""
        self.depth -= 1
        if self.sep:
            self._eol()
        self.out.append(c)
        self.sep = ","

    def value(self, v: Any) -> None:
        if isinstance(v, dict):
            self.begin("{")
            for k, item in v.items():
                self.name(str(k))
                self.value(item)
            self.end("}")
        elif isinstance(v, list):
            self.begin("[")
            for item in v:
                self.value(item)
            self.end("]")
        else:
            self.scalar(v)


def dumps(value: Any, pretty: bool = False) -> str:
    """The text ``new_json_obj()`` … ``delete_json_obj()`` would print for ``value``
    (including the final newline ``jsonw_destroy`` adds)."""
    w = _Writer(pretty)
    w.value(value)
    return "".join(w.out) + "\n"
