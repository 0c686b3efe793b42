"""One output routine for text and JSON, as iproute2 writes its ``print_*`` calls once.

Mirrors lib/json_print.c: ``print_string``/``print_uint``/``print_bool`` with ``PRINT_ANY``
(text *and* JSON), ``PRINT_FP`` (text only) and ``PRINT_JSON``, ``open_json_object``/
``close_json_object``, ``open_json_array``/``close_json_array``, ``print_nl`` (a newline in
text mode only) and ``new_json_obj``/``delete_json_obj`` (the top-level array). The renderer
calls the same methods in both modes; :meth:`Printer.getvalue` returns the text, or the JSON
laid out by :mod:`offload.tc.jsonw`.
"""

from __future__ import annotations

from typing import Any

from offload.tc import jsonw


class Printer:
    """Collects text, or builds the JSON value, depending on ``json``."""

    def __init__(self, json: bool = False, pretty: bool = False) -> None:
        self.json = json
        self.pretty = pretty
        self._text: list[str] = []
        self.top: list[Any] = []
        self._stack: list[Any] = [self.top]

    # -- scalars ---------------------------------------------------------------------------
    def fp(self, text: str) -> None:
        """``print_string(PRINT_FP, NULL, text)``."""
        if not self.json:
            self._text.append(text)

    def any(self, key: str | None, value: Any, text: str | None) -> None:
        """``PRINT_ANY``: ``text`` in text mode, ``key: value`` in JSON mode."""
        if self.json:
            if key is not None:
                self._put(key, value)
        elif text is not None:
            self._text.append(text)

    def item(self, value: Any) -> None:
        """An array element (JSON only), as ``print_string(PRINT_JSON, NULL, ...)``."""
        if self.json:
            self._put(None, value)

    def json_only(self, key: str, value: Any) -> None:
        """``PRINT_JSON``."""
        if self.json:
            self._put(key, value)

    def bool(self, key: str, text: str) -> None:
        """``print_bool(PRINT_ANY, key, text, true)``."""
        self.any(key, True, text)

    def nl(self) -> None:
        """``print_nl()``."""
        if not self.json:
            self._text.append("\n")

    # -- containers ------------------------------------------------------------------------
    def _put(self, key: str | None, value: Any) -> None:
        cur = self._stack[-1]
        if isinstance(cur, list):
            cur.append(value)
        else:
            cur[key if key is not None else ""] = value

    def open_object(self, key: str | None = None) -> None:
        if self.json:
            obj: dict[str, Any] = {}
            self._put(key, obj)
            self._stack.append(obj)

    def close_object(self) -> None:
        if self.json:
            self._stack.pop()

    def open_array(self, key: str | None = None) -> None:
        if self.json:
            arr: list[Any] = []
            self._put(key, arr)
            self._stack.append(arr)

    def close_array(self) -> None:
        if self.json:
            self._stack.pop()

    # -- result ----------------------------------------------------------------------------
    def getvalue(self) -> str:
        if self.json:
            return jsonw.dumps(self.top, self.pretty)
        return "".join(self._text)
