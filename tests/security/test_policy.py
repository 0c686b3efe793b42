"""The kernel backend's allowlist (offload/backends/policy.py), without a kernel: every line
the issue showed reaching the host is refused, every line of the conformance corpora passes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from offload.backends.policy import (
    SYSTEM_DIRS,
    TOOL_ENV,
    Policy,
    Refused,
    find_tools,
    read_roots,
)
from offload.script import parse_script, split_lines

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "conformance" / "scripts", ROOT / "conformance" / "shared" / "scripts"]

HOSTILE = [
    "ip netns add x",
    "ip netns exec x sh -c 'touch /tmp/owned'",
    "ip netns attach NAME 1",
    "tc -batch /etc/shadow",
    "ip -batch /etc/shadow",
    "tc -b /etc/shadow",
    "tc -force -batch /etc/shadow",
    "tc -n x qdisc show",
    "tc -netns x qdisc show",
    "ip -n x link show",
    "ip -netns x link show",
    "ip link set eth0 netns 1",
    "ip link add a type veth peer name b netns 1",
    "ip link add a type bridge",
    "ip addr add 10.0.0.1/24 dev eth0",
    "ip route add default via 10.0.0.1",
    "tc exec bpf imp /tmp/x run /bin/sh",
    "tc monitor",
    "tc actions add action bpf obj /x.o",
    "tc class add dev eth0 parent 1: classid 1:1 htb",
    "tc filter add dev eth0 ingress bpf obj x.o export /tmp/uds",
    "tc filter add dev eth0 ingress u32 match u32 0 0 action xt -j LOG",
    "tc filter add dev eth0 ingress u32 match u32 0 0 action ipt -j LOG",
    "tc filter add dev eth0 ingress bpf bytecode-file /dev/zero",
    "tc filter add dev eth0 ingress bpf bytecode-file /etc/shadow",
    "tc filter add dev eth0 ingress bpf pinned /sys/fs/bpf/../../../etc/shadow",
    "tc filter add dev eth0 ingress bpf pinned /etc/passwd",
    "bpftool prog dump jited id 1 file /tmp/owned",
    "bpftool prog dump xlated id 1",
    "bpftool prog pin id 1 /tmp/p",
    "bpftool prog pin id 1 /sys/fs/bpf/../../tmp/p",
    "bpftool prog load x.o /sys/fs/bpf/../../../var/p",
    "bpftool prog load x.o ./x",
    "bpftool prog load x.o /sys/fs/bpf/p pinmaps /tmp",
    "bpftool prog run id 1 data_in /etc/shadow",
    "bpftool map update id 1 key 0 0 0 0 value 0 0 0 0",
    "bpftool cgroup attach /sys/fs/cgroup ingress id 1",
    "bpftool net attach xdp id 1 dev lo",
    "bpftool btf dump file /etc/shadow",
    "bpftool --base-btf /etc/shadow prog show",
    "bpftool feature probe",
    "ethtool -f eth0 /lib/firmware/x",
    "ethtool -w eth0 data /tmp/owned",
    "ethtool -E eth0 magic 0 offset 0 value 0",
    "ethtool -K eth0 hw-tc-offload on --foo",
    "sh -c id",
    "python3 -c 'print(1)'",
]


@pytest.mark.parametrize("line", HOSTILE)
def test_hostile_lines_are_refused(line: str) -> None:
    [cmd] = parse_script([line], {})
    with pytest.raises(Refused) as exc:
        Policy(roots=()).check(cmd.argv)
    assert str(exc.value).startswith("offload: ")
    assert str(exc.value).endswith(" is not allowed on the kernel backend")


def _corpus_lines() -> list[str]:
    lines = []
    for d in CORPORA:
        for f in sorted(d.glob("*.sh")):
            lines += [ln for ln in split_lines(f.read_text())
                      if ln.split()[:1] in (["tc"], ["ip"], ["ethtool"], ["bpftool"])]
    return lines


def test_every_corpus_line_is_allowed(tmp_path: Path) -> None:
    """The allowlist is the language the scenarios speak: none of the recorded lines (with
    $PROGS a folder of objects) is refused."""
    progs = tmp_path / "progs"
    progs.mkdir()
    for name in ("tc_pass.o", "tc_classid.o", "xdp_pass.o"):
        (progs / name).write_bytes(b"\x7fELF")
    lines = _corpus_lines()
    assert len(lines) > 300
    policy = Policy(roots=read_roots([str(progs)]))
    refused = []
    for ln in lines:
        [cmd] = parse_script([ln], {"PROGS": str(progs)})
        try:
            policy.check(cmd.argv)
        except Refused as exc:
            refused.append(f"{ln}: {exc}")
    assert refused == []


#: Unknown action words (conformance x11): tc finds no such action and gact ends the parse
#: with "Bad action type WORD" (a prefix of a gact control word is that word, and the words
#: after it are still checked); real actions the allowlist does not vet, paths and options
#: stay refused, and so does anything after a prefix-of-control word that is not allowed.
ACTION_WORDS = [
    ("action frob", True),
    ("action frob bytecode-file /etc/shadow", True),  # tc stops at frob
    ("action gact drop bytecode '1,6 0 0 0,'", True),  # 'bytecode' is taken as an action
    ("action dr", True),
    ("action dr bytecode-file /etc/shadow", False),
    ("action pedit ex munge ip ttl set 1", False),
    ("action skbedit mark 1", False),
    ("action ../../tmp/x", False),
    ("action Frob", False),
    ("action xt -j LOG", False),
]


@pytest.mark.parametrize("words,allowed", ACTION_WORDS)
def test_unknown_action_words(words: str, allowed: bool) -> None:
    [cmd] = parse_script([f"tc filter add dev eth0 ingress prio 1 bpf bytecode "
                          f"'1,6 0 0 0,' {words}"], {})
    if allowed:
        Policy(roots=()).check(cmd.argv)
    else:
        with pytest.raises(Refused):
            Policy(roots=()).check(cmd.argv)


def test_reads_resolve_symlinks_and_need_a_regular_readable_file(tmp_path: Path) -> None:
    progs = tmp_path / "progs"
    progs.mkdir()
    (progs / "ok.o").write_bytes(b"x")
    (progs / "to-shadow.o").symlink_to("/etc/shadow")
    os.mkfifo(progs / "fifo.o")
    (progs / "loop.o").symlink_to(progs / "loop.o")
    p = Policy(roots=read_roots([str(progs)]))
    p.check_read(str(progs / "ok.o"), "obj")
    p.check_read(str(progs / "../progs/./ok.o"), "obj")
    p.check_read(str(progs / "missing.o"), "obj")  # the tool reports it
    for bad in ("to-shadow.o", "fifo.o", "loop.o"):
        with pytest.raises(Refused):
            p.check_read(str(progs / bad), "obj")
    secret = tmp_path / "secret.o"
    secret.write_bytes(b"x")
    secret.chmod(0o600)
    with pytest.raises(Refused):  # outside the read roots and not world-readable
        Policy(roots=()).check_read(str(secret), "obj")


def test_read_roots_never_open_system_folders() -> None:
    assert read_roots(["/", "/etc", "/root", "/tmp", "relative", "/nonexistent"]) == ()
    assert read_roots(["/etc/../"]) == ()


def test_tools_come_from_system_folders_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    fake = tmp_path / "tc"
    fake.write_text("#!/bin/sh\ntouch /tmp/owned\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ.get('PATH', '')}")
    for path in find_tools().values():
        assert os.path.dirname(path) in {os.path.realpath(d) for d in SYSTEM_DIRS} | set(
            SYSTEM_DIRS), path
        assert not path.startswith(str(tmp_path))
    assert TOOL_ENV["PATH"] == ":".join(SYSTEM_DIRS)
    # a tool others can write, or in a folder others can write, is not taken either
    assert find_tools((str(tmp_path),)) == {"tc": str(fake)}
    fake.chmod(0o777)
    assert find_tools((str(tmp_path),)) == {}
    fake.chmod(0o755)
    tmp_path.chmod(0o777)
    assert find_tools((str(tmp_path),)) == {}
