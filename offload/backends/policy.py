"""What the kernel backend lets a script do to a real kernel: a strict allowlist.

A script run with ``--backend kernel`` (or in the VM guest) runs as root, so nothing in it is
trusted. Every line is checked here before anything runs:

- the tool is one of ``tc``, ``ip``, ``ethtool``, ``bpftool``, found **once** at start-up in
  the fixed system folders (:data:`SYSTEM_DIRS`; never ``$PATH``), root-owned and not
  writable by others (:func:`find_tools`);
- its global options, object and subcommand come from a per-tool allowlist: the language
  the emulator parses (``offload/tc/*``); the rest of the words are scanned keyword by
  keyword, and a keyword that is not known for that place is refused. Everything that
  reaches outside the backend's namespace or writes files is never on a list: ``-batch``,
  ``-force``, ``-netns``/``-n``, ``ip netns``, ``netns`` moves, ``tc exec``/``monitor``/
  ``actions``, bpf ``export``, ``ipt``/``xt`` actions, bpftool ``file``, ``map``,
  ``cgroup``, ``net``, ``prog run``;
- every path a tool would read is resolved first (``realpath``, symlinks followed) and must
  be a regular file, either under a read root the backend was given (``$PROGS``) or readable
  by every user (with every folder above it searchable by every user): nothing a root-only
  secret, no FIFO or device that could block or stream without end;
- every pin path must be ``/sys/fs/bpf/...`` with no ``.``/``..`` components: the tools run
  with a bpffs of the backend's own on ``/sys/fs/bpf`` (see :mod:`offload.backends.kernel`),
  so pins never reach the host's bpffs.

A refused line is rc 127 with ``offload: WHAT is not allowed on the kernel backend``.
Nothing here copies a tool's parser: the tables are the words the emulator's parsers accept
(``offload/tc/tc.py``, ``tc_qdisc.py``, ``tc_filter.py``, ``f_bpf.py``, ``m_action.py``,
``ip.py``, ``ethtool.py``, ``bpftool.py``), spelled out in full (no abbreviations: the tools
would expand a prefix in an order of their own).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence

import attrs

TOOLS = ("tc", "ip", "ethtool", "bpftool")
#: Where the tools are looked for, in order; ``$PATH`` is never consulted.
SYSTEM_DIRS = ("/usr/sbin", "/usr/bin", "/sbin", "/bin")
#: The only environment the tools get.
TOOL_ENV = {"PATH": ":".join(SYSTEM_DIRS), "LANG": "C.UTF-8", "HOME": "/root"}
BPFFS = "/sys/fs/bpf"
REFUSED_RC = 127

#: Folders never accepted as a read root (a ``--set PROGS=/`` must not open the machine).
_NOT_READ_ROOTS = ("/", "/etc", "/root", "/home", "/proc", "/sys", "/dev", "/boot", "/var",
                   "/run", "/usr", "/tmp", "/var/tmp", "/srv", "/opt", "/mnt", "/media")


class Refused(Exception):
    """A line the backend will not run; ``str()`` is the stderr line (without newline)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"offload: {what} is not allowed on the kernel backend")
        self.what = what


def find_tools(dirs: Sequence[str] = SYSTEM_DIRS) -> dict[str, str]:
    """{tool: absolute path} of the tools present in ``dirs`` (first hit wins), each
    resolved and accepted only when root owns it and its folder and nobody else can write
    either."""
    found: dict[str, str] = {}
    for tool in TOOLS:
        for d in dirs:
            path = os.path.realpath(os.path.join(d, tool))
            try:
                st = os.stat(path)
                dst = os.stat(os.path.dirname(path))
            except OSError:
                continue
            if (stat.S_ISREG(st.st_mode) and st.st_mode & 0o111 and st.st_uid == 0
                    and not st.st_mode & 0o022 and dst.st_uid == 0
                    and not dst.st_mode & 0o022):
                found[tool] = path
                break
    return found


def read_roots(values: Iterable[str]) -> tuple[str, ...]:
    """The existing folders among ``values`` (``--set`` values), resolved, that may serve as
    read roots: never ``/`` or a system folder such as ``/etc`` or ``/root``."""
    out = []
    for v in values:
        if not v.startswith("/"):
            continue
        real = os.path.realpath(v)
        if os.path.isdir(real) and real not in _NOT_READ_ROOTS and real not in out:
            out.append(real)
    return tuple(out)


