"""Make two transcripts of the same script comparable (shared/conformance/README.md).

What legitimately differs between two kernels or two runs, and only that, is rewritten:

- **program ids** (``id 8`` in tc's dump, ``"id":8`` in its JSON, ``bpf_offloaded_id``,
  ``bpf_bound_progs/N/id``, bpftool's ``8: sched_cls``): they depend on everything loaded
  before. Ids are renumbered ``1, 2, ...`` in order of first appearance in the transcript, so
  "the same program twice" and "two different programs" stay distinguishable; 0 stays 0.
- **load times and BTF ids** in ``tc -d`` output (``load_time N``, ``btf_id N``) and
  bpftool's ``loaded_at`` (a wall-clock time).
- **the programs folder**: its real path becomes ``$PROGS``.
- **BTF section sizes** in libbpf's ``verbose`` log: the BTF of an object holds its build
  path, so the same source built elsewhere has a different ``.BTF, size N``.
- **trailing white space** at the end of lines (tc prints some).
- **MAC addresses** other than the broadcast one (netdevsim's are random).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from offload.transcript import Entry

_ID_PATTERNS = (
    re.compile(r"(?<![\w-])(id )(\d+)(?= name| tag|\s*$)", re.M),  # tc text, bpftool
    re.compile(r'("id": ?)(\d+)'),  # tc -j / -p -j
    re.compile(r"^()(\d+)(?=: \w+\s+(?:name|tag))", re.M),  # bpftool prog show
    re.compile(r"(prog_id[ =:]\s*)(\d+)"),
)
_CAT_ID = re.compile(r"^cat\s+\S*(?:bpf_offloaded_id|bpf_bound_progs/\d+/id)\s*$")
_VOLATILE = (
    (re.compile(r"(load_time )\d+"), r"\1<T>"),
    (re.compile(r"(btf_id )\d+"), r"\1<BTF>"),
    (re.compile(r'("load_time": ?)\d+'), r"\1<T>"),
    (re.compile(r"(loaded_at )\S+"), r"\1<T>"),  # bpftool's load time, wall clock
    (re.compile(r'("loaded_at": ?)\d+'), r"\1<T>"),
    (re.compile(r'("btf_id": ?)\d+'), r"\1<BTF>"),
    (re.compile(r"(section\(\d+\) \.BTF(?:\.ext)?, size )\d+"), r"\1<N>"),
    (re.compile(r"\b(?!ff:ff:ff:ff:ff:ff)[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b"), "<MAC>"),
)
_TRAILING = re.compile(r"[ \t]+$", re.M)


class _Ids:
    def __init__(self) -> None:
        self.map: dict[str, str] = {"0": "0"}

    def __call__(self, value: str) -> str:
        if value not in self.map:
            self.map[value] = str(len(self.map))
        return self.map[value]


def _text(s: str, ids: _Ids, progs: Sequence[str]) -> str:
    for p in progs:
        if p:
            s = s.replace(p.rstrip("/"), "$PROGS")
    for rx in _ID_PATTERNS:
        s = rx.sub(lambda m: m.group(1) + ids(m.group(2)), s)
    for rx, repl in _VOLATILE:
        s = rx.sub(repl, s)
    return _TRAILING.sub("", s)


def normalize(entries: Iterable[Entry], progs: Sequence[str] = ()) -> list[Entry]:
    """The transcript with volatile values replaced (see the module docstring).

    ``progs`` lists the real paths that ``$PROGS`` stood for in this run."""
    ids = _Ids()
    out = []
    for e in entries:
        stdout = e.stdout
        if _CAT_ID.match(e.cmd) and stdout.strip().isdigit():
            stdout = ids(stdout.strip()) + "\n"
        out.append(Entry(e.cmd, e.rc, _text(stdout, ids, progs), _text(e.stderr, ids, progs)))
    return out


def differences(expected: Sequence[Entry], actual: Sequence[Entry]) -> list[str]:
    """Human-readable differences between two (normalised) transcripts; empty when equal."""
    out = []
    if len(expected) != len(actual):
        out.append(f"{len(expected)} entries expected, {len(actual)} found")
    for i, (a, b) in enumerate(zip(expected, actual, strict=False), 1):
        if a == b:
            continue
        lines = [f"#{i} $ {a.cmd}" + (f"   (found: $ {b.cmd})" if a.cmd != b.cmd else "")]
        for field in ("rc", "stdout", "stderr"):
            x, y = getattr(a, field), getattr(b, field)
            if x != y:
                lines.append(f"  {field}: expected {x!r}\n  {' ' * len(field)}  found    {y!r}")
        out.append("\n".join(lines))
    return out
