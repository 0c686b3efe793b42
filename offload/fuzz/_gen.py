"""Random scripts over the whole command language (docs/commands.md), weighted toward offload.

A script is a setup (netdevsim devices, maybe a veth pair, links up, hw-tc-offload on) and a
sequence of operations drawn with weights from :data:`OPERATIONS`. The generator keeps a small
model of what it created (devices, ports, blocks, prios) only to *aim* well - most lines hit
something that exists, some deliberately do not - never to predict the answer: the answer is
what the real kernel records.

Weighted toward what a rig exercises: skip_sw filters on shared blocks, binds and unbinds of
blocks that hold filters, netdevsim knob flips between operations, replaces of offloaded
filters, device removal, XDP offload next to TC offload.

Every draw comes from one ``random.Random(seed)``: the same seed gives the same script.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs

KNOBS_PORT = ("bpf_tc_accept", "bpf_tc_non_bound_accept", "bpf_xdpoffload_accept",
              "bpf_xdpdrv_accept", "bpf_map_accept")
KNOBS_DEV = ("bpf_bind_accept", "bpf_bind_verifier_accept")
BYTECODES = ("'1,6 0 0 0,'", "'1,6 0 0 1,'", "'1,6 0 0 2,'", "'1,6 0 0 4294967295,'",
             "'2,177 0 0 0,6 0 0 0,'")
BAD_BYTECODES = ("'1,6 0 0'", "'2,6 0 0 0,'", "'1,6 0 0 0,6 0 0 0,'", "'1,21 0 5 0,'",
                 "'1,4 0 0 0,'")
OBJS = ("$PROGS/tc_pass.o sec classifier", "$PROGS/tc_classid.o sec tc",
        "$PROGS/tc_pass.o", "$PROGS/tc_classid.o")
BAD_OBJS = ("$PROGS/tc_pass.o sec nosuch", "$PROGS/xdp_pass.o sec xdp", "/nonexistent.o")
ACTIONS = ("action gact drop", "action ok", "action pass", "action gact pass index 3",
           "action drop", "action continue", "action gact reclassify", "action pipe")
PROTOS = ("all", "ip", "ipv6", "802.1q", "arp")


@attrs.define
class _Dev:
    name: str
    nsim: int | None  # netdevsim device id, or None for a veth
    port: int = 0
    qdisc: str | None = None  # "ingress" | "clsact" | None
    blocks: tuple[int | None, int | None] = (None, None)
    alive: bool = True


@attrs.define
class _State:
    rng: random.Random
    devs: list[_Dev] = attrs.field(factory=list)
    nsims: dict[int, int] = attrs.field(factory=dict)  # id -> port count
    prios: list[int] = attrs.field(factory=list)
    pins: list[str] = attrs.field(factory=list)
    tag: str = "f"
    #: only lines the kernel backend's allowlist runs (seeds >= V3_FROM_SEED)
    allowed_only: bool = False

    def pick_dev(self, *, nsim_only: bool = False, alive: bool = True) -> _Dev | None:
        c = [d for d in self.devs if (d.alive or not alive) and (d.nsim is not None
                                                                 or not nsim_only)]
        return self.rng.choice(c) if c else None

    def dev_name(self) -> str:
        d = self.pick_dev()
        if d is None or self.rng.random() < 0.03:
            return self.rng.choice(("nosuch", "eth9"))
        return d.name

    def blocks(self) -> list[int]:
        return sorted({b for d in self.devs if d.alive and d.qdisc for b in d.blocks
                       if b is not None})

    def block(self) -> int:
        b = self.blocks()
        if b and self.rng.random() < 0.85:
            return self.rng.choice(b)
        return self.rng.choice((1, 2, 5, 7, 9))

    def prio(self, new: bool = False) -> int:
        if self.prios and not new and self.rng.random() < 0.75:
            return self.rng.choice(self.prios)
        p = self.rng.choice((1, 2, 3, 5, 10, 49152))
        if p not in self.prios:
            self.prios.append(p)
        return p


def _w(rng: random.Random, *pairs: tuple[float, str]) -> str:
    total = sum(w for w, _ in pairs)
    x = rng.random() * total
    for w, v in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][1]


def _opt(rng: random.Random, p: float, text: str) -> str:
    return f" {text}" if rng.random() < p else ""


# -- pieces ---------------------------------------------------------------------------------
def _target(s: _State, *, show: bool = False) -> str:
    r = s.rng
    if r.random() < 0.45 and s.blocks():
        return f"block {s.block()}"
    if r.random() < 0.05:
        return f"block {s.block()}"
    d = s.dev_name()
    where = _w(r, (6, "ingress"), (2, "egress"), (1, "parent ffff:"), (0.5, "root"),
               (0.3, "parent ffff:fff3"), (0.3, "parent 1:"))
    return f"dev {d} {where}"


def _program(s: _State) -> str:
    r = s.rng
    kind = _w(r, (5, "bc"), (3, "obj"), (0.4, "badbc"), (0.4, "badobj"), (0.3, "none"))
    if kind == "bc":
        prog = f"bytecode {r.choice(BYTECODES)}"
    elif kind == "badbc":
        prog = f"bytecode {r.choice(BAD_BYTECODES)}"
    elif kind == "obj":
        prog = f"obj {r.choice(OBJS)}" + _opt(r, 0.05, "verbose")
    elif kind == "badobj":
        prog = f"obj {r.choice(BAD_OBJS)}"
    else:
        prog = ""
    flags = _w(r, (5, "skip_sw"), (2, ""), (1.5, "skip_hw"), (0.2, "skip_sw skip_hw"),
               (0.1, "skip_sw skip_sw"))
    extra = [prog, flags]
    if kind == "obj" or r.random() < 0.3:
        extra.append(_w(r, (4, "da"), (1, "")))
    if r.random() < 0.15:
        extra.append(f"classid 1:{r.randint(1, 9)}")
    if r.random() < 0.12:
        extra.append(r.choice(ACTIONS))
    if r.random() < 0.15 and not s.allowed_only:
        r.shuffle(extra)  # options after an action: iproute2's own parse errors
    return " ".join(w for w in extra if w)


def _filter_mod(s: _State, verb: str) -> str:
    r = s.rng
    parts = ["tc filter", verb, _target(s)]
    if r.random() < 0.12:
        parts.append(f"chain {r.choice((0, 1, 2))}")
    if r.random() < 0.9:
        parts.append(f"{r.choice(('prio', 'pref'))} {s.prio(new=verb == 'add')}")
    handle = r.random() < 0.4 or (verb in ("change", "replace") and r.random() < 0.6)
    handle_word = f"handle {r.choice(('1', '2', '0x20', '7'))}" if handle else ""
    protocol = f"protocol {r.choice(PROTOS)}" if r.random() < 0.2 else ""
    kind = _w(r, (20, "bpf"), (0.6, "matchall"), (0.6, "flower"), (0.5, "u32"))
    # u32 handles are htid:hash:node, u32's own parser (not modelled: docs/semantics.md)
    parts += [handle_word if kind != "u32" else "", protocol]
    if kind == "bpf":
        parts.append("bpf " + _program(s))
    elif kind == "matchall":
        parts.append("matchall" + _opt(r, 0.5, "skip_sw") + " action drop")
    elif kind == "flower":
        parts.append("flower" + _opt(r, 0.4, "skip_sw") + _opt(r, 0.5, "action drop"))
    else:
        parts.append("u32 match u32 0 0" + _opt(r, 0.3, "action drop"))
    return " ".join(p for p in parts if p)


def _filter_del(s: _State) -> str:
    r = s.rng
    parts = ["tc filter", r.choice(("del", "del", "delete")), _target(s)]
    if r.random() < 0.1:
        parts.append(f"chain {r.choice((0, 1, 2))}")
    if r.random() < 0.75:
        parts.append(f"prio {s.prio()}")
        if r.random() < 0.4:
            parts.append(f"handle {r.choice(('1', '2', '0x20'))} bpf")
    return " ".join(parts)


def _show_opts(r: random.Random) -> str:
    o = _w(r, (6, ""), (2, "-s "), (2, "-d "), (1.5, "-j "), (0.7, "-p -j "), (0.5, "-s -d "),
           (0.3, "-s -j "))
    return o


def _filter_show(s: _State) -> str:
    r = s.rng
    parts = [f"tc {_show_opts(r)}filter show", _target(s, show=True)]
    if r.random() < 0.1:
        parts.append(f"chain {r.choice((0, 1, 2))}")
    if r.random() < 0.1:
        parts.append(f"prio {s.prio()}")
    return " ".join(parts)


def _filter_get(s: _State) -> str:
    r = s.rng
    return (f"tc {_opt(r, 0.3, '-j').strip()} filter get {_target(s)} protocol all "
            f"pref {s.prio()} handle {r.choice(('1', '0x20', '2'))} bpf").replace("tc  ", "tc ")


def _chain_show(s: _State) -> str:
    return f"tc chain show {_target(s, show=True)}"


def _qdisc_add(s: _State) -> str:
    r = s.rng
    d = s.pick_dev()
    name = d.name if d else "eth0"
    verb = _w(r, (6, "add"), (1.5, "replace"), (0.5, "change"))
    kind = _w(r, (3, "ingress"), (3, "clsact"))
    opts = []
    if r.random() < 0.6:
        opts.append(f"ingress_block {r.choice((1, 2, 5, 7))}")
    if kind == "clsact" and r.random() < 0.3:
        opts.append(f"egress_block {r.choice((2, 3, 7))}")
    if r.random() < 0.03:
        return f"tc qdisc {verb} dev {name} {kind} {' '.join(opts)}".rstrip()
    if d is not None and verb != "change" and d.alive and d.qdisc is None:
        ib = next((int(o.split()[1]) for o in opts if o.startswith("ingress_block")), None)
        eb = next((int(o.split()[1]) for o in opts if o.startswith("egress_block")), None)
        d.qdisc, d.blocks = kind, (ib, eb)
    return f"tc qdisc {verb} dev {name} {' '.join([*opts, kind])}".replace("  ", " ")


def _qdisc_del(s: _State) -> str:
    r = s.rng
    d = s.pick_dev()
    name = d.name if d else "eth0"
    kind = _w(r, (3, "ingress"), (3, "clsact"), (0.4, "parent ffff:"))
    if d is not None and d.qdisc is not None and r.random() < 0.8:
        kind = d.qdisc
        d.qdisc, d.blocks = None, (None, None)
    return f"tc qdisc del dev {name} {kind}"


def _qdisc_show(s: _State) -> str:
    r = s.rng
    o = _w(r, (4, ""), (1, "-s "), (1, "-j "), (0.3, "-p -j "), (0.2, "-d "))
    tail = _w(r, (3, f" dev {s.dev_name()}"), (1, ""), (0.6, f" dev {s.dev_name()} ingress"),
              (0.4, f" dev {s.dev_name()} clsact"))
    return f"tc {o}qdisc show{tail}"


def _nsim_path(s: _State) -> str | None:
    d = s.pick_dev(nsim_only=True, alive=False)
    if d is None:
        return None
    return f"/sys/kernel/debug/netdevsim/netdevsim{d.nsim}"


def _knob(s: _State) -> str:
    r = s.rng
    base = _nsim_path(s)
    if base is None:
        return _qdisc_show(s)
    d = s.pick_dev(nsim_only=True)
    port = d.port if d else 0
    val = r.choice(("Y", "N", "N", "1", "0")) if r.random() < 0.9 else r.choice(("x", "2"))
    if r.random() < 0.7:
        return f"echo {val} > {base}/ports/{port}/{r.choice(KNOBS_PORT[:3] + KNOBS_PORT[:2])}"
    if r.random() < 0.15:
        return f"echo {r.choice((0, 1, 200))} > {base}/bpf_bind_verifier_delay"
    return f"echo {val} > {base}/{r.choice(KNOBS_DEV)}"


def _cat(s: _State) -> str:
    r = s.rng
    base = _nsim_path(s)
    if base is None:
        return _qdisc_show(s)
    d = s.pick_dev(nsim_only=True)
    port = d.port if d else 0
    what = _w(r, (6, f"ports/{port}/bpf_offloaded_id"), (1, f"ports/{port}/bpf_tc_accept"),
              (1, f"bpf_bound_progs/{r.randint(0, 2)}/state"),
              (0.5, f"bpf_bound_progs/{r.randint(0, 2)}/loaded"),
              (0.5, "bpf_bind_accept"), (0.3, f"ports/{port}/bpf_tc_non_bound_accept"))
    return f"cat {base}/{what}"


def _ethtool(s: _State) -> str:
    r = s.rng
    d = s.dev_name()
    if r.random() < 0.15:
        return f"ethtool -k {d}"
    word = "hw-tc-offload" if r.random() < 0.9 else "tc-offload"
    return f"ethtool -K {d} {word} {r.choice(('on', 'off'))}"


def _link(s: _State) -> str:
    r = s.rng
    d = s.dev_name()
    c = _w(r, (3, "updown"), (1, "show"), (0.3, "jshow"))
    if c == "updown":
        return f"ip link set {_opt(r, 0.5, 'dev').strip()} {d} {r.choice(('up', 'down'))}" \
            .replace("set  ", "set ")
    if c == "show":
        return f"ip link show {d}"
    return f"ip -j link show {d}"


def _xdp(s: _State) -> str:
    r = s.rng
    d = s.dev_name()
    if r.random() < 0.4:
        return f"ip link set dev {d} xdpoffload off"
    sec = r.choice(("xdp", "xdp", "nosuch"))
    force = _opt(r, 0.2, "-force").strip()
    pre = f"ip {force} link" if force else "ip link"
    return f"{pre} set dev {d} xdpoffload obj $PROGS/xdp_pass.o sec {sec}"


def _bpftool(s: _State) -> str:
    r = s.rng
    if s.pins and r.random() < 0.5:
        pin = r.choice(s.pins)
        return f"bpftool {_opt(r, 0.3, '-j').strip()} prog show pinned {pin}" \
            .replace("bpftool  ", "bpftool ")
    pin = f"/sys/fs/bpf/{s.tag}_{len(s.pins)}"
    d = s.pick_dev(nsim_only=True)
    dev = f" dev {d.name}" if d and r.random() < 0.6 else ""
    obj = r.choice(("$PROGS/tc_pass.o", "$PROGS/tc_classid.o"))
    s.pins.append(pin)
    return f"bpftool prog load {obj} {pin} type classifier{dev}"


def _pinned_filter(s: _State) -> str:
    if not s.pins:
        return _bpftool(s)
    r = s.rng
    return (f"tc filter add {_target(s)} prio {s.prio(new=True)} bpf "
            f"{r.choice(('pinned', 'fd'))} {r.choice(s.pins)}{_opt(r, 0.6, 'skip_sw')} da")


def _del_device(s: _State) -> str:
    r = s.rng
    if r.random() < 0.3 and any(d.nsim is None for d in s.devs):
        v = next(d for d in s.devs if d.nsim is None)
        for d in s.devs:
            if d.nsim is None:
                d.alive = False
        return f"ip link del {v.name}"
    alive = sorted({d.nsim for d in s.devs if d.nsim is not None and d.alive})
    if not alive:
        return _cat(s)
    nid = r.choice(alive)
    for d in s.devs:
        if d.nsim == nid:
            d.alive = False
    return f"echo {nid} > /sys/bus/netdevsim/del_device"


def _new_device(s: _State) -> list[str]:
    r = s.rng
    nid = max([0, *s.nsims]) + 1
    ports = _w(r, (5, "1"), (1, "2"))
    s.nsims[nid] = int(ports)
    lines = [f'echo "{nid} {ports}" > /sys/bus/netdevsim/new_device']
    taken = {d.name for d in s.devs if d.alive}
    free = (f"eth{i}" for i in range(64) if f"eth{i}" not in taken)
    for p in range(int(ports)):
        name = next(free)
        s.devs.append(_Dev(name, nid, p))
        if r.random() < 0.9:
            lines.append(f"ip link set {name} up")
        if r.random() < 0.8:
            lines.append(f"ethtool -K {name} hw-tc-offload on")
    return lines


#: (weight, operation): what a script is made of after its setup.
OPERATIONS: tuple[tuple[float, Callable[[_State], str]], ...] = (
    (14, lambda s: _filter_mod(s, "add")),
    (5, lambda s: _filter_mod(s, "replace")),
    (1.5, lambda s: _filter_mod(s, "change")),
    (5, _filter_del),
    (9, _filter_show),
    (1, _filter_get),
    (1, _chain_show),
    (6, _qdisc_add),
    (3, _qdisc_del),
    (3, _qdisc_show),
    (7, _knob),
    (6, _cat),
    (3, _ethtool),
    (2, _link),
    (2.5, _xdp),
    (1.2, _bpftool),
    (0.8, _pinned_filter),
    (1.2, _del_device),
)


#: Seeds from here on draw from the wider vocabulary (:data:`EXTRA_OPERATIONS`); lower seeds
#: keep generating exactly the scripts the corpus was recorded from.
V2_FROM_SEED = 1000
#: Seeds from here on write only lines the kernel backend's allowlist runs
#: (``offload/backends/policy.py``): no option words after an action, no ``ethtool -K``
#: without on/off. Their refusal by the backend would be recorded instead of the tool's.
V3_FROM_SEED = 2000


# -- the wider vocabulary (seeds >= V2_FROM_SEED) ------------------------------------------
def _aliases(s: _State) -> str:
    """The long and short spellings iproute2 accepts, and the other gact controls."""
    r = s.rng
    prog = r.choice(("bc '1,6 0 0 0,'", "bytecode '1,6 0 0 0,'",
                     "object-file $PROGS/tc_pass.o section classifier",
                     "obj $PROGS/tc_classid.o sec tc"))
    extra = r.choice(("direct-action", "da", "flowid 1:3", "classid 1:7",
                      "action goto chain 1", "action jump 1 action drop",
                      "action gact reclassify index 5", "action trap", ""))
    flags = r.choice(("skip_sw", "skip_hw", ""))
    return (f"tc filter {r.choice(('add', 'replace'))} {_target(s)} "
            f"{r.choice(('prio', 'pref', 'priority', 'preference'))} {s.prio(new=True)} "
            f"bpf {prog} {extra} {flags}")


def _show_more(s: _State) -> str:
    r = s.rng
    d = s.dev_name()
    return r.choice((
        f"tc -d filter show dev {d} ingress",
        f"tc filter show dev {d} ingress protocol ip",
        f"tc filter show dev {d} ingress protocol all prio {s.prio()}",
        f"tc qdisc show dev {d} handle ffff:",
        f"tc qdisc show dev {d} parent ffff:fff1",
        f"tc -p -j qdisc show dev {d}",
        f"tc -s -d -j filter show dev {d} ingress",
        f"ip -p -j link show {d}",
        f"ip link show dev {d}",
        f"tc chain show block {s.block()}",
        f"tc filter get block {s.block()} protocol all pref {s.prio()} handle 1 bpf",
        "ip link show lo",
        "tc qdisc show dev lo",
    ))


def _misc(s: _State) -> str:
    r = s.rng
    base = _nsim_path(s) or "/sys/kernel/debug/netdevsim/netdevsim1"
    return r.choice((
        "cat /sys/bus/netdevsim/new_device",
        "cat /sys/bus/netdevsim/del_device",
        f"cat {base}/bpf_bind_verifier_delay",
        f"cat {base}/ports/0/bpf_map_accept",
        f"echo 2 > {base}/nosuchknob",
        f"cat {base}/nosuch",
        'echo "7 0" > /sys/bus/netdevsim/new_device',
        "echo 99 > /sys/bus/netdevsim/del_device",
        f"bpftool -p prog show pinned {s.pins[0] if s.pins else '/sys/fs/bpf/none'}",
        f"ethtool -K {s.dev_name()} hw-tc-offload on hw-tc-offload off",
        *([] if s.allowed_only else [f"ethtool -K {s.dev_name()} hw-tc-offload"]),
    ))


#: The wider vocabulary (seeds >= V2_FROM_SEED). ``ls`` and ``echo`` without a redirect are
#: left out: the kernel backends run tc/ip/ethtool/bpftool, ``echo >`` and ``cat`` only
#: (they are coreutils, not kernel behaviour; docs/semantics.md).
EXTRA_OPERATIONS: tuple[tuple[float, Callable[[_State], str]], ...] = (
    (3, _aliases),
    (3, _show_more),
    (2, _misc),
)


def generate(seed: int, *, length: tuple[int, int] = (10, 26), tag: str | None = None) -> str:
    """One random script (text, ``$PROGS`` unexpanded) for ``seed``; its bpffs pins are
    named after ``tag`` (default ``fSEED``, as the corpus file is called)."""
    r = random.Random(seed)
    s = _State(r, tag=tag or f"f{seed:05d}", allowed_only=seed >= V3_FROM_SEED)
    lines = [f"# offload fuzz seed {seed}"]
    for _ in range(int(_w(r, (5, "1"), (4, "2"), (0.5, "3")))):
        lines += _new_device(s)
    if r.random() < 0.25:
        lines.append("ip link add vethA type veth peer name vethB")
        s.devs += [_Dev("vethA", None), _Dev("vethB", None)]
        if r.random() < 0.6:
            lines.append("ip link set vethA up")
    if r.random() < 0.15:
        lines += _new_device(s)
    # A qdisc on most devices first: filters need one.
    for d in list(s.devs):
        if r.random() < 0.7:
            s_line = _qdisc_add(_State(r, [d], s.nsims, s.prios, s.pins, s.tag))
            lines.append(s_line)
    ops = OPERATIONS + (EXTRA_OPERATIONS if seed >= V2_FROM_SEED else ())
    weights = [w for w, _ in ops]
    for _ in range(r.randint(*length)):
        [op] = r.choices([f for _, f in ops], weights)
        out = op(s)
        if isinstance(out, list):
            lines += out
        else:
            lines.append(" ".join(out.split()))
        if r.random() < 0.03:
            lines += _new_device(s)
    return "\n".join(lines) + "\n"
