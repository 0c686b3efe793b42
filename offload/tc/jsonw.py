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


_TRANS = str.maketrans(_ESC)


def quote(s: str) -> str:
    return '"' + s.translate(_TRANS) + '"'


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
    if not pretty:
        out: list[str] = []
        _compact(value, out)
        out.append("\n")
        return "".join(out)
    w = _Writer(pretty)
    w.value(value)
    return "".join(w.out) + "\n"


_KEYS: dict[str, str] = {}  # member names, quoted, with their ':' (they repeat a lot)


def _compact(v: Any, out: list[str]) -> None:
    """What :class:`_Writer` lays out without ``pretty`` (no spaces, ``,`` between members
    and elements), written directly: the common case, and 50k filters make it hot.
    Scalars are laid out in the loops (exact types: subclasses take the general path)."""
    append = out.append
    if isinstance(v, dict):
        append("{")
        first = True
        for k, item in v.items():
            if first:
                first = False
            else:
                append(",")
            key = _KEYS.get(k) if type(k) is str else None
            if key is None:
                key = quote(str(k)) + ":"
                if type(k) is str:
                    if len(_KEYS) > 4096:
                        _KEYS.clear()
                    _KEYS[k] = key
            append(key)
            t = type(item)
            if t is str:
                append('"' + item.translate(_TRANS) + '"')
            elif t is int:
                append(str(item))
            elif t is bool:
                append("true" if item else "false")
            elif item is None:
                append("null")
            else:
                _compact(item, out)
        append("}")
    elif isinstance(v, list):
        append("[")
        for i, item in enumerate(v):
            if i:
                append(",")
            _compact(item, out)
        append("]")
    elif v is None:
        append("null")
    elif isinstance(v, bool):
        append("true" if v else "false")
    elif isinstance(v, str):
        append(quote(v))
    else:
        append(str(v))