def _world_readable(real: str) -> bool:
    """``real`` (resolved) readable by any user: o+r, and o+x on every folder above it."""
    try:
        if not os.stat(real).st_mode & stat.S_IROTH:
            return False
        d = os.path.dirname(real)
        while True:
            if not os.stat(d).st_mode & stat.S_IXOTH:
                return False
            if d == "/":
                return True
            d = os.path.dirname(d)
    except OSError:
        return False


@attrs.define
class Policy:
    """The checks of one backend: its read roots and whether pins are possible."""

    roots: tuple[str, ...] = ()
    pins: bool = True

    # -- paths -------------------------------------------------------------------------------
    def check_read(self, path: str, what: str) -> None:
        """A file a tool will read. Missing files pass (the tool reports them itself)."""
        real = os.path.realpath(path)
        try:
            st = os.stat(real)
        except OSError:
            if os.path.lexists(path):  # a dangling or looping link: refuse, do not guess
                raise Refused(f"{what} {path!r} (unresolvable link)") from None
            return
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{what} {path!r} (not a regular file)")
        if any(real == r or real.startswith(r + "/") for r in self.roots):
            return
        if not _world_readable(real):
            raise Refused(f"{what} {path!r} (only $PROGS and world-readable files may be read)")

    def check_pin(self, path: str, what: str) -> None:
        """A pin path: ``/sys/fs/bpf/NAME...``, already normal (the backend's own bpffs)."""
        parts = path.split("/")
        if (not path.startswith(BPFFS + "/") or path.endswith("/") or "//" in path
                or any(p in (".", "..") for p in parts)):
            raise Refused(f"{what} {path!r} (pins only under {BPFFS}/, normalised)")
        if not self.pins:
            raise Refused(f"{what} {path!r} (no private bpffs for pins)")

    # -- lines -------------------------------------------------------------------------------
    def check(self, argv: Sequence[str]) -> None:
        """Raise :class:`Refused` unless ``argv`` (tool first) is on the allowlist."""
        tool, args = argv[0], list(argv[1:])
        if tool == "tc":
            _Tc(self, args).run()
        elif tool == "ip":
            _Ip(self, args).run()
        elif tool == "ethtool":
            _ethtool(args)
        elif tool == "bpftool":
            _Bpftool(self, args).run()
        else:
            raise Refused(tool)


def _options(tool: str, args: list[str], allowed: Iterable[str]) -> list[str]:
    """Global options (words starting with ``-`` before the object): only full spellings on
    the list; ``--opt`` is ``-opt`` (iproute2 drops a second dash)."""
    allowed = set(allowed)
    i = 0
    while i < len(args) and args[i].startswith("-"):
        w = args[i]
        norm = w[1:] if w.startswith("--") and tool in ("tc", "ip") else w
        if norm not in allowed and not norm.startswith("-color="):
            raise Refused(f"{tool} {w}")
        i += 1
    return args[i:]


# -- tc ----------------------------------------------------------------------------------------
_TC_OPTS = ("-s", "-stats", "-statistics", "-d", "-details", "-r", "-raw", "-p", "-pretty",
            "-g", "-graph", "-V", "-Version", "-i", "-iec", "-h", "-help", "-j", "-json",
            "-c", "-color", "-t", "-timestamp", "-ts", "-tshort", "-o", "-oneline",
            "-br", "-brief", "-N", "-Numeric")
_TC_CMDS = {
    "qdisc": ("add", "change", "replace", "link", "delete", "del", "show", "list", "lst",
              "help"),
    "filter": ("add", "change", "replace", "delete", "del", "get", "show", "list", "lst",
               "help"),
    "chain": ("show", "list", "lst", "help"),
}
#: Keywords that take one value, on qdisc and filter lines (tc_qdisc.c, tc_filter.c).
_TC_VALUE = {"dev", "block", "parent", "handle", "protocol", "prio", "pref", "preference",
             "priority", "chain", "ingress_block", "egress_block", "estimator", "classid",
             "flowid", "index"}
_TC_FLAG = {"root", "ingress", "egress", "clsact", "invisible", "help"}
_TC_KINDS_OPAQUE = {"u32", "matchall", "flower", "basic", "fw", "route", "cgroup", "flow",
                    "rsvp", "tcindex"}
