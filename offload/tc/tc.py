"""The ``tc`` command: global options and objects.

Mirrors tc/tc.c ``main`` (options matched by prefix in iproute2's order) and ``do_cmd``, with
``do_qdisc``/``do_filter`` dispatch as in tc_qdisc.c/tc_filter.c. ``-j``/``-p`` select JSON
and its pretty layout, ``-s``/``-d`` statistics and details.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from offload.tc.context import Context
from offload.tc.printer import Printer
from offload.tc.result import CmdExit, Result
from offload.tc.tc_filter import CHAIN_USAGE, chain_list, filter_get, filter_list, filter_modify
from offload.tc.tc_filter import USAGE as FILTER_USAGE
from offload.tc.tc_qdisc import USAGE as QDISC_USAGE
from offload.tc.tc_qdisc import qdisc_list, qdisc_modify
from offload.tc.util import matches

USAGE = (
    "Usage:\ttc [ OPTIONS ] OBJECT { COMMAND | help }\n"
    "\ttc [-force] -batch filename\n"
    "where  OBJECT := { qdisc | class | filter | chain |\n"
    "\t\t    action | monitor | exec }\n"
    "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[aw] |\n"
    "\t\t    -o[neline] | -j[son] | -p[retty] | -c[olor]\n"
    "\t\t    -b[atch] [filename] | -n[etns] name | -N[umeric] |\n"
    "\t\t     -nm | -nam[es] | { -cf | -conf } path\n"
    "\t\t     -br[ief] }\n"
)
VERSION = "tc utility, iproute2-6.1.0, libbpf 1.1.0\n"


@attrs.define
class TcOptions:
    stats: bool = False
    details: bool = False
    json: bool = False
    pretty: bool = False


def _options(argv: list[str]) -> tuple[TcOptions, list[str]] | Result:
    """``main``'s option loop: returns the options and the remaining words."""
    o = TcOptions()
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        w = argv[i]
        if matches(w, "-stats") or matches(w, "-statistics"):
            o.stats = True
        elif matches(w, "-details"):
            o.details = True
        elif matches(w, "-raw"):
            pass
        elif matches(w, "-pretty"):
            o.pretty = True
        elif matches(w, "-graph"):
            pass
        elif matches(w, "-Version"):
            return Result(0, VERSION)
        elif matches(w, "-iec"):
            pass
        elif matches(w, "-help"):
            return Result(0, "", USAGE)
        elif matches(w, "-force"):
            pass
        elif matches(w, "-batch") or matches(w, "-netns"):
            return Result(1, "", f"offload: tc {w} is not emulated\n")
        elif matches(w, "-Numeric") or matches(w, "-names") or matches(w, "-nm"):
            pass
        elif matches(w, "-cf") or matches(w, "-conf"):
            i += 1
        elif (w in ("-c", "-color") or w.startswith("-color=")
              or matches(w, "-timestamp") or matches(w, "-tshort")):
            pass
        elif matches(w, "-json"):
            o.json = True
        elif matches(w, "-oneline") or matches(w, "-brief"):
            pass
        else:
            return Result(255, "", f'Option "{w}" is unknown, try "tc -help".\n')
        i += 1
    return o, argv[i:]


def tc_main(argv: Sequence[str], ctx: Context) -> Result:
    """Run ``tc ARGS`` (``argv`` without the program name) on ``ctx``."""
    parsed = _options(list(argv))
    if isinstance(parsed, Result):
        return parsed
    opts, rest = parsed
    if not rest:
        return Result(0, "", USAGE)
    try:
        return _do_cmd(ctx, opts, rest)
    except CmdExit as exc:
        return exc.result()


def _do_cmd(ctx: Context, o: TcOptions, argv: list[str]) -> Result:
    obj, args = argv[0], argv[1:]
    if matches(obj, "qdisc"):
        return _do_qdisc(ctx, o, args)
    if matches(obj, "class"):
        return _do_class(ctx, args)
    if matches(obj, "chain"):
        return _do_chain(ctx, o, args)
    if matches(obj, "actions") or matches(obj, "monitor") or matches(obj, "exec"):
        return Result(1, "", f'offload: "tc {obj}" is not emulated (qdisc and filter are)\n')
    if matches(obj, "filter"):
        return _do_filter(ctx, o, args)
    if matches(obj, "help"):
        return Result(0, "", USAGE)
    return Result(255, "", f'Object "{obj}" is unknown, try "tc help".\n')


def _do_class(ctx: Context, argv: list[str]) -> Result:
    """tc_class.c ``tc_class_list`` over the model's qdiscs: ingress and clsact have no
    classes to dump (``ingress_walk``/``clsact_walk`` report none), nor does the default
    root qdisc, so ``show`` prints nothing; changes are not emulated."""
    cmd = argv[0] if argv else "show"
    if not (matches(cmd, "show") or matches(cmd, "list") or cmd == "lst"):
        return Result(1, "", f'offload: "tc class {cmd}" is not emulated (show is)\n')
    args = argv[1:]
    for i, w in enumerate(args):
        if w == "dev" and i + 1 < len(args) and not ctx.ifindex(args[i + 1]):
            return Result(1, "", f'Cannot find device "{args[i + 1]}"\n')
    return Result(0)


def _do_chain(ctx: Context, o: TcOptions, argv: list[str]) -> Result:
    """``do_chain``: only ``show``/``list`` (chains exist while they hold filters)."""
    if not argv or matches(argv[0], "list") or matches(argv[0], "show") or \
            matches(argv[0], "lst"):
        return chain_list(ctx, argv[1:], _printer(o))
    if matches(argv[0], "help"):
        return Result(0, "", CHAIN_USAGE)
    return Result(1, "", f'offload: "tc chain {argv[0]}" is not emulated (show is)\n')


def _printer(o: TcOptions) -> Printer:
    return Printer(json=o.json, pretty=o.pretty)


def _do_qdisc(ctx: Context, o: TcOptions, argv: list[str]) -> Result:
    if not argv:
        return qdisc_list(ctx, [], _printer(o), o.stats)
    cmd, args = argv[0], argv[1:]
    for name in ("add", "change", "replace", "link", "delete"):
        if matches(cmd, name):
            return qdisc_modify(ctx, args, name)
    if matches(cmd, "list") or matches(cmd, "show") or matches(cmd, "lst"):
        return qdisc_list(ctx, args, _printer(o), o.stats)
    if matches(cmd, "help"):
        return Result(255, "", QDISC_USAGE)
    return Result(255, "", f'Command "{cmd}" is unknown, try "tc qdisc help".\n')


def _do_filter(ctx: Context, o: TcOptions, argv: list[str]) -> Result:
    if not argv:
        return filter_list(ctx, [], _printer(o), o.stats, o.details)
    cmd, args = argv[0], argv[1:]
    for name in ("add", "change", "replace", "delete"):
        if matches(cmd, name):
            return filter_modify(ctx, args, name)
    if matches(cmd, "get"):
        return filter_get(ctx, args, _printer(o), o.stats, o.details)
    if matches(cmd, "list") or matches(cmd, "show") or matches(cmd, "lst"):
        return filter_list(ctx, args, _printer(o), o.stats, o.details)
    if matches(cmd, "help"):
        return Result(0, "", FILTER_USAGE)
    return Result(255, "", f'Command "{cmd}" is unknown, try "tc filter help".\n')
