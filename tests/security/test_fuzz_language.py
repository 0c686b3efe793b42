"""Property-based fuzz of the whole command language (docs/commands.md), with hostile values.

A grammar of every command and option the docs list generates lines whose values are taken
from a pool of hostile ones: huge and negative numbers, unicode and control characters,
paths with ``..``, symlinks (to ``/etc/shadow``, to themselves), FIFOs, devices, folders.
Some lines are then mutated (a word dropped, duplicated or replaced). Every line must give
no internal error and no exception, a status in 0-255, and a failing line must leave the
emulator's state unchanged (``tests/front/test_fuzz.state``). The budget is fixed: see
``EXAMPLES`` (500, about 25 s here); FIFOs in the pool would hang a reader that blocks.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.script import Command
from tests.front.test_fuzz import run_checked
from tests.progs import conformance_progs

#: The CI budget (fixed examples: ``derandomize``); OFFLOAD_FUZZ_EXAMPLES=N with
#: OFFLOAD_FUZZ_RANDOM=1 runs a longer, random campaign.
EXAMPLES = int(os.environ.get("OFFLOAD_FUZZ_EXAMPLES", "500"))
RANDOM = os.environ.get("OFFLOAD_FUZZ_RANDOM") == "1"


def _files() -> dict[str, str]:
    """Hostile files, made once: a FIFO, symlinks out and in a loop, a folder, short and
    empty files, a bytecode file, and a real object when clang is there."""
    d = Path(tempfile.mkdtemp(prefix="offload-fuzz-"))
    atexit.register(shutil.rmtree, d, True)  # made at import (strategies need the paths)
    os.mkfifo(d / "fifo")
    (d / "shadow.o").symlink_to("/etc/shadow")
    (d / "loop.o").symlink_to(d / "loop.o")
    (d / "fifo-link.o").symlink_to(d / "fifo")
    (d / "empty").write_bytes(b"")
    (d / "short.pcap").write_bytes(b"\xd4\xc3\xb2\xa1")
    (d / "bc").write_text("1,6 0 0 0\n")
    (d / "garbage.o").write_bytes(b"\x7fELF" + b"\xff" * 60)
    progs = conformance_progs()
    files = {k: str(d / k) for k in ("fifo", "shadow.o", "loop.o", "fifo-link.o", "empty",
                                     "short.pcap", "bc", "garbage.o")}
    files["dir"] = str(d)
    if progs is not None:
        files["tc_pass.o"] = str(progs / "tc_pass.o")
        files["xdp_pass.o"] = str(progs / "xdp_pass.o")
    return files


FILES = _files()
PATHS = st.sampled_from([*FILES.values(), "/dev/zero", "/dev/null", "/nonexistent.o",
                         "../../../etc/passwd", "/sys/fs/bpf/p", "/sys/fs/bpf/../x",
                         "/sys/fs/bpf/a/../../../var/p", "./x", "/sys/fs/bpf/\u00e9", ""])
NUMBERS = st.sampled_from(["0", "1", "7", "65535", "65536", "4294967295", "4294967296",
                           "18446744073709551616", "-1", "0x20", "0x" + "f" * 40, "1e9",
                           "\u0663", "0b1", "+1", " 1"]) | st.integers(-2**70, 2**70).map(str)
HOSTILE = st.sampled_from(["", " ", "\u202e", "\u00e9", "x\x01y", "\x7f", "\t", "a" * 300,
                           "\U0001f600", "$PROGS", "${X}", "-", "--", "'", "\\"]) | \
    st.text(max_size=5)
DEVS = st.sampled_from(["eth0", "eth1", "vethA", "vethB", "lo", "nosuch"]) | HOSTILE
HANDLES = st.sampled_from(["ffff:", "1:", "1:1", "0x20", "ffff:fff1", "::", "1:2:3", "root",
                           "none"]) | NUMBERS
BYTECODE = st.sampled_from(["1,6 0 0 0", "1,6 0 0 4294967295", "0,", "2,6 0 0 0,6 0 0 0",
                            "1,6 0 0", "x", "1,6 0 0 0,", "4097," + "6 0 0 0," * 3,
                            "1,21 0 0 0", "3,21 1 0 0,6 0 0 0,6 0 0 1"]) | HOSTILE
NSIM = st.sampled_from([
    "/sys/bus/netdevsim/new_device", "/sys/bus/netdevsim/del_device",
    "/sys/bus/netdevsim/devices/netdevsim1/net",
    "/sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept",
    "/sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay",
    "/sys/kernel/debug/netdevsim/netdevsim1/bpf_bound_progs/0/state",
    "/sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept",
    "/sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_offloaded_id",
    "/sys/kernel/debug/netdevsim/netdevsim1/ports/0/../../../../../../etc/passwd",
    "/sys/kernel/debug/netdevsim/netdevsim1/ports/9/bpf_tc_accept", "/etc/passwd", "/tmp/x"])


def opt(s: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.just([]) | s


def seq(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda t: [w for p in t for w in p])


def w(*words: str) -> st.SearchStrategy[list[str]]:
    return st.just(list(words))


def kw(name: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return value.map(lambda v: [name, v])


def one(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return values.map(lambda v: [v])


TC_OPTS = st.lists(st.sampled_from(["-s", "-d", "-j", "-p", "-stat", "-json", "-pretty",
                                    "-batch", "-netns", "-force", "-x"]), max_size=3)
PARENT = st.one_of(kw("dev", DEVS).flatmap(lambda d: st.sampled_from(
    [["ingress"], ["egress"], ["root"], ["parent", "ffff:"], ["parent", "ffff:fff2"],
     []]).map(lambda p: d + p)), kw("block", NUMBERS))
ACTION = seq(w("action"), opt(w("gact")), st.one_of(
    one(st.sampled_from(["ok", "pass", "drop", "shot", "continue", "reclassify", "pipe",
                         "trap", "bogus"])), seq(w("goto", "chain"), one(NUMBERS)),
    seq(w("jump"), one(NUMBERS))), opt(kw("index", NUMBERS)))
BPF_PROG = st.one_of(kw("bytecode", BYTECODE), kw("bc", BYTECODE), kw("bytecode-file", PATHS),
                     seq(kw("obj", PATHS), opt(kw("sec", st.sampled_from(
                         ["classifier", "tc", "xdp", "nosuch"]) | HOSTILE)),
                         opt(w("verbose"))), kw("pinned", PATHS), kw("object-pinned", PATHS))
BPF = seq(w("bpf"), opt(BPF_PROG), st.lists(st.sampled_from(
    [["da"], ["direct-action"], ["skip_sw"], ["skip_hw"], ["classid", "1:1"],
     ["flowid", "ffff:1"], ["export", "/tmp/uds"], ["verbose"]]), max_size=3).map(
    lambda ls: [x for sub in ls for x in sub]), opt(ACTION), opt(ACTION))
KIND = st.one_of(BPF, seq(one(st.sampled_from(["u32", "matchall", "flower", "basic", "fw",
                                               "nosuchkind"])), opt(w("match", "u32", "0",
                                                                      "0"))))
TC_FILTER = seq(w("tc"), TC_OPTS, w("filter"), one(st.sampled_from(
    ["add", "replace", "change", "del", "delete", "show", "get", "list", "bogus"])),
    PARENT, opt(kw("chain", NUMBERS)), opt(kw("prio", NUMBERS)), opt(kw("pref", NUMBERS)),
    opt(kw("handle", HANDLES)),
    opt(kw("protocol", st.sampled_from(["all", "ip", "0x800", "802.1Q", "x"]))), opt(KIND))
TC_QDISC = seq(w("tc"), TC_OPTS, w("qdisc"), one(st.sampled_from(
    ["add", "del", "replace", "change", "show", "link", "bogus"])), opt(kw("dev", DEVS)),
    opt(kw("ingress_block", NUMBERS)), opt(kw("egress_block", NUMBERS)),
    opt(st.one_of(w("ingress"), w("clsact"), w("root"), kw("handle", HANDLES),
                  kw("parent", HANDLES))), opt(kw("ingress_block", NUMBERS)))
TC_OTHER = st.one_of(seq(w("tc"), w("chain", "show"), PARENT), w("tc", "class", "show"),
                     w("tc", "monitor"), w("tc", "actions", "ls"), w("tc", "help"),
                     seq(w("tc"), TC_OPTS))
IP = st.one_of(
    seq(w("ip", "link", "add"), one(DEVS), w("type"), one(st.sampled_from(["veth", "dummy"])),
        opt(seq(w("peer", "name"), one(DEVS)))),
    seq(w("ip", "link", "del"), opt(w("dev")), one(DEVS)),
    seq(w("ip", "link", "set"), opt(w("dev")), one(DEVS),
        one(st.sampled_from(["up", "down", "mtu", "netns"]))),
    seq(w("ip", "link", "set", "dev"), one(DEVS), one(st.sampled_from(
        ["xdpoffload", "xdp", "xdpdrv"])), st.one_of(w("off"), seq(kw("obj", PATHS), opt(
            kw("sec", st.sampled_from(["xdp", "classifier"]) | HOSTILE))))),
    seq(one(st.sampled_from(["ip", "ip -j", "ip -d"]).map(str)).map(lambda x: x[0].split()),
        w("link", "show"), opt(one(DEVS))),
    w("ip", "netns", "add", "x"), w("ip", "addr", "show"))
ETHTOOL = st.one_of(
    seq(w("ethtool"), one(st.sampled_from(["-K", "--features", "--offload"])), one(DEVS),
        st.lists(seq(one(st.sampled_from(["hw-tc-offload", "tc-offload", "rx", "bogus"])),
                     one(st.sampled_from(["on", "off", "maybe"]))), max_size=3).map(
            lambda ls: [x for sub in ls for x in sub])),
    seq(w("ethtool"), one(st.sampled_from(["-k", "--show-features", "-i", "-h"])), one(DEVS)))
BPFTOOL = st.one_of(
    seq(w("bpftool"), opt(w("-j")), w("prog", "load"), one(PATHS), one(PATHS),
        opt(kw("type", st.sampled_from(["classifier", "xdp", "tc", "nosuch"]))),
        opt(kw("dev", DEVS))),
    seq(w("bpftool"), opt(one(st.sampled_from(["-j", "-p", "--json"]))), w("prog", "show"),
        opt(st.one_of(kw("id", NUMBERS), kw("pinned", PATHS), kw("tag", HOSTILE)))),
    w("bpftool", "map", "show"), w("bpftool", "prog", "dump", "xlated", "id", "1"))
FILES_CMDS = st.one_of(
    seq(w("echo"), opt(w("-n")), st.lists(st.sampled_from(["1", "1 1", "2 4", "Y", "N", "0",
                                                            "-1", "99999999999999999999", "\u00e9"])
                                          | HOSTILE, max_size=3)),
    seq(w("cat"), st.lists(NSIM, min_size=1, max_size=2)),
    seq(w("ls"), st.lists(NSIM, max_size=2)))
ECHO_REDIRECT = st.tuples(st.lists(st.sampled_from(["1", "1 1", "2 2", "Y", "N", "0", "-1", "x",
                                                    "4294967296", "\u00e9"]), min_size=1,
                                   max_size=2), NSIM)
OTHER = st.one_of(
    seq(w("send"), one(DEVS), st.one_of(kw("hex", st.sampled_from(
        ["00" * 14, "ff" * 60, "zz", "", "0" * 3, "00:11:22"])), kw("pcap", PATHS))),
    w("audit"),
    seq(w("nic"), st.one_of(
        seq(w("add"), one(NUMBERS), opt(kw("ports", NUMBERS)),
            opt(kw("profile", st.sampled_from(["netdevsim", "smartnic", "smartnic-lite",
                                               "nosuch"])))),
        seq(w("del"), one(NUMBERS)), seq(w("show"), opt(one(DEVS))),
        seq(w("set"), one(NUMBERS), one(st.sampled_from(["slots", "memory", "bogus"])),
            one(NUMBERS)), w("profiles"))),
    seq(w("fault"), one(DEVS | st.just("all")), st.one_of(
        seq(one(st.sampled_from(["add", "replace", "remove", "stats", "bind", "unbind", "any",
                                 "bogus"])), opt(kw("nth", NUMBERS)),
            opt(kw("errno", st.sampled_from(["EBUSY", "ENOMEM", "EIO", "EWHAT", "1"]))),
            opt(kw("extack", HOSTILE)), opt(kw("during", st.sampled_from(
                ["rollback", "replay", "never"]))),
            opt(one(st.sampled_from(["raise", "reset"])))),
        w("reset", "now"))),
    w("fault", "clear"), w("nosuchcommand"), w("sh", "-c", "id"))
LINE = st.one_of(TC_FILTER, TC_FILTER, TC_QDISC, TC_OTHER, IP, ETHTOOL, BPFTOOL, FILES_CMDS,
                 OTHER)


@st.composite
def mutated(draw: st.DrawFn) -> list[str]:
    words = draw(LINE)
    if words and draw(st.integers(0, 4)) == 0:
        i = draw(st.integers(0, len(words) - 1))
        how = draw(st.sampled_from(["drop", "dup", "replace"]))
        if how == "drop" and len(words) > 1:
            words = words[:i] + words[i + 1:]
        elif how == "dup":
            words = words[:i + 1] + words[i:]
        else:
            words = [*words[:i], draw(HOSTILE | NUMBERS | PATHS), *words[i + 1:]]
    return words or ["tc"]


def _setup() -> list[Command]:
    lines = [("ip", "link", "add", "vethA", "type", "veth", "peer", "name", "vethB"),
             ("ip", "link", "set", "vethA", "up"),
             ("ethtool", "-K", "eth0", "hw-tc-offload", "on"),
             ("tc", "qdisc", "add", "dev", "vethA", "ingress"),
             ("tc", "qdisc", "add", "dev", "eth0", "clsact"),
             ("tc", "filter", "add", "dev", "eth0", "ingress", "prio", "1", "bpf", "bytecode",
              "1,6 0 0 0", "skip_hw")]
    cmds = [Command("setup", ("echo", "1 2"), redirect="/sys/bus/netdevsim/new_device")]
    cmds.insert(0, Command("setup", lines[0]))
    cmds += [Command("setup", ln) for ln in lines[1:]]
    if "tc_pass.o" in FILES:
        cmds.append(Command("setup", ("tc", "filter", "add", "dev", "eth0", "ingress", "prio",
                                      "2", "bpf", "obj", FILES["tc_pass.o"], "sec",
                                      "classifier", "da", "skip_sw")))
    return cmds


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(st.lists(st.one_of(mutated(), ECHO_REDIRECT), min_size=1, max_size=5))
def test_the_language_never_crashes_and_failures_change_nothing(lines: list[object]) -> None:
    setup = _setup()
    cmds = list(setup)
    for ln in lines:
        if isinstance(ln, tuple):
            words, path = ln
            cmds.append(Command(f"echo {' '.join(words)} > {path}", ("echo", *words),
                                redirect=path))
        else:
            assert isinstance(ln, list)
            cmds.append(Command(" ".join(ln), tuple(ln)))
    done = run_checked(cmds, len(setup))
    assert len(done) == len(lines)