#: Never, wherever they appear on a tc line.
_TC_FORBIDDEN = {"export", "ipt", "xt", "exec", "netns", "-batch", "-netns", "-force"}
_BPF_VALUE = {"bytecode", "bc", "type", "section", "sec", "classid", "flowid"}
_BPF_READ = {"bytecode-file", "bcf", "object-file", "obj", "object"}
_BPF_PIN = {"object-pinned", "pinned", "fd"}
_BPF_FLAG = {"run", "verbose", "direct-action", "da", "skip_hw", "skip_sw", "help"}
#: Every action kind iproute2 6.1's tc knows (its ``*_action_util`` tables and the
#: ``m_xt``/``m_ipt`` plugins): those not vetted above are refused, never taken for an
#: unknown word.
TC_ACTION_KINDS = frozenset({
    "bpf", "connmark", "csum", "ct", "ctinfo", "gact", "gate", "ife", "ipt", "mirred", "mpls",
    "nat", "pedit", "police", "sample", "simple", "skbedit", "skbmod", "tunnel_key", "vlan",
    "xt"})
#: The words gact's parser takes, each also by a prefix (``matches()``, ``action_a2n()``).
_GACT_CONTROLS = ("gact", "reclassify", "drop", "continue", "pass", "pipe", "ok", "shot",
                  "trap", "goto", "jump")
#: An unknown action word: letters, digits, ``_`` (no path, no option).
_UNKNOWN_KIND = re.compile(r"[a-z][a-z0-9_]*")
_GACT = {"reclassify", "drop", "continue", "pass", "pipe", "ok", "shot", "goto", "jump",
         "random", "netrand", "determ", "index", "trap", "no_percpu", "skip_sw", "skip_hw",
         "chain"}


@attrs.define
class _Tc:
    policy: Policy
    args: list[str]

    def run(self) -> None:
        rest = _options("tc", self.args, _TC_OPTS)
        if not rest:
            return
        obj, rest = rest[0], rest[1:]
        if obj == "help":
            return
        if obj not in _TC_CMDS:
            raise Refused(f"tc {obj}")
        if rest and rest[0] not in _TC_CMDS[obj]:
            raise Refused(f"tc {obj} {rest[0]}")
        self.words(rest[1:], obj)

    def words(self, w: list[str], obj: str) -> None:
        for word in w:
            if word in _TC_FORBIDDEN:
                raise Refused(f"tc {word}")
        i = 0
        while i < len(w):
            k = w[i]
            if k in _TC_VALUE:
                i += 3 if k == "estimator" else 2
            elif k in _TC_FLAG or (obj == "qdisc" and k in ("ingress", "clsact")):
                i += 1
            elif obj == "filter" and k == "bpf":
                i = self.bpf(w, i + 1)
            elif obj == "filter" and k in _TC_KINDS_OPAQUE:
                i = self.opaque(w, i + 1)
            elif obj == "filter" and k in ("action", "police"):
                i = self.action(w, i + 1)
            else:
                raise Refused(f"tc {obj} ... {k!r}")

    def bpf(self, w: list[str], i: int) -> int:
        """cls_bpf options (f_bpf.c ``bpf_parse_opt`` and lib/bpf_legacy.c ``bpf_parse``)."""
        while i < len(w):
            k = w[i]
            if k in _BPF_READ:
                if i + 1 < len(w):
                    self.policy.check_read(w[i + 1], f"tc ... bpf {k}")
                i += 2
            elif k in _BPF_PIN:
                if i + 1 < len(w):
                    self.policy.check_pin(w[i + 1], f"tc ... bpf {k}")
                i += 2
            elif k in _BPF_VALUE:
                i += 2
            elif k in _BPF_FLAG:
                i += 1
            elif k in ("action", "police"):
                return self.action(w, i + 1)
            else:
                raise Refused(f"tc filter ... bpf ... {k!r}")
        return i

    def opaque(self, w: list[str], i: int) -> int:
        """Another classifier: its words pass (none names a file); actions are checked."""
        while i < len(w):
            if w[i] == "action":
                return self.action(w, i + 1)
            i += 1
        return i

    def action(self, w: list[str], i: int) -> int:
        """``action gact ...`` / ``action bpf ...`` (m_gact.c, m_bpf.c) and control words."""
        while i < len(w):
            k = w[i]
            if k in ("gact", "drop", "pass", "ok", "shot", "continue", "reclassify", "pipe",
                     "trap", "goto", "jump"):  # goto chain N / jump N: gact controls too
                i += 1
                while i < len(w) and (w[i] in _GACT or w[i].isdigit()):
                    i += 1
            elif k == "bpf":
                i += 1
                while i < len(w) and w[i] not in ("action",):
                    if w[i] in _BPF_READ and i + 1 < len(w):
                        self.policy.check_read(w[i + 1], f"tc ... action bpf {w[i]}")
                        i += 2
                    elif w[i] in _BPF_PIN and i + 1 < len(w):
                        self.policy.check_pin(w[i + 1], f"tc ... action bpf {w[i]}")
                        i += 2
                    elif w[i] in _BPF_VALUE or w[i] == "index":
                        i += 2
                    elif w[i] in _BPF_FLAG or w[i] in _GACT or w[i].isdigit():
                        i += 1
                    else:
                        raise Refused(f"tc ... action bpf ... {w[i]!r}")
            elif k == "action":
                i += 1
            elif k in ("mirred", "egress", "ingress", "redirect", "mirror", "dev"):
                i += 2 if k == "dev" else 1
            elif _UNKNOWN_KIND.fullmatch(k) and k not in TC_ACTION_KINDS:
                # not an action tc has: get_action_kind() finds no m_WORD.so in its library
                # folder (root-owned; TC_LIB_DIR is never set) and no WORD_action_util in
                # itself, and falls back to gact. gact takes a prefix of a control word as
                # that word (the words after it are checked on); any other word ends tc
                # there ("Bad action type WORD" and exit 255: nothing after it is parsed)
                if not any(c.startswith(k) for c in _GACT_CONTROLS):
                    return len(w)
                i += 1
            else:
                raise Refused(f"tc ... action {k!r}")
        return i


