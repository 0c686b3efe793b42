"""The ``offload`` pytest plugin (entry point ``pytest11``): fixtures for driver test rigs.

Fixtures
    ``offload_emulator``  a fresh :class:`offload.emulator.Emulator` (profile from
                          ``@pytest.mark.offload_profile("v5.2")`` or ``--offload-profile``)
    ``simnic``            factory: ``simnic(ports=2, profile="smartnic")`` -> :class:`SimNic`
    ``plugin_nic``        factory: ``plugin_nic(ports=2, driver="mynic", slots="4")`` ->
                          :class:`PluginNic`, the same shape for a card driven by your
                          driver plugin (default ``--offload-driver`` or the
                          ``@pytest.mark.offload_driver("mynic")`` marker)
    ``offload_faults``    the emulator's fault plan, friendly: ``.fail("add", errno="EBUSY",
                          port="eth0", nth=1)``, ``.reset(port)``, ``.clear()``; reaches
                          simulated and plugin ports alike, with no extra call
    ``offload_env``       backend-neutral commands (``tc``/``ip``/``ethtool``/``bpftool``,
                          ``nsim_dev``, ``knob``) on the emulator or, with
                          ``--offload-backend=vm`` / ``@pytest.mark.offload_backend("vm")``,
                          on a real kernel with netdevsim
    ``netdevsim``         a real netdevsim device (one port, hw-tc-offload on) in the
                          session's VM, or on the host if its kernel has netdevsim
    ``offload_defer``     the test's cleanup queue: ``offload_defer(fn, *args)``; runs
                          newest first at teardown, whatever the outcome
    ``offload_vm``        (session) what runs real-kernel commands; skips with the reason

A failing test's report gets an ``offload bus timeline`` section (each command, then the
callbacks it caused: op, owner, programs, answer, extack) and, on a real kernel, an
``offload commands`` section.

Nothing is imported from the project until a fixture is used, so the plugin costs nothing
in a session that does not use it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from offload.profile_names import NAMES

BACKENDS = ("emulator", "vm")
_EMULATORS = pytest.StashKey[list[Any]]()
_ENVS = pytest.StashKey[list[Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("offload", "TC cls_bpf offload emulator")
    group.addoption("--offload-profile", default="v6.1", choices=NAMES,
                    help="kernel semantics profile of offload_emulator (default v6.1)")
    group.addoption("--offload-backend", default="emulator", choices=BACKENDS,
                    help="where offload_env runs commands: the emulator (default) or the "
                         "netdevsim VM")
    group.addoption("--offload-kernel", default="6.1", choices=("6.1", "6.12"),
                    help="the Debian kernel the netdevsim VM boots for offload_vm "
                         "(default 6.1)")
    group.addoption("--offload-nic-profile", default="smartnic",
                    help="default profile of the simnic fixture's cards (default smartnic)")
    group.addoption("--offload-driver", default=None, metavar="PLUGIN",
                    help="default driver plugin of the plugin_nic fixture's cards")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "offload_profile(name): kernel semantics profile for offload_emulator")
    config.addinivalue_line(
        "markers", "offload_backend(name): run offload_env on 'emulator' or 'vm'")
    config.addinivalue_line(
        "markers", "offload_driver(name): the driver plugin of plugin_nic's cards")


def _marker_arg(request: pytest.FixtureRequest, name: str) -> str | None:
    m = request.node.get_closest_marker(name)
    return str(m.args[0]) if m is not None and m.args else None


def _remember(request: pytest.FixtureRequest, key: pytest.StashKey[list[Any]], obj: Any) -> None:
    request.node.stash.setdefault(key, []).append(obj)


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def offload_defer() -> Iterator[Any]:
    """The test's cleanup queue (the selftests' ``defer``), run newest first at teardown."""
    from offload.testing._ksft import DeferQueue

    queue = DeferQueue()
    yield queue
    errors = queue.run_all()
    if errors:
        raise errors[0]


@pytest.fixture
def offload_emulator(request: pytest.FixtureRequest) -> Any:
    """A fresh emulator; its bus timeline goes into the report if the test fails."""
    from offload.emulator import Emulator

    profile = _marker_arg(request, "offload_profile") or request.config.getoption(
        "--offload-profile")
    emu = Emulator(profile)
    _remember(request, _EMULATORS, emu)
    return emu


class SimNic:
    """One simulated card made by the ``simnic`` fixture: its driver and port names."""

    def __init__(self, emu: Any, driver: Any) -> None:
        self.emu = emu
        self.driver = driver
        self.card = driver
        self.ports: list[str] = [p.netdev.name for p in driver.ports]
        self.dev_id: int = driver.dev_id

    def port(self, i: int = 0) -> Any:
        """The driver's state of port ``i`` (:class:`drivers.simnic.SimPort`)."""
        return self.driver.ports[i]

    def held(self, i: int = 0) -> list[Any]:
        """The programs port ``i``'s hardware holds."""
        return [s.prog for s in self.driver.ports[i].hw.tc_slots()]

    def __repr__(self) -> str:
        return f"SimNic(dev_id={self.dev_id}, profile={self.driver.profile.name}, " \
               f"ports={self.ports})"


