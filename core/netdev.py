"""Network devices as the tc core sees them.

Mirrors the parts of ``struct net_device`` that matter to offload: name, ifindex, up/down,
the ``NETIF_F_HW_TC`` feature (``hw-tc-offload``) and ``netdev_ops->ndo_setup_tc`` (here: an
optional driver object; ``None`` is a device without ``ndo_setup_tc``, such as veth).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from core.qdisc import IngressQdisc

NETIF_F_HW_TC = "hw-tc-offload"


@attrs.define(eq=False)
class NetDevice:
    """A net device. ``driver`` implements :class:`core.driver.NetDriver` or is ``None``."""

    name: str
    ifindex: int
    driver: Any = None
    kind: str = "ether"
    up: bool = False
    features: set[str] = attrs.field(factory=set)
    hw_features: set[str] = attrs.field(factory=set)
    #: ``dev->wanted_features`` where it differs from ``features`` (a refused change
    #: stays wanted: ``ethtool -k`` prints ``on [requested off]``); ``None`` = same.
    wanted_features: set[str] | None = None
    mac: str = "00:00:00:00:00:00"
    mtu: int = 1500
    peer: NetDevice | None = None
    priv: Any = None  # the driver's per-port state (netdev_priv)
    ingress_qdisc: IngressQdisc | None = None
    #: ``dev->ingress_queue`` exists: made by the first qdisc request for ``parent
    #: ingress`` (``dev_ingress_queue_create`` in ``tc_modify_qdisc``) and kept after its
    #: qdisc is deleted (the queue then holds ``noop_qdisc``, whose handle is 0).
    ingress_queue: bool = False
    registered: bool = True
    #: The namespace (:class:`core.net.Net`) the device is registered in (``dev_net``).
    net: Any = attrs.field(default=None, repr=False)

    @property
    def has_setup_tc(self) -> bool:
        """``dev->netdev_ops->ndo_setup_tc != NULL``."""
        return self.driver is not None and callable(getattr(self.driver, "ndo_setup_tc", None))

    @property
    def wanted(self) -> set[str]:
        return self.features if self.wanted_features is None else self.wanted_features

    def tc_can_offload(self) -> bool:
        """Mirrors ``tc_can_offload()``: ``NETIF_F_HW_TC`` is on."""
        return NETIF_F_HW_TC in self.features

    @property
    def driver_name(self) -> str:
        return getattr(self.driver, "name", "none") if self.driver is not None else "none"
