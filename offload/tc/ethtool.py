"""``ethtool -K DEV FEATURE on|off ...`` and ``ethtool -k DEV``, for ``hw-tc-offload``.

Mirrors ethtool 6.1's netlink path (netlink/features.c ``nl_sfeatures``/``nl_gfeatures``):
a refused change prints ``Actual changes:`` with ``FEATURE: CUR [requested WANTED]`` on
stdout and ``Could not change any device features`` on stderr, status 1. The kernel side is
``Net.set_feature`` (``__netdev_update_features`` → the driver's ``ndo_set_features``).
Only ``hw-tc-offload`` (alias ``tc-offload``) is modelled; ``-k`` lists it alone.
"""

from __future__ import annotations

from core.errors import TcError
from core.netdev import NETIF_F_HW_TC
from offload.tc.context import Context
from offload.tc.result import Result

ALIASES = {"hw-tc-offload": NETIF_F_HW_TC, "tc-offload": NETIF_F_HW_TC}
NODEV = "netlink error: no device matches name (offset 24)\nnetlink error: No such device\n"
USAGE_HINT = "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n"


def ethtool_main(argv: list[str], ctx: Context) -> Result:
    if len(argv) >= 2 and argv[0] in ("-k", "--show-features", "--show-offload"):
        return _show(ctx, argv[1])
    if len(argv) >= 2 and argv[0] in ("-K", "--features", "--offload"):
        return _set(ctx, argv[1], argv[2:])
    if argv[:1] in (["-h"], ["--help"]):
        return Result(0, "ethtool: emulated subset: -k DEV, -K DEV hw-tc-offload on|off\n")
    return Result(1, "", USAGE_HINT)


def _show(ctx: Context, name: str) -> Result:
    dev = ctx.net.devices.get(name)
    if dev is None:
        return Result(1, "", NODEV)
    state = "on" if NETIF_F_HW_TC in dev.features else "off"
    fixed = "" if NETIF_F_HW_TC in dev.hw_features else " [fixed]"
    return Result(0, f"Features for {name}:\nhw-tc-offload: {state}{fixed}\n")


def _set(ctx: Context, name: str, words: list[str]) -> Result:
    if not words or len(words) % 2:
        bad = words[1] if len(words) > 1 else "(null)"
        param = words[0] if words else name
        return Result(1, "", f"ethtool (-K): flag '{bad}' for parameter '{param}' is not "
                      "followed by 'on' or 'off'\n")
    wanted: dict[str, bool] = {}
    for feat, val in zip(words[::2], words[1::2], strict=True):
        if val not in ("on", "off"):
            return Result(1, "", f"ethtool (-K): flag '{val}' for parameter '{feat}' is not "
                          "followed by 'on' or 'off'\n")
        if feat not in ALIASES:
            return Result(1, "", f"ethtool (-K): feature '{feat}' is not emulated "
                          "(only hw-tc-offload)\n")
        wanted[ALIASES[feat]] = val == "on"
    dev = ctx.net.devices.get(name)
    if dev is None:
        return Result(1, "", NODEV)
    out, failed = [], False
    for feat, on in wanted.items():
        try:
            ctx.net.set_feature(name, feat, on)
        except TcError:
            failed = True
            cur = "on" if feat in dev.features else "off"
            out.append(f"{feat}: {cur} [requested {'on' if on else 'off'}]\n")
    if failed:
        return Result(1, "Actual changes:\n" + "".join(out),
                      "Could not change any device features\n")
    return Result(0)
