"""``ethtool -K DEV FEATURE on|off ...`` and ``ethtool -k DEV``, for ``hw-tc-offload``.

Mirrors ethtool 6.1's netlink path (netlink/features.c ``nl_sfeatures``/``nl_gfeatures``):
a refused change prints ``Actual changes:`` with ``FEATURE: CUR [requested WANTED]`` on
stdout and ``Could not change any device features`` on stderr, status 1. The kernel side is
``Net.set_feature`` (``__netdev_update_features`` → the driver's ``ndo_set_features``).
Only ``hw-tc-offload`` (alias ``tc-offload``) is modelled; ``-k`` prints netdevsim's fixed
feature list around it (other devices: that line alone).
"""

from __future__ import annotations

import contextlib

from core.errors import TcError
from core.netdev import NETIF_F_HW_TC
from offload.tc.context import Context
from offload.tc.result import Result

#: ``ethtool -k`` of a netdevsim port on 6.1 (recorded in conformance/expected/c16): every
#: feature but hw-tc-offload, which is printed from the model, between the two halves.
NETDEVSIM_BEFORE = (
    'rx-checksumming: off [fixed]',
    'tx-checksumming: on',
    '\ttx-checksum-ipv4: off [fixed]',
    '\ttx-checksum-ip-generic: on [fixed]',
    '\ttx-checksum-ipv6: off [fixed]',
    '\ttx-checksum-fcoe-crc: off [fixed]',
    '\ttx-checksum-sctp: off [fixed]',
    'scatter-gather: on',
    '\ttx-scatter-gather: on [fixed]',
    '\ttx-scatter-gather-fraglist: on [fixed]',
    'tcp-segmentation-offload: on',
    '\ttx-tcp-segmentation: on [fixed]',
    '\ttx-tcp-ecn-segmentation: off [fixed]',
    '\ttx-tcp-mangleid-segmentation: off [fixed]',
    '\ttx-tcp6-segmentation: off [fixed]',
    'generic-segmentation-offload: on',
    'generic-receive-offload: on',
    'large-receive-offload: off [fixed]',
    'rx-vlan-offload: off [fixed]',
    'tx-vlan-offload: off [fixed]',
    'ntuple-filters: off [fixed]',
    'receive-hashing: off [fixed]',
    'highdma: on [fixed]',
    'rx-vlan-filter: off [fixed]',
    'vlan-challenged: off [fixed]',
    'tx-lockless: off [fixed]',
    'netns-local: off [fixed]',
    'tx-gso-robust: off [fixed]',
    'tx-fcoe-segmentation: off [fixed]',
    'tx-gre-segmentation: off [fixed]',
    'tx-gre-csum-segmentation: off [fixed]',
    'tx-ipxip4-segmentation: off [fixed]',
    'tx-ipxip6-segmentation: off [fixed]',
    'tx-udp_tnl-segmentation: off [fixed]',
    'tx-udp_tnl-csum-segmentation: off [fixed]',
    'tx-gso-partial: off [fixed]',
    'tx-tunnel-remcsum-segmentation: off [fixed]',
    'tx-sctp-segmentation: off [fixed]',
    'tx-esp-segmentation: on [fixed]',
    'tx-udp-segmentation: off [fixed]',
    'tx-gso-list: off [fixed]',
    'fcoe-mtu: off [fixed]',
    'tx-nocache-copy: off',
    'loopback: off [fixed]',
    'rx-fcs: off [fixed]',
    'rx-all: off [fixed]',
    'tx-vlan-stag-hw-insert: off [fixed]',
    'rx-vlan-stag-hw-parse: off [fixed]',
    'rx-vlan-stag-filter: off [fixed]',
    'l2-fwd-offload: off [fixed]',
)
NETDEVSIM_AFTER = (
    'esp-hw-offload: on [fixed]',
    'esp-tx-csum-hw-offload: on [fixed]',
    'rx-udp_tunnel-port-offload: on',
    'tls-hw-tx-offload: off [fixed]',
    'tls-hw-rx-offload: off [fixed]',
    'rx-gro-hw: off [fixed]',
    'tls-hw-record: off [fixed]',
    'rx-gro-list: off',
    'macsec-hw-offload: off [fixed]',
    'rx-udp-gro-forwarding: off',
    'hsr-tag-ins-offload: off [fixed]',
    'hsr-tag-rm-offload: off [fixed]',
    'hsr-fwd-offload: off [fixed]',
    'hsr-dup-offload: off [fixed]',
)

