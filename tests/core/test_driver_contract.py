"""The driver contract: validation, entry-point discovery, broken plugins."""

from __future__ import annotations

from importlib import metadata

import pytest

from core import driver as drvmod
from core.driver import DriverPluginError, load_driver_factory, validate_driver
from tests.core.conftest import TestDriver


def test_valid_driver_passes():
    validate_driver(TestDriver())


@pytest.mark.parametrize(
    ("obj", "msg"),
    [
        (object(), "needs a string attribute 'name'"),
        (type("NoHook", (), {"name": "x"})(), "missing required hook ndo_setup_tc()"),
        (type("BadArity", (), {"name": "x", "ndo_setup_tc": lambda self, a: 0})(),
         "ndo_setup_tc() takes 1 arguments, the spec has 3"),
        (type("NotCallable", (), {"name": "x", "ndo_setup_tc": lambda s, a, b, c: 0,
                                  "ndo_set_features": 3})(), "ndo_set_features is not callable"),
    ],
)
def test_invalid_drivers_are_named(obj, msg):
    with pytest.raises(DriverPluginError) as ei:
        validate_driver(obj, origin="plugin foo")
    assert msg in str(ei.value) and "plugin foo" in str(ei.value)


def _fake_eps(monkeypatch, *eps):
    monkeypatch.setattr(drvmod.metadata, "entry_points",
                        lambda group: [e for e in eps if e.group == group])


def test_entry_point_discovery(monkeypatch):
    ep = metadata.EntryPoint("mynic", "tests.core.conftest:TestDriver", "offload.drivers")
    _fake_eps(monkeypatch, ep)
    assert load_driver_factory("mynic") is TestDriver


def test_unknown_plugin(monkeypatch):
    _fake_eps(monkeypatch)
    with pytest.raises(DriverPluginError, match="no driver plugin named 'nope'"):
        load_driver_factory("nope")


def test_broken_plugin_import(monkeypatch):
    ep = metadata.EntryPoint("broken", "no_such_module_xyz:Driver", "offload.drivers")
    _fake_eps(monkeypatch, ep)
    with pytest.raises(DriverPluginError, match="failed to load: ModuleNotFoundError"):
        load_driver_factory("broken")


def test_in_tree_simnic_is_registered():
    names = drvmod.discover_drivers()
    assert "simnic" in names
    factory = load_driver_factory("simnic")
    validate_driver(factory(), origin="simnic")
