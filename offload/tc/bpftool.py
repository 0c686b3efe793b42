"""``bpftool prog load|show``: load-and-pin, and list loaded programs.

Mirrors bpftool 7.x (prog.c ``do_load``/``load_with_options`` for
``prog load OBJ PATH [type TYPE] [dev DEV]`` and ``do_show``/``print_prog_plain``/
``print_prog_json`` for ``prog show [id N | pinned PATH]``), as far as the emulator's
programs carry the fields (id, type, name, tag, GPL, load time, xlated/jited size,
``offloaded_to``). Errors end with ``Error: ...`` and status 255 as bpftool's ``p_err``.
"""

from __future__ import annotations

import time
from typing import Any

from offload.tc.context import Context
from offload.tc.loading import load_error_lines
from offload.tc.printer import Printer
from offload.tc.result import Result
from offload.tc.tc_render import prog_is_jited, prog_tag_hex
from offload.tc.util import matches

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
    if len(words) < 1 or not matches(words[0], "prog"):
        obj = words[0] if words else ""
        return Result(255, "", f"Error: offload: 'bpftool {obj}' is not emulated "
                      "(prog load, prog show)\n")
    cmd, args = (words[1], words[2:]) if len(words) > 1 else ("show", [])
    if matches(cmd, "show") or matches(cmd, "list"):
        return _show(ctx, args, Printer(json=json, pretty=pretty))
    if matches(cmd, "load"):
        return _load(ctx, args)
    return Result(255, "", f"Error: unknown or unsupported command '{cmd}'\n")


def _first_section(path: str) -> str | None:
    """The section of the object's first program (``bpf_object__next_program()``), or
    None when the object cannot be read (the load then reports why)."""
    from hwsim.bpf import read_object

    try:
        progs = read_object(path).programs
    except Exception:  # the load below says what is wrong with the file
        return None
    return progs[0].section if progs else None


def _load(ctx: Context, args: list[str]) -> Result:
    if len(args) < 2:
        return Result(255, "", "Error: expected 'OBJ' and 'PATH'\n" if not args else
                      "Error: expected pin path\n")
    obj, path, rest = args[0], args[1], args[2:]
    dev = None
    i = 0
    while i < len(rest):
        w = rest[i]
        if w == "type" and i + 1 < len(rest):
            if rest[i + 1] not in ("classifier", "tc", "sched_cls", "xdp"):
                return Result(255, "", f"Error: offload: program type '{rest[i + 1]}' is not "
                              "emulated (classifier, xdp)\n")
            i += 2
        elif w == "dev" and i + 1 < len(rest):
            dev = rest[i + 1]
            if dev not in ctx.net.devices:
                return Result(255, "", f"Error: can't get ifindex for {dev}\n")
            i += 2
        else:
            return Result(255, "", f"Error: expected no more arguments, 'type', 'map' or "
                          f"'dev', got: '{w}'?\n")
    try:
        # bpftool loads the object's first program (tc's default section otherwise)
        section = _first_section(obj)
        prog = ctx.emu.load_obj(obj, section, dev, False)
    except Exception as exc:
        if not hasattr(exc, "stderr_lines"):
            raise
        text = load_error_lines(exc, "Error: failed to load object file")
        text = text.replace("Unable to load program\n", "")
        return Result(255, "", text)
    ctx.emu.pin(path, prog)
    return Result(0)


def _programs(ctx: Context) -> list[Any]:
    progs = [p for p in getattr(ctx.emu, "programs", []) if not getattr(p, "is_classic", False)]
    return sorted(progs, key=lambda p: p.id)


def _show(ctx: Context, args: list[str], p: Printer) -> Result:
    progs = _programs(ctx)
    if args:
        if args[0] == "id" and len(args) > 1:
            progs = [x for x in progs if str(x.id) == args[1]]
            if not progs:
                return Result(255, "", f"Error: get by id ({args[1]}): No such file or "
                              "directory\n")
        elif args[0] == "pinned" and len(args) > 1:
            try:
                progs = [ctx.emu.get_pinned(args[1])]
            except Exception as exc:
                if not hasattr(exc, "stderr_lines"):
                    raise
                return Result(255, "", f"Error: bpf obj get ({args[1]}): No such file or "
                              "directory\n")
        else:
            return Result(255, "", f"Error: expected 'id', 'tag', 'name' or 'pinned', got: "
                          f"'{args[0]}'?\n")
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
        dev = ctx.net.dev_by_ifindex(ifindex)
        name = dev.name if dev is not None else f"ifindex {ifindex}"
        p.any("dev", {"ifindex": ifindex, "ns_dev": 0, "ns_inode": 0, "ifname": name},
              f"\toffloaded_to {name}")
        p.nl()
    btf_id = int(getattr(prog, "btf_id", 0) or 0)
    if btf_id:
        p.any("btf_id", btf_id, f"\tbtf_id {btf_id}")
        p.nl()
    p.close_object()