#: ``ethtool -k`` of a veth on 6.1 (recorded in conformance/expected/x07-ethtool-veth),
#: around the modelled hw-tc-offload line.
VETH_BEFORE = (
    'rx-checksumming: on',
    'tx-checksumming: on',
    '\ttx-checksum-ipv4: off [fixed]',
    '\ttx-checksum-ip-generic: on',
    '\ttx-checksum-ipv6: off [fixed]',
    '\ttx-checksum-fcoe-crc: off [fixed]',
    '\ttx-checksum-sctp: on',
    'scatter-gather: on',
    '\ttx-scatter-gather: on',
    '\ttx-scatter-gather-fraglist: on',
    'tcp-segmentation-offload: on',
    '\ttx-tcp-segmentation: on',
    '\ttx-tcp-ecn-segmentation: on',
    '\ttx-tcp-mangleid-segmentation: on',
    '\ttx-tcp6-segmentation: on',
    'generic-segmentation-offload: on',
    'generic-receive-offload: off',
    'large-receive-offload: off [fixed]',
    'rx-vlan-offload: on',
    'tx-vlan-offload: on',
    'ntuple-filters: off [fixed]',
    'receive-hashing: off [fixed]',
    'highdma: on',
    'rx-vlan-filter: off [fixed]',
    'vlan-challenged: off [fixed]',
    'tx-lockless: on [fixed]',
    'netns-local: off [fixed]',
    'tx-gso-robust: off [fixed]',
    'tx-fcoe-segmentation: off [fixed]',
    'tx-gre-segmentation: on',
    'tx-gre-csum-segmentation: on',
    'tx-ipxip4-segmentation: on',
    'tx-ipxip6-segmentation: on',
    'tx-udp_tnl-segmentation: on',
    'tx-udp_tnl-csum-segmentation: on',
    'tx-gso-partial: off [fixed]',
    'tx-tunnel-remcsum-segmentation: off [fixed]',
    'tx-sctp-segmentation: on',
    'tx-esp-segmentation: off [fixed]',
    'tx-udp-segmentation: on',
    'tx-gso-list: on',
    'fcoe-mtu: off [fixed]',
    'tx-nocache-copy: off',
    'loopback: off [fixed]',
    'rx-fcs: off [fixed]',
    'rx-all: off [fixed]',
    'tx-vlan-stag-hw-insert: on',
    'rx-vlan-stag-hw-parse: on',
    'rx-vlan-stag-filter: off [fixed]',
    'l2-fwd-offload: off [fixed]',
)
VETH_AFTER = (
    'esp-hw-offload: off [fixed]',
    'esp-tx-csum-hw-offload: off [fixed]',
    'rx-udp_tunnel-port-offload: off [fixed]',
    'tls-hw-tx-offload: off [fixed]',
    'tls-hw-rx-offload: off [fixed]',
    'rx-gro-hw: off [fixed]',
    'tls-hw-record: off [fixed]',
    'rx-gro-list: off',
    'macsec-hw-offload: off [fixed]',
    'rx-udp-gro-forwarding: off',
    'hsr-tag-ins-offload: off [fixed]',
    'hsr-tag-rm-offload: off [fixed]',
    'hsr-fwd-offload: off [fixed]',
    'hsr-dup-offload: off [fixed]',
)
#: Feature names the kernel's netlink bitset knows (``netdev_features_strings``); ethtool 6.1
#: sends the name as given, so the ioctl-era alias ``tc-offload`` is refused by the kernel.
ALIASES = {"hw-tc-offload": NETIF_F_HW_TC}
#: ethtool's own names for features it has no netlink name for, refused by the kernel.
KERNEL_UNKNOWN = ("tc-offload",)
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
    line = _feature_line(dev, NETIF_F_HW_TC)
    if dev.driver is not None and getattr(dev.driver, "name", "") in ("netdevsim", "simnic",
                                                                       ""):
        body = _kernel_lines(ctx, [*NETDEVSIM_BEFORE, line, *NETDEVSIM_AFTER], True)
    elif dev.kind == "veth":
        body = _kernel_lines(ctx, [*VETH_BEFORE, line, *VETH_AFTER], False)
    else:
        body = [line]
    return Result(0, f"Features for {name}:\n" + "".join(x + "\n" for x in body))


