"""``bpftool prog load|show``: load-and-pin, and list loaded programs.

Mirrors bpftool 7.x (prog.c ``do_load``/``load_with_options`` for
``prog load OBJ PATH [type TYPE] [dev DEV]`` and ``do_show``/``print_prog_plain``/
``print_prog_json`` for ``prog show [id N | pinned PATH]``), as far as the emulator's
programs carry the fields (id, type, name, tag, GPL, load time, xlated/jited size,
``offloaded_to``). Errors end with ``Error: ...`` and status 255 as bpftool's ``p_err``.
"""

from __future__ import annotations

import errno
import posixpath
import time
from typing import Any

from offload.tc.context import Context
from offload.tc.loading import load_error_lines
from offload.tc.printer import Printer
from offload.tc.result import Result
from offload.tc.tc_render import prog_is_jited, prog_tag_hex
from offload.tc.util import matches

STRICT_WARNING = (
    "Warning: bpftool is now running in libbpf strict mode and has more stringent "
    "requirements about BPF programs.\n"
    "If it used to work for this object file but now doesn't, see --legacy option for more "
    "details.\n\n"
)
PROG_TYPES = {3: "sched_cls", 4: "sched_act", 6: "xdp", 1: "socket_filter"}
LOAD_TYPES = {"classifier": None, "action": None, "xdp": None, "tc": None}


def bpftool_main(argv: list[str], ctx: Context) -> Result:
    json = pretty = False
    words = []
    for w in argv:
        if w in ("-j", "--json"):
            json = True
        elif w in ("-p", "--pretty"):
            json = pretty = True
        else:
            words.append(w)
    if words and matches(words[0], "map"):
        return _map(ctx, words[1:], Printer(json=json, pretty=pretty))
    if len(words) < 1 or not matches(words[0], "prog"):
        obj = words[0] if words else ""
        return Result(255, "", f"Error: offload: 'bpftool {obj}' is not emulated "
                      "(prog load|show|pin, map show|pin)\n")
    cmd, args = (words[1], words[2:]) if len(words) > 1 else ("show", [])
    if matches(cmd, "show") or matches(cmd, "list"):
        return _show(ctx, args, Printer(json=json, pretty=pretty))
    if matches(cmd, "load"):
        return _load(ctx, args)
    if matches(cmd, "pin"):
        return _pin(ctx, args)
    return Result(255, "", f"Error: unknown or unsupported command '{cmd}'\n")


def _rc(err: int) -> int:
    """bpftool's exit status for a ``return -errno``: the low byte."""
    return (-err) & 0xFF


def _prog_spec(ctx: Context, args: list[str]) -> tuple[Any, list[str]] | Result:
    """prog.c ``prog_parse_fds`` for one program: ``id N``, ``tag TAG``, ``name NAME``
    or ``pinned PATH`` (each keyword matched by prefix); the words after it."""
    if len(args) < 2:
        return Result(255, "", f"Error: expected 'id', 'tag', 'name' or 'pinned', got: "
                      f"'{args[0] if args else ''}'?\n")
    kw, value, rest = args[0], args[1], args[2:]
    progs = _programs(ctx)
    if matches(kw, "id"):
        found = [x for x in progs if str(x.id) == value]
        if not found:
            return Result(255, "", f"Error: get by id ({value}): No such file or directory\n")
        return found[0], rest
    if matches(kw, "tag"):
        found = [x for x in progs if prog_tag_hex(x) == value.lower()]
        if not found:
            return Result(255, "", f"Error: no programs with tag {value}\n")
        return found[0], rest
    if matches(kw, "name"):
        found = [x for x in progs if x.name == value]
        if not found:
            return Result(255, "", f"Error: no programs with name {value}\n")
        return found[0], rest
    if matches(kw, "pinned"):
        prog = getattr(ctx.emu, "pinned", {}).get(posixpath.normpath(value))
        if prog is None:
            return Result(255, "", f"Error: bpf obj get ({value}): No such file or directory\n")
        if hasattr(prog, "map_type"):
            return Result(255, "", "Error: incorrect object type: map\n")
        return prog, rest
    return Result(255, "", f"Error: expected 'id', 'tag', 'name' or 'pinned', got: '{kw}'?\n")