# -- ip ----------------------------------------------------------------------------------------
#: ``-force`` is allowed for ip alone: without ``-batch`` (never allowed) its only effect is
#: that XDP is attached without ``XDP_FLAGS_UPDATE_IF_NOEXIST`` (iplink_xdp.c), which the
#: emulator models and conformance/scripts/x06 records.
_IP_OPTS = ("-j", "-json", "-p", "-pretty", "-d", "-details", "-s", "-stats", "-statistics",
            "-br", "-brief", "-c", "-color", "-force")
_IP_LINK_CMDS = ("add", "delete", "del", "set", "show", "list", "lst", "help")
_IP_SET_FLAGS = {"up", "down"}
_IP_XDP = {"xdp", "xdpoffload", "xdpdrv", "xdpgeneric"}


@attrs.define
class _Ip:
    policy: Policy
    args: list[str]

    def run(self) -> None:
        rest = _options("ip", self.args, _IP_OPTS)
        if not rest:
            raise Refused("ip without an object")
        if rest[0] != "link":
            raise Refused(f"ip {rest[0]}")
        if len(rest) == 1:
            return
        cmd, w = rest[1], rest[2:]
        if cmd not in _IP_LINK_CMDS:
            raise Refused(f"ip link {cmd}")
        if "netns" in w or any(x in ("-n", "-netns", "-batch", "-force") for x in w):
            raise Refused("ip link ... netns")
        if cmd == "add":
            self.add(w)
        elif cmd == "set":
            self.set(w)
        elif cmd in ("delete", "del", "show", "list", "lst") and (
                len(w) > 2 or (len(w) == 2 and w[0] != "dev")):
            raise Refused(f"ip link {cmd} {' '.join(w)!r}")

    def add(self, w: list[str]) -> None:
        """``ip link add [name] NAME type veth [peer [name] NAME]`` (what ip.py models)."""
        i = 0
        while i < len(w):
            k = w[i]
            if k in ("name", "dev", "type"):
                if k == "type" and (i + 1 >= len(w) or w[i + 1] != "veth"):
                    raise Refused("ip link add ... type other than veth")
                i += 2
            elif k == "peer" or i == 0:
                i += 1
            else:
                raise Refused(f"ip link add ... {k!r}")

    def set(self, w: list[str]) -> None:
        i = 0
        while i < len(w):
            k = w[i]
            if k == "dev":
                i += 2
            elif k in _IP_SET_FLAGS:
                i += 1
            elif k in _IP_XDP:
                i += 1
                while i < len(w):
                    x = w[i]
                    if x in ("obj", "object"):
                        if i + 1 < len(w):
                            self.policy.check_read(w[i + 1], f"ip link set ... {k} {x}")
                        i += 2
                    elif x in ("sec", "section"):
                        i += 2
                    elif x in ("off", "verbose"):
                        i += 1
                    elif x in ("pinned", "fd"):
                        if i + 1 < len(w):
                            self.policy.check_pin(w[i + 1], f"ip link set ... {k} {x}")
                        i += 2
                    else:
                        raise Refused(f"ip link set ... {k} ... {x!r}")
            elif i == 0:
                i += 1
            else:
                raise Refused(f"ip link set ... {k!r}")


