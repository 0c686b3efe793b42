"""Which driver plugin a card gets: :class:`DriverSpec` and how its factory is found."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from core.driver import DriverPluginError, load_driver_factory, validate_driver

#: Names that mean "the in-tree simulated NIC" (no plugin).
IN_TREE = ("simnic",)


def parse_driver_opts(items: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``["slots=2", "fixed=1"]`` -> ``(("slots", "2"), ("fixed", "1"))``; a word without
    ``=`` or with an empty key is a :class:`DriverPluginError`."""
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not key.replace("_", "").replace("-", "").isalnum():
            raise DriverPluginError(f"driver option {item!r}: expected KEY=VALUE")
        out.append((key.replace("-", "_"), value))
    return tuple(out)


def load_factory(name: str) -> Callable[..., Any]:
    """A driver factory by entry-point name (group ``offload.drivers``), or
    ``package.module:attr`` for a plugin that is importable but not installed."""
    if ":" not in name:
        return load_driver_factory(name)
    mod_name, _, attr = name.partition(":")
    try:
        factory = getattr(importlib.import_module(mod_name), attr)
    except Exception as exc:  # the plugin's import error is the plugin's
        raise DriverPluginError(f"driver plugin {name!r} failed to load: "
                                f"{type(exc).__name__}: {exc}") from exc
    if not callable(factory):
        raise DriverPluginError(f"driver plugin {name!r} is not callable")
    return factory


@attrs.frozen
class DriverSpec:
    """A driver plugin and its options (``factory(**options)`` makes one card's driver).

    Hashable and picklable, so explorer jobs can carry it to worker processes.
    """

    name: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, driver: str | DriverSpec | None,
           options: Mapping[str, Any] | Iterable[str] | None = None) -> DriverSpec | None:
        """``None`` (or ``"simnic"``) for the in-tree NIC, else a spec."""
        if driver is None or isinstance(driver, DriverSpec):
            return driver
        if driver in IN_TREE and not options:
            return None
        if isinstance(options, Mapping):
            opts = tuple((str(k), str(v)) for k, v in options.items())
        else:
            opts = parse_driver_opts(options or ())
        return cls(driver, opts)

    @property
    def label(self) -> str:
        return self.name + "".join(f" {k}={v}" for k, v in self.options)

    def factory(self) -> Callable[..., Any]:
        return load_factory(self.name)

    def make(self, factory: Callable[..., Any] | None = None) -> Any:
        """One driver instance, checked against the contract (:func:`validate_driver`)."""
        factory = factory or self.factory()
        origin = f"driver plugin {self.name!r}"
        try:
            drv = factory(**dict(self.options))
        except TypeError as exc:
            if self.options:
                raise DriverPluginError(f"{origin} does not take the options "
                                        f"{', '.join(k for k, _ in self.options)}: {exc}") from exc
            raise DriverPluginError(f"{origin}: its factory failed: TypeError: {exc}") from exc
        except Exception as exc:
            raise DriverPluginError(f"{origin}: its factory failed: "
                                    f"{type(exc).__name__}: {exc}") from exc
        validate_driver(drv, origin)
        return drv

    def cli_args(self) -> list[str]:
        """The words that select this driver on any ``offload`` command."""
        words = ["--driver", self.name]
        for k, v in self.options:
            words += ["--driver-opt", f"{k}={v}"]
        return words
