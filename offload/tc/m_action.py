"""``action ...`` on a filter command line: gact only.

Mirrors tc/m_action.c ``parse_action`` (the ``action`` keyword, ``new_cmd`` words, bare
control names meaning gact, what follows an action) and tc/m_gact.c ``parse_gact`` with
tc/tc_util.c ``parse_action_control``. Other action kinds are not part of the model; they are
refused with a clear message rather than silently ignored.
"""

from __future__ import annotations

from core.actions import TCA_ACT_FLAGS_SKIP_HW, TCA_ACT_FLAGS_SKIP_SW
from offload.tc.result import CmdExit
from offload.tc.util import TC_ACT_EXT_VAL_MASK, Args, action_a2n, get_u32, matches

TC_ACT_GOTO_CHAIN = 0x20000000
TC_ACT_JUMP = 0x10000000
#: real iproute2 actions the emulator does not model
KNOWN_UNMODELLED = ("mirred", "police", "pedit", "skbedit", "vlan", "csum", "tunnel_key",
                    "nat", "connmark", "ct", "ctinfo", "sample", "simple", "bpf", "ife", "mpls",
                    "skbmod", "gate", "xt", "ipt")

GACT_USAGE = (
    "Usage: ... gact <ACTION> [RAND] [INDEX]\n"
    "Where: \tACTION := reclassify | drop | continue | pass | pipe |\n"
    "       \t          goto chain <CHAIN_INDEX> | jump <JUMP_COUNT>\n"
    "\tRAND := random <RANDTYPE> <ACTION> <VAL>\n"
    "\tRANDTYPE := netrand | determ\n"
    "\tVAL : = value not exceeding 10000\n"
    "\tJUMP_COUNT := Absolute jump from start of action list\n"
    "\tINDEX := index value used\n"
    "\n"
)


class ActionError(Exception):
    """``parse_action`` returned -1: the caller prints ``Illegal "action"`` (rc 1)."""

    def __init__(self, stderr: str) -> None:
        super().__init__(stderr)
        self.stderr = stderr


def _new_cmd(word: str) -> bool:
    return any(matches(word, w) for w in ("change", "replace", "delete", "get", "add"))


def _bad_val(a: Args, msg: str = "") -> ActionError:
    cur = a.cur if a else "(null)"
    return ActionError(f"{msg}parse_action: bad value ({a.argc}:{cur})!\n")


def parse_action_control(a: Args) -> int:
    """tc_util.c ``parse_action_control`` (no numbers): name, ``goto chain N``, ``jump N``.
    A bad name ends the command through gact's ``usage()`` (exit -1)."""
    value = action_a2n(a.cur) if a else None
    if value is None:
        cur = a.cur if a else ""
        raise CmdExit(-1, f"Bad action type {cur}\n{GACT_USAGE}")
    if value == TC_ACT_GOTO_CHAIN:
        if not matches(a.next(), "chain"):
            raise ActionError('"chain index" expected\n')
        idx = get_u32(a.next(), 10)
        if idx is None or idx > TC_ACT_EXT_VAL_MASK:
            raise ActionError('Illegal "chain index"\n')
        value |= idx
    elif value == TC_ACT_JUMP:
        cnt = get_u32(a.next(), 10)
        if cnt is None or cnt > TC_ACT_EXT_VAL_MASK:
            raise ActionError(f'Invalid "jump count" ({a.cur})\n')
        value |= cnt
    a.fwd()
    return value


def _parse_gact(a: Args) -> tuple[int, int]:
    """m_gact.c ``parse_gact`` without the random part (refused): (control, index; 0 for
    the kernel's choice). ``gact index N`` alone names an action by index
    (``skip_args``); as none exists in the model, the kernel creates it with gact's
    default control, pass."""
    if matches(a.cur, "gact"):
        a.next()
    control = 0  # TC_ACT_OK: "pass"
    if not matches(a.cur, "index"):
        control = parse_action_control(a)
        if a and matches(a.cur, "random"):
            raise ActionError('offload: gact "random" is not emulated\n')
    index = 0
    if a and matches(a.cur, "index"):
        value = get_u32(a.next(), 10)
        if value is None:
            raise ActionError('Illegal "index"\n')
        index = value
        a.fwd()
    return control, index


def parse_action(a: Args, flags_out: list[int] | None = None,
                 index_out: list[int] | None = None) -> list[int]:
    """m_action.c ``parse_action``: returns the gact control values, leaves ``a`` at the
    first word it did not take. ``flags_out`` gets each action's ``skip_sw``/``skip_hw``
    words (``TCA_ACT_FLAGS_*``), which follow the action on the command line."""
    if not a:
        raise ActionError("")
    controls: list[int] = []
    eap = 0
    while a:
        word = a.cur
        if word == "action":
            a.fwd()
            eap = 1
            continue
        if word in ("flowid", "classid"):
            break
        if word == "help":
            raise ActionError("")
        if _new_cmd(word):
            break
        kind = "gact" if action_a2n(word) is not None else word
        eap = 0
        if kind != "gact" and kind in KNOWN_UNMODELLED:
            raise ActionError(f'offload: action "{kind}" is not emulated (only gact)\n')
        # get_action_kind(): no m_KIND.so and no KIND_action_util in tc, and gact_ld
        # still 0 (finding gact by name never sets it), so it answers with gact, whose
        # parse_action_control() then refuses the word: "Bad action type KIND" + usage
        control, index = _parse_gact(a)
        controls.append(control)
        if index_out is not None:
            index_out.append(index)
        if a and a.cur == "no_percpu":
            a.fwd()
        act_flags = 0
        for _ in range(2):  # "we need to parse twice to fix skip flag out of order"
            if a and matches(a.cur, "skip_sw"):
                act_flags |= TCA_ACT_FLAGS_SKIP_SW
                a.fwd()
            elif a and matches(a.cur, "skip_hw"):
                act_flags |= TCA_ACT_FLAGS_SKIP_HW
                a.fwd()
        if flags_out is not None:
            flags_out.append(act_flags)
    if eap > 0:
        raise _bad_val(a, f"bad action empty {eap}\n")
    return controls
