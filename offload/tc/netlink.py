"""How iproute2 reports a failed netlink request.

Mirrors lib/libnetlink.c: with an extack message ``nl_dump_ext_ack`` prints
``Error: <msg>.`` (a period is added unless the message has one) and nothing else; without
one, ``rtnl_talk`` prints ``RTNETLINK answers: <strerror>``. The callers add their own line
(tc filter: ``We have an error talking to the kernel``) and status.
"""

from __future__ import annotations

from typing import Any

from offload.tc.util import strerror


def extack_text(msg: str) -> str:
    return f"Error: {msg}{'' if msg.endswith('.') else '.'}\n"


def rtnl_error(err: Any) -> str:
    """The line(s) ``rtnl_talk`` prints for a ``core.errors.TcError``."""
    if getattr(err, "extack", None):
        return extack_text(err.extack)
    return f"RTNETLINK answers: {strerror(err.errno)}\n"
