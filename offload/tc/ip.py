"""``ip link add|del|set|show`` for the devices of the model.

Mirrors iproute2 6.1 ip/iplink.c (``iplink_modify``: ``add NAME type veth peer name PEER``,
``del DEV``, ``set DEV up|down``; ``Cannot find device``, status 1; kernel errors as
``RTNETLINK answers: ...``, status 2) and ip/ipaddress.c ``print_linkinfo`` for ``show``
(the one-line header and the ``link/ether`` line, and ``-j`` with its JSON keys). Only what
the emulator models is shown: flags, mtu, root qdisc, state, qlen and addresses.
"""

from __future__ import annotations

from typing import Any

from offload.tc.context import Context
from offload.tc.printer import Printer
from offload.tc.result import CmdExit, Result
from offload.tc.util import matches, nodev

NETNS_USAGE = (
    "Usage:\tip netns list\n"
    "\tip netns add NAME\n"
    "\tip netns { delete | del } NAME\n"
    "\tip netns exec NAME cmd ...\n"
    "(the subset of ip-netns(8) the emulator understands)\n"
)
USAGE = (
    "Usage: ip link add NAME type { veth peer name PEER | dummy }\n"
    "       ip link delete DEV\n"
    "       ip link set DEV { up | down | netns { NAME | PID } }\n"
    "       ip [-j] [-p] link show [ DEV ]\n"
    "(the subset of ip(8) the emulator understands)\n"
)


def ip_main(argv: list[str], ctx: Context) -> Result:
    json = pretty = False
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        w = argv[i]
        if matches(w, "-json"):
            json = True
        elif matches(w, "-pretty"):
            pretty = True
        elif matches(w, "-details"):
            pass  # -d: the model has no extra link details to print
        elif matches(w, "-force"):
            ctx.force = True
        elif w in ("-s", "-stats", "-statistics", "-br", "-brief", "-c", "-color"):
            pass
        else:
            return Result(255, "", f'Option "{w}" is unknown, try "ip -help".\n')
        i += 1
    rest = argv[i:]
    try:
        return _ip_object(ctx, rest, json, pretty)
    finally:
        ctx.force = False


def _ip_object(ctx: Context, rest: list[str], json: bool, pretty: bool) -> Result:
    if rest and rest[0] == "netns":
        return _netns(ctx, rest[1:])
    if not rest or not matches(rest[0], "link"):
        obj = rest[0] if rest else ""
        return Result(1, "", f'offload: "ip {obj}" is not emulated (only "ip link" and '
                      '"ip netns")\n' + USAGE)
    try:
        return _link(ctx, rest[1:], Printer(json=json, pretty=pretty))
    except CmdExit as exc:
        return exc.result()


def _valid_netns_name(name: str) -> bool:
    """ip/ipnetns.c ``is_valid_netns_name``."""
    return bool(name) and len(name) < 255 and "/" not in name and name not in (".", "..")


def _netns(ctx: Context, argv: list[str]) -> Result:
    """ip/ipnetns.c ``do_netns``: ``list``/``ls`` (also the default), ``add``, ``delete``/
    ``del``. Namespaces are the emulator's (``emu.namespaces``); the messages are those
    iproute2 prints for its ``/run/netns`` files. (``exec`` is routed by the Session.)"""
    emu = ctx.emu
    if not hasattr(emu, "namespaces"):
        return Result(1, "", 'offload: "ip netns" needs an emulator with namespaces\n')
    cmd = argv[0] if argv else "list"
    args = argv[1:]
    if matches(cmd, "list") or cmd == "ls" or matches(cmd, "show"):
        # readdir order of /run/netns (tmpfs): the newest first
        return Result(0, "".join(f"{n}\n" for n in reversed(list(emu.namespaces))))
    if matches(cmd, "help"):
        return Result(255, "", NETNS_USAGE)
    if matches(cmd, "add") or matches(cmd, "delete"):
        if len(args) != 1:
            return Result(255, "", "No netns name specified\n")
        name = args[0]
        if not _valid_netns_name(name):
            return Result(255, "", f'Invalid netns name "{name}"\n')
        if matches(cmd, "add"):
            if name in emu.namespaces:
                return Result(1, "", f'Cannot create namespace file "/run/netns/{name}": '
                              "File exists\n")
            emu.netns_add(name)
            return Result(0)
        if name not in emu.namespaces:
            return Result(1, "", f'Cannot remove namespace file "/run/netns/{name}": No such '
                          "file or directory\n")
        for dev in emu.netns_del(name):
            ctx.ever_up.discard(dev)
        return Result(0)
    return Result(255, "", f'Command "{cmd}" is unknown, try "ip netns help".\n')