@pytest.fixture
def simnic(request: pytest.FixtureRequest, offload_emulator: Any) -> Callable[..., SimNic]:
    """Factory: ``simnic(ports=2, profile="smartnic", hw_tc_offload=True)`` adds a card to
    ``offload_emulator`` and returns a :class:`SimNic`."""
    default = request.config.getoption("--offload-nic-profile")

    def make(ports: int = 1, profile: str | None = None, hw_tc_offload: bool = True) -> SimNic:
        from core.netdev import NETIF_F_HW_TC

        drv = offload_emulator.add_nic(ports, profile=profile or default)
        if hw_tc_offload:
            for p in drv.ports:
                offload_emulator.net.set_feature(p.netdev.name, NETIF_F_HW_TC, True)
        return SimNic(offload_emulator, drv)

    return make


class PluginNic:
    """One card made by the ``plugin_nic`` fixture: your driver's instance (``driver``),
    the card behind it (``card``: its netdevsim files) and the port names; the same shape
    as :class:`SimNic`."""

    def __init__(self, emu: Any, card: Any) -> None:
        self.emu = emu
        self.card = card
        self.driver = card.plugin
        self.ports: list[str] = [p.netdev.name for p in card.ports]
        self.dev_id: int = card.dev_id

    def port(self, i: int = 0) -> Any:
        """Port ``i``'s ``NetDevice``."""
        return self.card.ports[i].netdev

    def held(self, i: int = 0) -> list[Any]:
        """What port ``i``'s hardware holds, by the driver's ``offload_holdings`` (through
        the driver boundary) for the callbacks bound on the port; [] when none is bound."""
        name = self.ports[i]
        out: list[Any] = []
        for block in self.emu.blocks():
            for cb in block.cb_list:
                if str(cb.owner).rpartition(":")[2] != name:
                    continue
                for p in self.emu.net.boundary.holdings(cb) or ():
                    if not any(p is q for q in out):
                        out.append(p)
        return out

    def __repr__(self) -> str:
        return f"PluginNic(dev_id={self.dev_id}, driver={self.driver.name}, ports={self.ports})"


@pytest.fixture
def plugin_nic(request: pytest.FixtureRequest, offload_emulator: Any) -> Callable[..., PluginNic]:
    """Factory: ``plugin_nic(ports=2, driver="mynic", hw_tc_offload=True, **options)`` adds
    a card driven by a driver plugin (entry-point name or ``module:factory``; ``options``
    go to its factory) to ``offload_emulator`` and returns a :class:`PluginNic`."""
    default = _marker_arg(request, "offload_driver") or request.config.getoption(
        "--offload-driver")

    def make(ports: int = 1, driver: str | None = None, hw_tc_offload: bool = True,
             **options: Any) -> PluginNic:
        from core.netdev import NETIF_F_HW_TC

        name = driver or default
        if not name:
            raise pytest.UsageError("plugin_nic needs a driver: plugin_nic(driver=...), "
                                    "--offload-driver or @pytest.mark.offload_driver(...)")
        card = offload_emulator.add_nic(ports, driver=name, driver_opts=options or None)
        if hw_tc_offload:
            for p in card.ports:
                offload_emulator.net.set_feature(p.netdev.name, NETIF_F_HW_TC, True)
        return PluginNic(offload_emulator, card)

    return make