def _kernel_lines(ctx: Context, lines: list[str], netdevsim: bool) -> list[str]:
    """The 6.1 list as the profile's kernel prints it: features it no longer has dropped
    (``ethtool_dropped``, every device); on netdevsim, those it reports fixed on
    (``ethtool_fixed_on``: 6.12's ``nsim_macsec_init()`` sets NETIF_F_HW_MACSEC, a veth
    keeps it off, as recorded in conformance/expected-6.12/x07)."""
    prof = ctx.net.profile
    out = []
    for ln in lines:
        name = ln.strip().split(":", 1)[0]
        if name in prof.ethtool_dropped:
            continue
        if netdevsim and name in prof.ethtool_fixed_on:
            ln = ln.split(":", 1)[0] + ": on [fixed]"
        out.append(ln)
    return out


def _set(ctx: Context, name: str, words: list[str]) -> Result:
    if not words or len(words) % 2:
        bad = words[1] if len(words) > 1 else "(null)"
        param = words[0] if len(words) > 1 else "(null)" if words else name
        return Result(1, "", f"ethtool (-K): flag '{bad}' for parameter '{param}' is not "
                      "followed by 'on' or 'off'\n")
    wanted: dict[str, bool] = {}
    for feat, val in zip(words[::2], words[1::2], strict=True):
        if val not in ("on", "off"):
            return Result(1, "", f"ethtool (-K): flag '{val}' for parameter '{feat}' is not "
                          "followed by 'on' or 'off'\n")
        if feat not in ALIASES and feat not in KERNEL_UNKNOWN:
            return Result(1, "", f"ethtool (-K): feature '{feat}' is not emulated "
                          "(only hw-tc-offload)\n")
        wanted[ALIASES.get(feat, feat)] = val == "on"
    dev = ctx.net.devices.get(name)
    if dev is None:  # ethnl_parse_header_dev_get() answers first; nl_sfeatures() exits 92
        return Result(92, "", NODEV)
    unknown = [f for f in wanted if f in KERNEL_UNKNOWN]
    if unknown:
        # ethnl_update_bitset(): the name is the first bit of the FEATURES_WANTED bitset,
        # which follows the header nest holding the (4-byte padded) device name
        offset = 48 + (len(name) + 1 + 3) // 4 * 4
        return Result(92, "", f"netlink error: bit name not found (offset {offset})\n"
                      "netlink error: Operation not supported\n")
    before = set(dev.features)
    for feat, on in wanted.items():
        # A refusal by the driver leaves the request wanted and nothing active changed.
        with contextlib.suppress(TcError):
            ctx.net.set_feature(name, feat, on)
    if set(dev.features) == before and any((f in before) != on for f, on in wanted.items()):
        # nl_sfeatures()/show_feature_changes(): what is active against what this request
        # asked for (even for a fixed feature: ethtool compares with its own request)
        out = [f"{f}: {_onoff(f in dev.features)} [requested {_onoff(on)}]\n"
               for f, on in wanted.items() if (f in dev.features) != on]
        return Result(1, "Actual changes:\n" + "".join(out),
                      "Could not change any device features\n")
    return Result(0)


def _onoff(on: bool) -> str:
    return "on" if on else "off"


def _feature_line(dev: object, feat: str) -> str:
    """``FEATURE: on|off[ [fixed]| [requested X]]`` as ethtool prints it."""
    active = feat in dev.features  # type: ignore[attr-defined]
    wanted = feat in dev.wanted  # type: ignore[attr-defined]
    line = f"{feat}: {'on' if active else 'off'}"
    if feat not in dev.hw_features:  # type: ignore[attr-defined]
        return line + " [fixed]"
    if wanted != active:
        return line + f" [requested {'on' if wanted else 'off'}]"
    return line
