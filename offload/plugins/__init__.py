"""Driver plugins as first-class cards: which driver a card gets, and its BPF offload hooks.

- :class:`DriverSpec` names a plugin (an ``offload.drivers`` entry point, or
  ``module:factory``) with its options; :func:`load_factory` finds it.
- :mod:`offload.plugins._bpf` is the device-bound program path for a plugin's ports
  (``bpf_prog_offload_init`` → ``ndo_bpf(BPF_OFFLOAD_VERIFIER_PREP)``), through the
  plugin's optional ``bpf_verifier_prep`` / ``bpf_verify`` / ``bpf_translate`` /
  ``bpf_destroy`` hooks (see docs/testing.md, "Device-bound programs").

The command-line side (``--driver``, ``--driver-opt``, ``--driver-timeout``) is
:mod:`offload.drivers_cli`.
"""

from offload.plugins._bpf import BPF_HOOKS, PluginBpf, has_bpf_hooks, no_ndo_bpf_message
from offload.plugins._spec import IN_TREE, DriverSpec, load_factory, parse_driver_opts

__all__ = ["BPF_HOOKS", "IN_TREE", "DriverSpec", "PluginBpf", "has_bpf_hooks", "load_factory",
           "no_ndo_bpf_message", "parse_driver_opts"]