def _link(ctx: Context, argv: list[str], p: Printer) -> Result:
    if not argv:
        return _show(ctx, [], p)
    cmd, args = argv[0], argv[1:]
    if matches(cmd, "add"):
        return _add(ctx, args)
    if matches(cmd, "delete"):
        return _del(ctx, args)
    if matches(cmd, "set"):
        return _set(ctx, args)
    if matches(cmd, "show") or matches(cmd, "list") or matches(cmd, "lst"):
        return _show(ctx, args, p)
    if matches(cmd, "help"):
        return Result(255, "", USAGE)
    return Result(255, "", f'Command "{cmd}" is unknown, try "ip link help".\n')


def _add(ctx: Context, args: list[str]) -> Result:
    name = kind = peer = None
    i = 0
    while i < len(args):
        w = args[i]
        if w in ("name", "dev") and i + 1 < len(args):
            name = args[i + 1]
            i += 2
        elif w == "type" and i + 1 < len(args):
            kind = args[i + 1]
            rest = args[i + 2:]
            if kind == "veth":
                if len(rest) >= 3 and rest[0] == "peer" and rest[1] == "name":
                    peer = rest[2]
                elif len(rest) >= 2 and rest[0] == "peer":
                    peer = rest[1]
            break
        elif i == 0 or name is None:
            name = w
            i += 1
        else:
            return Result(255, "", f'Error: either "dev" is duplicate, or "{w}" is a '
                          "garbage.\n")
    if name is None:
        return Result(255, "", 'Not enough information: "dev" argument is required.\n')
    if kind == "dummy":
        if name in ctx.net.devices:
            return Result(2, "", "RTNETLINK answers: File exists\n")
        ctx.emu.add_dummy(name)
        return Result(0)
    if kind != "veth":
        return Result(2, "", f'offload: link type "{kind}" is not emulated (veth and dummy '
                      "are)\n")
    if peer is None:
        return Result(2, "", "offload: give the veth peer as 'peer name NAME'\n")
    if name in ctx.net.devices or peer in ctx.net.devices:
        return Result(2, "", "RTNETLINK answers: File exists\n")
    ctx.emu.add_veth(name, peer)
    return Result(0)


def _del(ctx: Context, args: list[str]) -> Result:
    name = args[1] if args[:1] == ["dev"] and len(args) > 1 else (args[0] if args else None)
    if name is None:
        return Result(255, "", 'Not enough information: "dev" argument is required.\n')
    dev = ctx.net.devices.get(name)
    if dev is None:
        return Result(1, "", nodev(name))
    if dev.kind not in ("veth", "dummy"):
        return Result(2, "", "RTNETLINK answers: Operation not supported\n")
    ctx.net.unregister_device(name)
    return Result(0)