def _pin(ctx: Context, args: list[str]) -> Result:
    """common.c ``do_pin_any``/``do_pin_fd``: ``prog pin PROG FILE``."""
    if len(args) < 3:
        return Result(_rc(errno.EINVAL), "", f"Error: 'pin' needs at least 3 arguments, "
                      f"{len(args)} found\n")
    spec = _prog_spec(ctx, args)
    if isinstance(spec, Result):
        return spec
    prog, rest = spec
    try:
        ctx.emu.pin(rest[0], prog)
    except Exception as exc:
        if not hasattr(exc, "stderr_lines"):
            raise
        rc = exc.rc if getattr(exc, "rc", 1) != 1 else _rc(exc.errno)
        return Result(rc, "", "".join(f"{x}\n" for x in exc.stderr_lines))
    return Result(0)


def _load(ctx: Context, args: list[str]) -> Result:
    if len(args) < 2:
        return Result(255, "", "Error: expected 'OBJ' and 'PATH'\n" if not args else
                      "Error: expected pin path\n")
    obj, path, rest = args[0], args[1], args[2:]
    dev = None
    ptype = "classifier"
    i = 0
    while i < len(rest):
        w = rest[i]
        if w == "type" and i + 1 < len(rest):
            if rest[i + 1] not in ("classifier", "tc", "sched_cls", "xdp"):
                return Result(255, "", f"Error: offload: program type '{rest[i + 1]}' is not "
                              "emulated (classifier, xdp)\n")
            ptype = rest[i + 1]
            i += 2
        elif w == "dev" and i + 1 < len(rest):
            dev = rest[i + 1]
            if dev not in ctx.net.devices:
                return Result(255, "", f"Error: can't get ifindex for {dev}\n")
            i += 2
        else:
            return Result(255, "", f"Error: expected no more arguments, 'type', 'map' or "
                          f"'dev', got: '{w}'?\n")
    parent_ok = getattr(ctx.emu, "bpffs_parent_exists", None)
    inside = path.startswith("/") and posixpath.normpath(path).startswith("/sys/fs/bpf/")
    if parent_ok is not None and inside and not parent_ok(path):
        # mount_bpffs_for_pin runs before the object is loaded
        return Result(255, "", f"{ctx.emu.bpffs_mount_error(path)}\n{STRICT_WARNING}")
    # bpftool loads the object's first program (bpf_object__next_program()); the type
    # is forced for xdp. An unreadable object: the load below says what is wrong with it.
    from hwsim.bpf.elf import read_object

    try:
        first = read_object(obj).programs
        section = first[0].section if first else None
    except Exception:
        section = None
    try:
        prog = ctx.emu.load_obj(obj, section, dev, False)
    except Exception as exc:
        if not hasattr(exc, "stderr_lines"):
            raise
        text = load_error_lines(exc, "Error: failed to load object file")
        text = text.replace("Unable to load program\n", "")
        return Result(255, "", text)
    if ptype == "xdp":
        prog.prog_type = 6  # BPF_PROG_TYPE_XDP
    # the kernel resolves the path before pinning: /sys/fs/bpf/../x is /sys/x, not on bpffs
    norm = posixpath.normpath(path) if path.startswith("/") else path
    try:
        ctx.emu.pin(norm, prog)
    except Exception as exc:  # the program is released with its last reference (gc)
        if not hasattr(exc, "stderr_lines"):
            raise
        ctx.emu.gc()  # the loaded object is closed: the program goes with it
        if getattr(exc, "errno", None) == errno.EEXIST:  # prog.c do_load: bpf_obj_pin failed
            section = getattr(prog, "section", None) or "classifier"
            return Result(255, "", f"Error: failed to pin program {section}\n{STRICT_WARNING}")
        text = "".join(f"{ln}\n" for ln in exc.stderr_lines)
        return Result(255, "", text.replace(f"({norm})", f"({path})"))
    return Result(0)


def _programs(ctx: Context) -> list[Any]:
    progs = [p for p in getattr(ctx.emu, "programs", []) if not getattr(p, "is_classic", False)]
    return sorted(progs, key=lambda p: p.id)