@pytest.fixture
def offload_faults(request: pytest.FixtureRequest) -> Any:
    """The emulator's fault plan with a friendly API (emulator backend only)."""
    if _backend(request) != "emulator":
        pytest.skip("offload_faults needs the emulator backend: a real kernel's netdevsim "
                    "has no fault plan (use its debugfs knobs, e.g. bpf_tc_accept)")
    from offload.testing._faults import Faults

    emu = request.getfixturevalue("offload_emulator")
    faults = Faults(emu.faults, emu)
    yield faults
    faults.clear()


def _backend(request: pytest.FixtureRequest) -> str:
    name = _marker_arg(request, "offload_backend") or request.config.getoption(
        "--offload-backend")
    if name not in BACKENDS:
        raise pytest.UsageError(f"unknown offload backend {name!r} (one of {BACKENDS})")
    return name


class MachineUnavailable:
    """Why real-kernel fixtures skip (kept for the whole session: decided once)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _host_has_netdevsim() -> bool:
    from drivers.netdevsim import sysfs

    return os.geteuid() == 0 and sysfs.available() and shutil.which("tc") is not None


@pytest.fixture(scope="session")
def offload_vm(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A runner for real-kernel commands: the host if it has netdevsim, else a VM booted
    once per session (worker). Skips with the reason when neither can be used."""
    from offload.testing._env import host_runner, vm_runner

    if _host_has_netdevsim():
        yield ("host", host_runner())
        return
    if os.geteuid() != 0:
        pytest.skip("offload VM backend: not root (the netdevsim VM needs root for qemu and "
                    "provisioning); the host kernel has no netdevsim either")
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("offload VM backend: qemu-system-x86_64 is not installed (make apt) and "
                    "the host kernel has no netdevsim")
    from hwsim.vm import VM, VMError, provision

    try:
        prov = provision(kernel=request.config.getoption("--offload-kernel"))
        vm = VM(provisioned=prov)
        vm.start()
    except VMError as exc:
        pytest.skip(f"offload VM backend: the netdevsim VM cannot be used here: {exc}")
    try:
        yield (f"vm ({prov.abi})", vm_runner(vm))
    finally:
        vm.close()


@pytest.fixture
def offload_env(request: pytest.FixtureRequest, offload_defer: Any) -> Iterator[Any]:
    """Commands on the chosen backend (``--offload-backend`` or the ``offload_backend``
    marker): ``tc(...)``, ``ip(...)``, ``ethtool(...)``, ``nsim_dev(...)``, ``knob(...)``."""
    from offload.testing._env import EmulatorEnv, MachineEnv

    if _backend(request) == "emulator":
        env: Any = EmulatorEnv(defer=offload_defer,
                               emu=request.getfixturevalue("offload_emulator"))
    else:
        where, runner = request.getfixturevalue("offload_vm")
        env = MachineEnv(backend=where, defer=offload_defer, runner=runner)
    _remember(request, _ENVS, env)
    yield env


@pytest.fixture
def netdevsim(request: pytest.FixtureRequest, offload_defer: Any) -> Any:
    """A real netdevsim device with one port, hw-tc-offload on: ``netdevsim.nsims[0].ifname``;
    ``netdevsim.env`` runs commands next to it. Removed at teardown."""
    from offload.testing._env import MachineEnv

    where, runner = request.getfixturevalue("offload_vm")
    env = MachineEnv(backend=where, defer=offload_defer, runner=runner)
    _remember(request, _ENVS, env)
    return env.nsim_dev(port_count=1, hw_tc_offload=True)


# -- failure reports -----------------------------------------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    rep = outcome.get_result()
    if not rep.failed:
        return
    emus = item.stash.get(_EMULATORS, [])
    if emus and not any(name == "offload bus timeline" for name, _ in rep.sections):
        from offload.testing._timeline import render_timeline

        text = "\n\n".join(render_timeline(e.log) for e in emus)
        rep.sections.append(("offload bus timeline", text))
    machine = [e for e in item.stash.get(_ENVS, []) if e.backend != "emulator"]
    if machine and not any(name == "offload commands" for name, _ in rep.sections):
        lines = []
        for env in machine:
            for r in env.history:
                lines.append(f"$ {' '.join(r.argv)}   [{env.backend}, rc={r.rc}]")
                lines.extend(f"  {ln}" for ln in (r.stdout + r.stderr).splitlines())
        rep.sections.append(("offload commands", "\n".join(lines) or "(none)"))