def _set(ctx: Context, args: list[str]) -> Result:
    name = None
    state: bool | None = None
    target: Any = None
    mtu: int | None = None
    i = 0
    while i < len(args):
        w = args[i]
        if w == "dev" and i + 1 < len(args):
            name = args[i + 1]
            i += 2
            continue
        if w in ("xdpoffload", "xdpdrv", "xdp", "xdpgeneric") and name is not None:
            return _xdp(ctx, name, w, args[i + 1:], ctx.force)
        if w == "netns":
            if i + 1 >= len(args):
                return Result(255, "", 'Command line is not complete. Try option "help"\n')
            if target is not None:
                return Result(255, "", f'Error: either "netns" is duplicate, or '
                              f'"{args[i + 1]}" is a garbage.\n')
            target = _netns_target(ctx, args[i + 1])
            if target is None:
                return Result(255, "", f'Error: argument "{args[i + 1]}" is wrong: Invalid '
                              '"netns" value\n\n')
            i += 2
            continue
        if w == "mtu":
            if i + 1 >= len(args):
                return Result(255, "", 'Command line is not complete. Try option "help"\n')
            if mtu is not None:
                return Result(255, "", f'Error: either "mtu" is duplicate, or "{args[i + 1]}" '
                              "is a garbage.\n")
            if not args[i + 1].isdigit():
                return Result(255, "", f'Error: argument "{args[i + 1]}" is wrong: Invalid '
                              '"mtu" value\n\n')
            mtu = int(args[i + 1])
            i += 2
            continue
        if w == "up":
            state = True
        elif w == "down":
            state = False
        elif name is None:
            name = w
        else:
            return Result(1, "", f'offload: "ip link set ... {w}" is not emulated '
                          "(up and down are)\n")
        i += 1
    if name is None:
        return Result(255, "", 'Not enough information: "dev" argument is required.\n')
    if name not in ctx.net.devices:
        return Result(1, "", nodev(name))
    if mtu is not None:  # do_setlink: the MTU before the namespace and the flags
        from core.errors import TcError
        from offload.tc.netlink import rtnl_error

        try:
            ctx.emu.set_mtu(name, mtu)
        except TcError as err:
            return Result(2, "", rtnl_error(err))
    if target is not None:  # do_setlink: the namespace change comes before the flags
        from core.errors import TcError
        from offload.tc.netlink import rtnl_error

        before = ctx.net
        try:
            dev = ctx.emu.move_device(name, target)
        except TcError as err:
            return Result(2, "", rtnl_error(err))
        if target is not before:  # closed and its qdiscs gone: noop until it goes up
            ctx.ever_up.discard(dev)
        if state is not None:
            with ctx.emu.in_netns(ctx.emu.netns_name(target)):
                ctx.emu.set_link(name, state)
                if state:
                    ctx.mark_up(name)
        return Result(0)
    if state is not None:
        ctx.emu.set_link(name, state)
        if state:
            ctx.mark_up(name)
    return Result(0)


def _netns_target(ctx: Context, word: str) -> Any:
    """iplink.c's ``netns`` argument: a name under /run/netns (``netns_get_fd``), else a
    PID (``IFLA_NET_NS_PID``: every process the emulator serves lives in the initial
    namespace unless it runs under ``ip netns exec``, so a PID means init_net)."""
    namespaces = getattr(ctx.emu, "namespaces", None)
    if namespaces is None:
        return None
    if word in namespaces:
        return namespaces[word]
    if word.isdigit():
        return ctx.emu.init_net
    return None


XDP_MODES = {"xdp": None, "xdpgeneric": "skb", "xdpdrv": "drv", "xdpoffload": "hw"}


def _xdp(ctx: Context, name: str, mode: str, rest: list[str], force: bool = False) -> Result:
    """ip/iplink_xdp.c ``xdp_parse`` for ``xdp|xdpgeneric|xdpdrv|xdpoffload {obj FILE [sec
    NAME] [verbose] | pinned PATH | off}``: an offload program is loaded bound to the device;
    the kernel side is the emulator's ``dev_xdp_attach`` (without ``-force`` an attached
    program is not replaced: XDP_FLAGS_UPDATE_IF_NOEXIST)."""
    from core.errors import TcError
    from offload.tc.loading import load_error_lines
    from offload.tc.netlink import rtnl_error

    if name not in ctx.net.devices:
        if mode == "xdpoffload":  # xdp_parse(): ll_name_to_index() 0 -> incomplete_command()
            return Result(255, "", 'Command line is not complete. Try option "help"\n')
        return Result(1, "", nodev(name))
    if not rest:
        return Result(255, "", 'Command line is not complete. Try option "help"\n')
    prog = None
    if rest[0] in ("pinned", "object-pinned") and len(rest) > 1:
        prog = getattr(ctx.emu, "pinned", {}).get(rest[1])
        if prog is None or hasattr(prog, "map_type"):
            return Result(255, "", f"Couldn't retrieve pinned program '{rest[1]}': No such "
                          "file or directory\n")
    elif rest[0] != "off":
        if rest[0] not in ("obj", "object", "object-file") or len(rest) < 2:
            return Result(255, "", f'Error: either "dev" is duplicate, or "{rest[0]}" is a '
                          "garbage.\n")
        section = rest[3] if len(rest) > 3 and rest[2] in ("sec", "section") else "prog"
        verbose = "verbose" in rest[2:]
        try:
            prog = ctx.emu.load_obj(rest[1], section,
                                    name if mode == "xdpoffload" else None, verbose)
        except Exception as exc:
            if not hasattr(exc, "stderr_lines"):
                raise
            return Result(255, "", load_error_lines(exc, "Unable to load program")
                          .replace("Unable to load program\n", ""))
        prog.prog_type = 6  # iproute2 loads it as BPF_PROG_TYPE_XDP
    try:
        attach = getattr(ctx.emu, "xdp_attach", None)
        if attach is not None:
            attach(name, XDP_MODES[mode], prog, force)
        elif mode == "xdpoffload":
            ctx.emu.xdp_offload(name, prog)
        else:
            return Result(2, "", f'offload: "{mode}" is not emulated (xdpoffload is)\n')
    except TcError as err:
        return Result(2, "", rtnl_error(err))
    return Result(0)