def _show(ctx: Context, args: list[str], p: Printer) -> Result:
    progs = _programs(ctx)
    if args:
        spec = _prog_spec(ctx, args)
        if isinstance(spec, Result):
            return spec
        progs = [spec[0]]
    single = bool(args)
    if p.json and single:
        for prog in progs:
            _print(p, prog, ctx)
        value = p.top[0] if p.top else {}
        from offload.tc import jsonw

        return Result(0, jsonw.dumps(value, p.pretty))
    for prog in progs:
        _print(p, prog, ctx)
    return Result(0, p.getvalue())


def _print_dev(p: Printer, ctx: Context, ifindex: int) -> None:
    """common.c ``print_dev_plain``/``print_dev_json`` for a bound program or map."""
    dev = _bound_device(ctx, ifindex)
    net = getattr(dev, "net", None) or ctx.net
    info = {"ifindex": ifindex, "ns_dev": getattr(net, "NS_DEV", 0),
            "ns_inode": getattr(net, "inum", 0)}
    if dev is not None and net is ctx.net:
        # ifindex_to_name_ns: a name only for a device in bpftool's own namespace
        info["ifname"] = dev.name
        text = f"\toffloaded_to {dev.name}"
    else:
        text = (f"\toffloaded_to ifindex {ifindex} ns_dev {info['ns_dev']} "
                f"ns_ino {info['ns_inode']}")
    p.any("dev", info, text)
    p.nl()


def _bound_device(ctx: Context, ifindex: int) -> Any:
    """The device a program is bound to (``bpf_prog_offload_info_fill``: its ifindex and
    namespace): an offload-capable device with that ifindex, bpftool's namespace first."""
    nets = [ctx.net, *[n for n in getattr(ctx.emu, "nets", lambda: [])() if n is not ctx.net]]
    for net in nets:
        dev = net.dev_by_ifindex(ifindex)
        if dev is not None and dev.has_setup_tc:
            return dev
    return None


