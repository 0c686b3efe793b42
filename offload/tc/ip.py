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

USAGE = (
    "Usage: ip link add NAME type veth peer name PEER\n"
    "       ip link delete DEV\n"
    "       ip link set DEV { up | down }\n"
    "       ip [-j] [-p] link show [ DEV ]\n"
    "(the subset of ip(8) the emulator understands)\n"
)


def ip_main(argv: list[str], ctx: Context) -> Result:
    json = pretty = details = False
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        w = argv[i]
        if matches(w, "-json"):
            json = True
        elif matches(w, "-pretty"):
            pretty = True
        elif matches(w, "-details"):
            details = True
        elif w in ("-s", "-stats", "-statistics", "-br", "-brief", "-c", "-color"):
            pass
        else:
            return Result(255, "", f'Option "{w}" is unknown, try "ip -help".\n')
        i += 1
    rest = argv[i:]
    if not rest or not matches(rest[0], "link"):
        obj = rest[0] if rest else ""
        return Result(1, "", f'offload: "ip {obj}" is not emulated (only "ip link")\n'
                      + USAGE)
    del details
    try:
        return _link(ctx, rest[1:], Printer(json=json, pretty=pretty))
    except CmdExit as exc:
        return exc.result()


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
    if kind != "veth":
        return Result(2, "", f'offload: link type "{kind}" is not emulated (veth is)\n')
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
    if dev.kind != "veth":
        return Result(2, "", "RTNETLINK answers: Operation not supported\n")
    ctx.net.unregister_device(name)
    return Result(0)


def _set(ctx: Context, args: list[str]) -> Result:
    name = None
    state: bool | None = None
    i = 0
    while i < len(args):
        w = args[i]
        if w == "dev" and i + 1 < len(args):
            name = args[i + 1]
            i += 2
            continue
        if w in ("xdpoffload", "xdpdrv", "xdp", "xdpgeneric") and name is not None:
            return _xdp(ctx, name, w, args[i + 1:])
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
    if state is not None:
        ctx.emu.set_link(name, state)
        if state:
            ctx.mark_up(name)
    return Result(0)


def _xdp(ctx: Context, name: str, mode: str, rest: list[str]) -> Result:
    """ip/iplink_xdp.c ``xdp_parse`` for ``xdpoffload {obj FILE [sec NAME] | off}``: the
    program is loaded bound to the device, then attached (netdevsim's shared slot)."""
    from core.errors import TcError
    from offload.tc.loading import load_error_lines
    from offload.tc.netlink import rtnl_error

    if name not in ctx.net.devices:
        return Result(1, "", nodev(name))
    if mode != "xdpoffload":
        return Result(2, "", f'offload: "{mode}" is not emulated (xdpoffload is)\n')
    if not rest:
        return Result(255, "", 'Command line is not complete. Try option "help"\n')
    prog = None
    if rest[0] in ("pinned", "object-pinned", "fd") and len(rest) >= 2:
        try:
            prog = ctx.emu.get_pinned(rest[1])
        except Exception as exc:
            if not hasattr(exc, "stderr_lines"):
                raise
            return Result(255, "", f"Couldn't retrieve pinned program '{rest[1]}': "
                          "No such file or directory\n")
    elif rest[0] != "off":
        if rest[0] not in ("obj", "object") or len(rest) < 2:
            return Result(255, "", f'Error: either "dev" is duplicate, or "{rest[0]}" is a '
                          "garbage.\n")
        section = rest[3] if len(rest) > 3 and rest[2] in ("sec", "section") else "prog"
        try:
            prog = ctx.emu.load_obj(rest[1], section, name, False)
        except Exception as exc:
            if not hasattr(exc, "stderr_lines"):
                raise
            return Result(255, "", load_error_lines(exc, "Unable to load program")
                          .replace("Unable to load program\n", ""))
    try:
        ctx.emu.xdp_offload(name, prog)
    except TcError as err:
        return Result(2, "", rtnl_error(err))
    return Result(0)


def _flags(dev: Any, noarp: bool = True) -> list[str]:
    """``IFF_*`` as ip prints them; a netdevsim port has NOARP where the profile's kernel
    sets it (``nsim_setup()``: 6.1 yes, 6.12 no)."""
    if dev.kind == "loopback":
        flags = ["LOOPBACK"]
    elif dev.kind == "veth":
        flags = ["BROADCAST", "MULTICAST"]
    else:
        flags = ["BROADCAST", "NOARP"] if noarp else ["BROADCAST"]
    peer = getattr(dev, "peer", None)
    carrier = dev.up and (peer is None or peer.up)
    if dev.up:
        if not carrier:
            flags.insert(0, "NO-CARRIER")
        flags.append("UP")
        if carrier:
            flags.append("LOWER_UP")
    elif dev.kind == "veth":
        flags.append("M-DOWN")
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
    label = f"{dev.name}@{peer.name}" if peer is not None else dev.name
    p.any("ifname", dev.name, f"{label}: ")
    if peer is not None:
        p.json_only("link", peer.name)
    flags = _flags(dev, ctx.net.profile.netdevsim_noarp)
    p.fp("<" + ",".join(flags) + "> ")
    p.open_array("flags")
    for f in flags:
        p.item(f)
    p.close_array()
    mtu = 65536 if dev.kind == "loopback" else dev.mtu
    p.any("mtu", mtu, f"mtu {mtu} ")
    qdisc = "noqueue" if ctx.has_root_qdisc(dev) else "noop"
    p.any("qdisc", qdisc, f"qdisc {qdisc} ")
    state = _state(dev) if dev.kind != "loopback" else "UNKNOWN"
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
    if dev.kind not in ("loopback", "veth"):
        # a netdevsim port answers IFLA_VFINFO_LIST (its device may have VFs): empty here
        p.open_array("vfinfo_list")
        p.close_array()
    p.nl()
    p.close_object()
