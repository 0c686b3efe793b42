"""Scripts: text files of tc/ip/ethtool/bpftool/echo/cat lines, parsed as data, never as shell.

A script line is split like a POSIX shell word list (quotes, backslashes) after ``$VAR`` /
``${VAR}`` substitution, then an optional output redirection ``> PATH`` is taken off the end
(``echo "1 1" > /sys/bus/netdevsim/new_device``). Nothing is ever handed to ``sh -c``: every
backend receives an argument list and decides itself what it accepts.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterable, Mapping

import attrs

#: Characters that need the shell-like lexer (quotes, escapes, redirection).
_SPECIAL = re.compile(r"""['"\\>]""")
_VAR = re.compile(r"\$(?:\{(?P<b>[A-Za-z_][A-Za-z0-9_]*)\}|(?P<n>[A-Za-z_][A-Za-z0-9_]*))")


class ScriptError(ValueError):
    """A line that cannot be parsed (unbalanced quotes, redirect without a path, ...)."""


@attrs.frozen
class Command:
    """One parsed script line: the text as written, its argv, and an optional redirect target."""

    text: str
    argv: tuple[str, ...]
    redirect: str | None = None
    lineno: int = 0


def substitute(line: str, env: Mapping[str, str]) -> str:
    """Replace ``$VAR`` and ``${VAR}`` by their values; unknown variables are left as written
    (so ``$PROGS`` stays readable in a transcript when it is not set)."""

    def repl(m: re.Match[str]) -> str:
        name = m.group("b") or m.group("n")
        return env.get(name, m.group(0))

    return _VAR.sub(repl, line)


def split_lines(text: str) -> list[str]:
    """A script's lines: split on ``\\n`` only (and a ``\\r`` before it dropped), as a shell
    reads them. ``str.splitlines()`` would also split on ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
    U+0085, U+2028/9, and name lines the file does not have."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


#: What separates words, in both the fast path and shlex: shlex's own white space.
_WS = re.compile("[ \t\r\n]+")


def _words(text: str) -> list[str]:
    return [w for w in _WS.split(text) if w]


def parse_line(text: str, env: Mapping[str, str] | None = None, lineno: int = 0) -> Command | None:
    """Parse one line; ``None`` for blank lines and ``#`` comments."""
    stripped = text.strip(" \t\r\n")
    if not stripped or stripped.startswith("#"):
        return None
    expanded = substitute(stripped, env if env is not None else {}) if "$" in stripped \
        else stripped
    if not _SPECIAL.search(expanded):  # plain words: what shlex would return, much faster
        return Command(text=stripped, argv=tuple(_words(expanded)), lineno=lineno)
    try:
        lex = shlex.shlex(expanded, posix=True, punctuation_chars=">")
        lex.whitespace_split = True
        lex.commenters = ""
        words = list(lex)
    except ValueError as exc:
        raise ScriptError(f"line {lineno}: {exc}") from None
    redirect = None
    if ">" in words:
        i = words.index(">")
        if i != len(words) - 2:
            raise ScriptError(f"line {lineno}: a redirect needs exactly one path at the end")
        redirect = words[-1]
        words = words[:i]
    if any(w.startswith(">") for w in words):
        raise ScriptError(f"line {lineno}: unsupported redirection")
    if not words:
        raise ScriptError(f"line {lineno}: empty command")
    return Command(text=stripped, argv=tuple(words), redirect=redirect, lineno=lineno)


def parse_script(
    lines: Iterable[str], env: Mapping[str, str] | None = None
) -> list[Command]:
    """Parse a whole script. ``env`` defaults to the process environment."""
    env = dict(os.environ) if env is None else dict(env)
    out = []
    for n, line in enumerate(lines, 1):
        cmd = parse_line(line, env, n)
        if cmd is not None:
            out.append(cmd)
    return out


def load_script(path: str, env: Mapping[str, str] | None = None) -> list[Command]:
    """Read and parse a script file (``-`` is standard input). Any failure, unreadable file
    or unparsable line, is a :class:`ScriptError` whose message starts with the path."""
    import sys

    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as f:
                text = f.read()
    except OSError as exc:
        raise ScriptError(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ScriptError(f"{path}: not a text file") from None
    try:
        return parse_script(split_lines(text), env)
    except ScriptError as exc:
        raise ScriptError(f"{path}: {exc}") from None