def _loaded_at(prog: Any) -> str:
    ns = int(getattr(prog, "loaded_at", 0) or 0)
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(ns // 1_000_000_000))


def _print(p: Printer, prog: Any, ctx: Context) -> None:
    """prog.c ``print_prog_plain``/``print_prog_json`` (header, load line, sizes)."""
    ptype = PROG_TYPES.get(prog.prog_type, str(prog.prog_type))
    tag = prog_tag_hex(prog)
    gpl = bool(getattr(prog, "gpl_compatible", True))
    xlated = 8 * prog.insn_cnt
    jited = prog_is_jited(prog)
    p.open_object(None)
    p.any("id", prog.id, f"{prog.id}: ")
    p.any("type", ptype, f"{ptype}  ")
    p.any("name", prog.name, f"name {prog.name}  ")
    p.any("tag", tag, f"tag {tag}")
    p.any("gpl_compatible", gpl, "  gpl" if gpl else "")
    p.nl()
    ns = int(getattr(prog, "loaded_at", 0) or 0)
    p.json_only("loaded_at", ns // 1_000_000_000)
    p.fp(f"\tloaded_at {_loaded_at(prog)}  ")
    p.any("uid", 0, "uid 0")
    p.nl()
    p.any("bytes_xlated", xlated, f"\txlated {xlated}B  ")
    if jited:
        p.json_only("jited", True)
        p.any("bytes_jited", xlated, f"jited {xlated}B  ")
    else:
        p.json_only("jited", False)
        p.fp("not jited  ")
    p.any("bytes_memlock", 4096, "memlock 4096B")
    p.nl()
    ifindex = getattr(prog, "offload_ifindex", None)
    if ifindex is not None:
        _print_dev(p, ctx, ifindex)
    btf_id = int(getattr(prog, "btf_id", 0) or 0)
    if btf_id:
        p.any("btf_id", btf_id, f"\tbtf_id {btf_id}")
        p.nl()
    p.close_object()


MAP_TYPES = {1: "hash", 2: "array", 3: "prog_array", 4: "perf_event_array",
             5: "percpu_hash", 6: "percpu_array", 9: "lru_hash", 10: "lru_percpu_hash"}


def _maps(ctx: Context) -> list[Any]:
    """``map_idr``: the maps the loaded programs hold, and pinned maps, by id."""
    seen: dict[int, Any] = {}
    for prog in _programs(ctx):
        for m in getattr(prog, "maps", {}).values():
            seen.setdefault(id(m), m)
    for obj in getattr(ctx.emu, "pinned", {}).values():
        if hasattr(obj, "map_type"):
            seen.setdefault(id(obj), obj)
    return sorted(seen.values(), key=lambda m: m.id)


def _map_spec(ctx: Context, args: list[str]) -> tuple[Any, list[str]] | Result:
    """map.c ``map_parse_fds`` for one map: ``id N``, ``name NAME`` or ``pinned PATH``."""
    if len(args) < 2:
        return Result(255, "", f"Error: expected 'id', 'name' or 'pinned', got: "
                      f"'{args[0] if args else ''}'?\n")
    kw, value, rest = args[0], args[1], args[2:]
    maps = _maps(ctx)
    if matches(kw, "id"):
        found = [m for m in maps if str(m.id) == value]
        if not found:
            return Result(255, "", f"Error: get map by id ({value}): No such file or "
                          "directory\n")
        return found[0], rest
    if matches(kw, "name"):
        found = [m for m in maps if m.name == value]
        if not found:
            return Result(255, "", f"Error: no map with name {value}\n")
        return found[0], rest
    if matches(kw, "pinned"):
        obj = getattr(ctx.emu, "pinned", {}).get(posixpath.normpath(value))
        if obj is None:
            return Result(255, "", f"Error: bpf obj get ({value}): No such file or directory\n")
        if not hasattr(obj, "map_type"):
            return Result(255, "", "Error: incorrect object type: prog\n")
        return obj, rest
    return Result(255, "", f"Error: expected 'id', 'name' or 'pinned', got: '{kw}'?\n")


def _map(ctx: Context, argv: list[str], p: Printer) -> Result:
    """``bpftool map [show|list] [MAP]`` and ``map pin MAP FILE`` (map.c ``do_show``,
    ``show_map_close_plain``/``show_map_close_json``; ``do_pin``)."""
    cmd, args = (argv[0], argv[1:]) if argv else ("show", [])
    if matches(cmd, "pin"):
        if len(args) < 3:
            return Result(_rc(errno.EINVAL), "", f"Error: 'pin' needs at least 3 arguments, "
                          f"{len(args)} found\n")
        spec = _map_spec(ctx, args)
        if isinstance(spec, Result):
            return spec
        try:
            ctx.emu.pin(spec[1][0], spec[0])
        except Exception as exc:
            if not hasattr(exc, "stderr_lines"):
                raise
            return Result(_rc(exc.errno), "", "".join(f"{x}\n" for x in exc.stderr_lines))
        return Result(0)
    if not (matches(cmd, "show") or matches(cmd, "list")):
        return Result(255, "", f"Error: offload: 'bpftool map {cmd}' is not emulated (show, "
                      "pin)\n")
    maps = _maps(ctx)
    if args:
        spec = _map_spec(ctx, args)
        if isinstance(spec, Result):
            return spec
        maps = [spec[0]]
    for m in maps:
        mtype = MAP_TYPES.get(m.map_type, str(m.map_type))
        memlock = 4096 * max(1, -(-(m.value_size * m.max_entries) // 4096))
        p.open_object(None)
        p.any("id", m.id, f"{m.id}: ")
        p.any("type", mtype, f"{mtype}  ")
        p.any("name", m.name, f"name {m.name}  ")
        p.any("flags", m.flags, f"flags 0x{m.flags:x}")
        p.nl()
        p.any("bytes_key", m.key_size, f"\tkey {m.key_size}B  ")
        p.any("bytes_value", m.value_size, f"value {m.value_size}B  ")
        p.any("max_entries", m.max_entries, f"max_entries {m.max_entries}  ")
        p.any("bytes_memlock", memlock, f"memlock {memlock}B")
        p.json_only("frozen", 1 if getattr(m, "readonly", False) else 0)
        p.nl()
        if getattr(m, "offload_ifindex", None) is not None:
            _print_dev(p, ctx, m.offload_ifindex)
        p.close_object()
    if p.json and args:
        from offload.tc import jsonw

        return Result(0, jsonw.dumps(p.top[0] if p.top else {}, p.pretty))
    return Result(0, p.getvalue())