# -- ethtool -----------------------------------------------------------------------------------
def _ethtool(args: list[str]) -> None:
    """``ethtool -k DEV``, ``ethtool -K DEV FEATURE on|off ...`` (ethtool.py), ``-h``."""
    if args in (["-h"], ["--help"]):
        return
    if len(args) == 2 and args[0] in ("-k", "--show-features", "--show-offload"):
        return
    if len(args) >= 2 and args[0] in ("-K", "--features", "--offload"):
        pairs = args[2:]
        if len(pairs) % 2 == 0 and all(v in ("on", "off") for v in pairs[1::2]) \
                and not any(f.startswith("-") for f in pairs[0::2]):
            return
        raise Refused(f"ethtool {args[0]} ... {' '.join(pairs)!r}")
    raise Refused(f"ethtool {args[0] if args else ''}".rstrip())


# -- bpftool -----------------------------------------------------------------------------------
_BPFTOOL_OPTS = ("-j", "--json", "-p", "--pretty", "-d", "--debug", "-m", "--mapcompat",
                 "-f", "--bpffs", "-n", "--nomount")


@attrs.define
class _Bpftool:
    policy: Policy
    args: list[str]

    def run(self) -> None:
        words = [w for w in self.args if w not in _BPFTOOL_OPTS]
        for w in words:
            if w.startswith("-"):
                raise Refused(f"bpftool {w}")
        if not words:
            return
        if words[0] != "prog":
            raise Refused(f"bpftool {words[0]}")
        if len(words) == 1:
            return
        cmd, w = words[1], words[2:]
        if cmd in ("show", "list"):
            self.show(w)
        elif cmd in ("load", "loadall"):
            self.load(cmd, w)
        elif cmd == "pin":
            self.pin(w)
        elif cmd == "help":
            return
        else:
            raise Refused(f"bpftool prog {cmd}")

    def show(self, w: list[str]) -> None:
        if not w:
            return
        if len(w) == 2 and w[0] in ("id", "tag", "name"):
            return
        if len(w) == 2 and w[0] == "pinned":
            self.policy.check_pin(w[1], "bpftool prog show pinned")
            return
        raise Refused(f"bpftool prog show {' '.join(w)!r}")

    def load(self, cmd: str, w: list[str]) -> None:
        """``prog load OBJ PATH [type TYPE] [dev NAME]`` (bpftool.py); no maps, no pinmaps."""
        if len(w) < 2:
            return  # bpftool's own usage error
        self.policy.check_read(w[0], f"bpftool prog {cmd} OBJ")
        self.policy.check_pin(w[1], f"bpftool prog {cmd} PATH")
        i = 2
        while i < len(w):
            if w[i] in ("type", "dev", "offload_dev", "xdpmeta_dev") and i + 1 < len(w):
                i += 2
            else:
                raise Refused(f"bpftool prog {cmd} ... {w[i]!r}")

    def pin(self, w: list[str]) -> None:
        """``prog pin id N PATH`` / ``prog pin pinned PATH PATH``."""
        if len(w) != 3 or w[0] not in ("id", "pinned", "tag", "name"):
            raise Refused(f"bpftool prog pin {' '.join(w)!r}")
        if w[0] == "pinned":
            self.policy.check_pin(w[1], "bpftool prog pin pinned")
        self.policy.check_pin(w[2], "bpftool prog pin PATH")