def _xdp_info(ctx: Context, dev: Any) -> dict[str, Any] | None:
    """``xdp_dump``'s JSON: mode (XDP_ATTACHED_SKB 2, HW 3) and the program."""
    from offload.tc.tc_render import prog_is_jited, prog_tag_hex

    get = getattr(ctx.emu, "xdp_progs", None)
    progs = get(dev.name) if callable(get) else {"hw": getattr(ctx.emu, "xdp", {}).get(dev.name)}
    # IFLA_XDP_SKB_PROG_ID, _DRV_, _HW_ in xdp_dump_json's order; XDP_ATTACHED_* numbers
    attached = [(m, progs.get(k)) for m, k in ((2, "skb"), (1, "drv"), (3, "hw"))
                if progs.get(k) is not None]
    if not attached:
        return None

    def info(prog: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"id": prog.id}
        if getattr(prog, "name", ""):  # bpf_dump_prog_info(): the name when it has one
            out["name"] = prog.name
        out["tag"] = prog_tag_hex(prog)
        out["jited"] = 1 if prog_is_jited(prog) else 0
        return out

    each = [{"mode": m, "prog": info(x)} for m, x in attached]
    if len(attached) == 1:  # IFLA_XDP_PROG_ID only outside XDP_ATTACHED_MULTI
        return {"mode": attached[0][0], "prog": info(attached[0][1]), "attached": each}
    return {"mode": 4, "attached": each}


#: xdp_dump()'s text: the mode word after mtu, by XDP_ATTACHED_* number
_XDP_MODE_WORD = {1: "xdp", 2: "xdpgeneric", 3: "xdpoffload", 4: "xdpmulti"}
#: xdp_dump_prog_one()'s ``prog/xdp<suffix>`` under XDP_ATTACHED_MULTI
_XDP_PROG_SUFFIX = {1: "drv", 2: "generic", 3: "offload"}


