"""Script parsing: the fast path for plain lines agrees with the shell-like lexer."""

from __future__ import annotations

import shlex
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from offload.script import parse_line

ROOT = Path(__file__).resolve().parents[1]


def _lexed(line: str) -> tuple[str, ...]:
    lex = shlex.shlex(line.strip(), posix=True, punctuation_chars=">")
    lex.whitespace_split = True
    lex.commenters = ""
    return tuple(lex)


def test_every_script_line_in_the_repository_parses_as_the_lexer_says() -> None:
    n = 0
    for path in ROOT.glob("**/*.sh"):
        # examples/rigs holds bash rigs for `offload exec`, not offload scripts
        if ".venv" in path.parts or path.parent.name == "rigs":
            continue
        for line in path.read_text().splitlines():
            cmd = parse_line(line, {})
            if cmd is None or cmd.redirect is not None:
                continue
            assert cmd.argv == _lexed(line), line
            n += 1
    assert n > 300


@given(st.lists(st.text(alphabet="abcXYZ019-_:/.,=@ \t|;&#", min_size=1, max_size=8),
                min_size=1, max_size=6))
def test_plain_words_split_like_the_lexer(words: list[str]) -> None:
    line = " ".join(words)
    if not line.strip() or line.strip().startswith("#"):
        return
    cmd = parse_line(line, {})
    assert cmd is not None and cmd.argv == _lexed(line)
