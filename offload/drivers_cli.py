"""``--driver PLUGIN`` for every command that makes a card: one parser helper, one factory.

Every ``offload`` command that builds an emulator (``run``, ``shell``, ``tdc``, ``diff``,
``explore``, and any later one such as ``exec``) takes the same three options::

    --driver PLUGIN          an offload.drivers entry-point name, or module:factory
                             (default: the simulated NIC, "simnic")
    --driver-opt KEY=VALUE   passed to the plugin's factory as KEY="VALUE" (repeatable)
    --driver-timeout SECONDS the driver watchdog (0: no limit; default 5 s, or
                             $OFFLOAD_DRIVER_TIMEOUT)

Use::

    from offload import drivers_cli
    drivers_cli.add_driver_args(parser)          # when building the parser
    spec = drivers_cli.driver_spec(args)         # DriverSpec or None; DriverPluginError
    emu = drivers_cli.make_emulator(args)        # an Emulator with that driver
    err = drivers_cli.check_driver(args, "offload run")  # None, or 2 after printing why

With a plugin, every card the script creates (``echo ID N > /sys/bus/netdevsim/new_device``,
``nic add``) gets its ports driven by the plugin; the netdevsim files stay.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from offload.profile_names import NAMES

if TYPE_CHECKING:  # imported when used: ``offload --help`` pays for nothing here
    from offload.plugins import DriverSpec

DRIVER_HELP = ("drive the cards' ports with this driver plugin: an offload.drivers "
               "entry-point name or module:factory (default: simnic, the simulated NIC)")


def add_driver_args(parser: argparse.ArgumentParser) -> None:
    """Add ``--driver``, ``--driver-opt`` and ``--driver-timeout`` to ``parser``."""
    parser.add_argument("--driver", default=None, metavar="PLUGIN", help=DRIVER_HELP)
    parser.add_argument("--driver-opt", dest="driver_opts", action="append", default=[],
                        metavar="KEY=VALUE",
                        help="an option for the driver plugin's factory (repeatable)")
    parser.add_argument("--driver-timeout", type=float, default=None, metavar="SECONDS",
                        help="seconds a driver hook may run before it is a driver error "
                             "(0: no limit; default 5, or $OFFLOAD_DRIVER_TIMEOUT)")


def driver_spec(args: argparse.Namespace) -> DriverSpec | None:
    """The plugin ``args`` ask for (``None``: the simulated NIC). Loads its factory, so a
    missing or broken plugin is a :class:`DriverPluginError` now."""
    if getattr(args, "driver", None) is None and not getattr(args, "driver_opts", None):
        return None
    from offload.plugins import DriverSpec

    spec = DriverSpec.of(getattr(args, "driver", None), getattr(args, "driver_opts", None) or ())
    if spec is not None:
        spec.factory()
    return spec


def driver_timeout(args: argparse.Namespace) -> float | str | None:
    """What :class:`offload.emulator.Emulator` takes as ``driver_timeout``."""
    t = getattr(args, "driver_timeout", None)
    if t is None:
        return "default"
    return t if t > 0 else None


def emulator_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """``Emulator(**kwargs)`` for ``args`` (profile, NIC profile, driver, watchdog)."""
    kw: dict[str, Any] = {"driver": driver_spec(args), "driver_timeout": driver_timeout(args)}
    if getattr(args, "profile", None) in NAMES:
        kw["profile"] = args.profile
    if getattr(args, "nic", None):
        kw["nic_profile"] = args.nic
    return kw


def make_emulator(args: argparse.Namespace, **overrides: Any) -> Any:
    """A fresh :class:`offload.emulator.Emulator` for ``args`` (``overrides`` win)."""
    from offload.emulator import Emulator

    kw = emulator_kwargs(args)
    kw.update(overrides)
    return Emulator(**kw)


def check_driver(args: argparse.Namespace, prog: str) -> int | None:
    """``None`` if the requested plugin loads; otherwise print ``prog: why`` and return 2
    (the exit status of a bad argument)."""
    from core.driver import DriverPluginError

    try:
        driver_spec(args)
    except DriverPluginError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    return None


def rerun_words(spec: DriverSpec | None, timeout: float | None = None) -> list[str]:
    """The ``offload run`` words that select ``spec`` again (for reproduction lines)."""
    words = spec.cli_args() if spec is not None else []
    if timeout is not None:
        words += ["--driver-timeout", f"{timeout:g}"]
    return words