def _xdp_text_progs(xdp: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The ``prog/xdp...`` lines of xdp_dump(details): one for a single mode
    (IFLA_XDP_PROG_ID), one per mode under XDP_ATTACHED_MULTI."""
    if "prog" in xdp:
        return [("", xdp["prog"])]
    return [(_XDP_PROG_SUFFIX[a["mode"]], a["prog"]) for a in xdp["attached"]]


def _flags(dev: Any, noarp: bool = True) -> list[str]:
    """``print_link_flags``; M-DOWN is the peer's state, looked up only for a peer in the
    same namespace (``ll_index_to_flags`` of IFLA_LINK without IFLA_LINK_NETNSID). A
    netdevsim port has NOARP where the profile's kernel sets it (``nsim_setup()``: 6.1
    yes, 6.12 no)."""
    if dev.kind == "loopback":
        flags = ["LOOPBACK"]
    elif dev.kind == "veth":
        flags = ["BROADCAST", "MULTICAST"]
    else:
        flags = ["BROADCAST", "NOARP"] if noarp else ["BROADCAST"]
    peer = getattr(dev, "peer", None)
    remote = peer is not None and peer.net is not None and peer.net is not dev.net
    carrier = dev.up and (peer is None or peer.up)
    if dev.up:
        if not carrier:
            flags.insert(0, "NO-CARRIER")
        flags.append("UP")
        if carrier:
            flags.append("LOWER_UP")
    if peer is not None and not remote and not peer.up:
        flags.append("M-DOWN")  # print_link_flags(): the IFLA_LINK device (the peer) is down
    return flags


def _state(dev: Any) -> str:
    if not dev.up:
        return "DOWN"
    if dev.kind == "veth":
        return "UP" if dev.peer is None or dev.peer.up else "LOWERLAYERDOWN"
    return "UNKNOWN"


def _show(ctx: Context, args: list[str], p: Printer) -> Result:
    name = None
    for i, w in enumerate(args):
        if w == "dev" and i + 1 < len(args):
            name = args[i + 1]
        elif w not in ("dev", "up") and (i == 0 or args[i - 1] != "dev"):
            name = w
    devs = sorted(ctx.net.devices.values(), key=lambda d: d.ifindex)
    if name is not None:
        devs = [d for d in devs if d.name == name]
        if not devs:
            return Result(1, "", f'Device "{name}" does not exist.\n')
    for dev in devs:
        _print_link(p, dev, ctx)
    return Result(0, p.getvalue())


def _print_link(p: Printer, dev: Any, ctx: Context) -> None:
    """ipaddress.c ``print_linkinfo``, reduced to the fields the model has."""
    p.open_object(None)
    p.any("ifindex", dev.ifindex, f"{dev.ifindex}: ")
    peer = getattr(dev, "peer", None)
    remote = peer is not None and peer.net is not None and peer.net is not dev.net
    label = dev.name if peer is None else (
        f"{dev.name}@if{peer.ifindex}" if remote else f"{dev.name}@{peer.name}")
    if peer is not None:  # print_name_and_link(): IFLA_LINK before the device's own name
        if remote:
            p.json_only("link_index", peer.ifindex)
        else:
            p.json_only("link", peer.name)
    p.any("ifname", dev.name, f"{label}: ")
    flags = _flags(dev, ctx.net.profile.netdevsim_noarp)
    p.fp("<" + ",".join(flags) + "> ")
    p.open_array("flags")
    for f in flags:
        p.item(f)
    p.close_array()
    mtu = 65536 if dev.kind == "loopback" else dev.mtu
    p.any("mtu", mtu, f"mtu {mtu} ")
    xdp = _xdp_info(ctx, dev)
    if xdp is not None:  # iplink_xdp.c xdp_dump(): the JSON object / the mode word
        p.json_only("xdp", xdp)
        p.fp(f"{_XDP_MODE_WORD[xdp['mode']]} ")
    qdisc = "noqueue" if ctx.has_root_qdisc(dev) else "noop"
    p.any("qdisc", qdisc, f"qdisc {qdisc} ")
    state = _state(dev) if dev.kind != "loopback" else ("UNKNOWN" if dev.up else "DOWN")
    p.any("operstate", state, f"state {state} ")
    p.any("linkmode", "DEFAULT", "mode DEFAULT ")
    p.any("group", "default", "group default ")
    p.any("txqlen", 1000, "qlen 1000")
    p.nl()
    kind = "loopback" if dev.kind == "loopback" else "ether"
    brd = "00:00:00:00:00:00" if kind == "loopback" else "ff:ff:ff:ff:ff:ff"
    p.fp("    ")
    p.any("link_type", kind, f"link/{kind} ")
    p.any("address", dev.mac, f"{dev.mac} ")
    p.any("broadcast", brd, f"brd {brd}")
    if remote:  # IFLA_LINK_NETNSID: an id in JSON, the peer namespace's name in text
        ns_name = ctx.emu.netns_name(peer.net)
        p.json_only("link_netnsid", 0)
        p.fp(f" link-netns {ns_name}" if ns_name is not None else " link-netnsid 0")
    if dev.driver_name == "netdevsim":
        # IFLA_VFINFO_LIST: netdevsim has SR-IOV ops, 0 VFs (print_linkinfo() shows the
        # empty list in JSON only)
        p.json_only("vfinfo_list", [])
    if xdp is not None:  # xdp_dump(details): the attached programs' lines
        for m, prog in _xdp_text_progs(xdp):
            p.fp(f"\n    prog/xdp{m} id {prog['id']} ")
            if prog.get("name"):
                p.fp(f"name {prog['name']} ")
            p.fp(f"tag {prog['tag']} ")
            if prog["jited"]:
                p.fp("jited ")
    p.nl()
    p.close_object()
