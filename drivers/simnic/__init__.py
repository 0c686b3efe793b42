"""The simulated SmartNIC driver plugin (embedded default): netdevsim-exact or richer.

``SimNicDriver`` answers the block-callback bus for the ports of one simulated card; the
card itself (program slots, counters, limits) is :class:`hwsim.nic.NicHardware`.
"""

from drivers.simnic.driver import SimNicDriver, SimPort, make_driver
from drivers.simnic.knobs import KnobError

__all__ = ["KnobError", "SimNicDriver", "SimPort", "make_driver"]
