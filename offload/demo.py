"""``offload demo`` (``make demo``): a short story on the simulated NIC, no root, no VM.

Two cards share tc block 7: a SmartNIC (port eth0: slots, hardware counters, a datapath
that runs the program) and a netdevsim-exact card (port eth1). A program goes into
hardware with skip_sw, traffic is dropped and counted in hardware, the netdevsim port refuses
a filter and the core rolls the SmartNIC back, and finally an unbind shows one of the
kernel's own bookkeeping quirks, which the audit reports as such.

Every step is a real command line, run through the same front end as ``offload run``.
"""

from __future__ import annotations

import argparse
import time
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from core.errors import errno_name
from hwsim import packet
from offload.emulator import Emulator
from offload.invariants import InvariantChecker
from offload.profile_names import NAMES
from offload.runner import Session
from offload.script import parse_line


def _progs() -> Path:
    return Path(str(resources.files("offload") / "progs"))


class Story:
    def __init__(self, console: Console, profile: str) -> None:
        self.console = console
        self.emu = Emulator(profile=profile)
        self.session = Session(self.emu)
        self.checker = InvariantChecker(self.emu)
        self.env = {"PROGS": str(_progs())}

    def chapter(self, title: str, text: str) -> None:
        self.console.print()
        self.console.print(Rule(f"[bold]{title}", align="left"))
        self.console.print(f"[dim]{text}")

    def run(self, line: str, *, check: bool = False, bus: bool = False) -> int:
        cmd = parse_line(line, self.env)
        assert cmd is not None
        shown = line.replace(self.env["PROGS"], "$PROGS")
        self.console.print(f"[bold cyan]$[/] {escape(shown)}")
        self.checker.before_step()
        entry = self.session.execute(cmd)
        out = (entry.stdout + entry.stderr).rstrip("\n")
        if out:
            style = "red" if entry.rc else "default"
            self.console.print(f"[{style}]{escape(out)}[/]")
        if bus:
            self.show_bus()
        if check:
            for v in self.checker.after_step(failed=entry.rc != 0, filter_change=True):
                self.console.print(f"[magenta]invariant {escape(str(v))}[/]")
        return entry.rc

    def show_bus(self) -> None:
        """The requests this step put on the block-callback bus, and the answers."""
        log = self.emu.log
        for e in log.events_of_step(log.step):
            if e.op == "stats":
                continue
            if e.setup_type == "TC_SETUP_BLOCK":
                what = e.command.split("/")[0].removeprefix("FLOW_BLOCK_").lower()
            elif e.prog and e.oldprog:
                what = f"replace {e.oldprog} -> {e.prog}"
            else:
                what = f"add {e.prog}" if e.prog else f"remove {e.oldprog}"
            ret = "ok" if e.ret == 0 else f"{e.ret} ({errno_name(e.ret)})"
            why = f" {e.extack!r}" if e.extack else ""
            line = f"  bus[{e.op}] {e.owner}: {what} -> {ret}{why}"
            self.console.print(f"[dim]{escape(line)}[/]")

    def send(self, dev: str, what: str, frame: bytes) -> None:
        self.console.print(f"[bold cyan]>[/] send {dev}: {what}")
        self.console.print(f"  {escape(str(self.emu.send(dev, frame)))}")


def story(console: Console, profile: str = "v6.1") -> int:
    s = Story(console, profile)
    t0 = time.monotonic()
    console.print(f"[bold]offload demo[/] — Linux tc cls_bpf offload, emulated "
                  f"(kernel semantics {profile})")

    s.chapter("1. Two cards", "A SmartNIC (4 program slots, stats, a datapath) and a "
              "netdevsim-exact card, each with one port.")
    s.run("nic add 1 ports 1 profile smartnic")
    s.run('echo "2 1" > /sys/bus/netdevsim/new_device')
    s.run("ip link set eth0 up")
    s.run("ip link set eth1 up")
    s.run("ethtool -K eth1 hw-tc-offload on")

    s.chapter("2. Offload with skip_sw", "iproute2 loads a skip_sw object device-bound "
              "to eth0 (the driver's verifier hooks run), then the filter goes to hardware "
              "only.")
    s.run("tc qdisc add dev eth0 clsact")
    s.run("tc filter add dev eth0 ingress prio 1 bpf skip_sw da "
          "obj $PROGS/tc_drop_udp9.o sec classifier action gact ok", check=True)
    s.run("tc filter show dev eth0 ingress")
    s.run("nic show eth0")

    s.chapter("3. Traffic, counted in hardware", "UDP to port 9 is dropped by the NIC; "
              "the rest passes to the host. TC_CLSBPF_STATS brings the counters to tc -s.")
    s.send("eth0", "UDP 10.0.0.1:1000 -> 10.0.0.2:9 (discard)", packet.ipv4("udp", dport=9))
    s.send("eth0", "UDP 10.0.0.1:1000 -> 10.0.0.2:53", packet.ipv4("udp", dport=53))
    s.send("eth0", "TCP 10.0.0.1:1000 -> 10.0.0.2:9", packet.ipv4("tcp", dport=9))
    s.run("tc -s filter show dev eth0 ingress")

    s.chapter("4. A second device that says no", "eth0 moves to shared block 7 with a "
              "program pinned for it. eth1 (netdevsim, told to reject TC offload) tries to "
              "join: the core replays the skip_sw filter to it, it refuses, the bind fails "
              "and is unrolled.")
    s.run("tc qdisc del dev eth0 clsact")
    s.run("bpftool prog load $PROGS/tc_drop_udp9.o /sys/fs/bpf/drop type classifier dev eth0")
    s.run("tc qdisc add dev eth0 ingress_block 7 ingress")
    s.run("tc filter add block 7 prio 1 bpf skip_sw da pinned /sys/fs/bpf/drop", check=True)
    s.run("echo N > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept")
    s.run("tc qdisc add dev eth1 ingress_block 7 ingress", check=True, bus=True)

    s.chapter("5. The rollback", "With the block empty eth1 can join; eth0 re-joins so it "
              "is asked first. eth0 accepts the filter, eth1 refuses: cls_bpf rolls back by "
              "sending a remove to every callback, and eth0 ends empty.")
    s.run("tc filter del block 7 prio 1")
    s.run("tc qdisc add dev eth1 ingress_block 7 ingress")
    s.run("tc qdisc del dev eth0 ingress")
    s.run("tc qdisc add dev eth0 ingress_block 7 ingress")
    s.run("tc filter add block 7 prio 1 bpf skip_sw da pinned /sys/fs/bpf/drop", check=True,
          bus=True)
    s.run("nic show")
    s.run("audit")

    s.chapter("6. A kernel quirk, caught", "Without skip_sw the filter goes where it can "
              "(eth0 only). Then eth1 accepts again and leaves the block: the unbind replay "
              "sends it a remove for a program it never held, it acknowledges, and the "
              "kernel counts that acknowledgement (quirk B): bookkeeping and hardware "
              "now disagree.")
    s.run("tc filter add block 7 prio 1 bpf da obj $PROGS/tc_drop_udp9.o sec classifier",
          bus=True)
    s.run("tc filter show block 7")
    s.run("echo Y > /sys/kernel/debug/netdevsim/netdevsim2/ports/0/bpf_tc_accept")
    s.run("tc qdisc del dev eth1 ingress", check=True, bus=True)
    s.run("tc filter show block 7")
    s.run("nic show eth0")
    s.run("audit")
    console.print()
    console.print(f"[dim]{len(s.emu.log.events)} requests on the bus in "
                  f"{time.monotonic() - t0:.2f} s. Try: offload run SCRIPT, offload shell, "
                  "offload explore SCRIPT --report out.html")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="offload demo",
                                 description="A short story on the simulated SmartNIC.")
    ap.add_argument("--profile", default="v6.1", choices=NAMES,
                    help="kernel semantics profile (default v6.1)")
    ap.add_argument("--no-color", action="store_true", help="plain text output")
    args = ap.parse_args(argv)
    console = Console(no_color=args.no_color, highlight=False)
    return story(console, args.profile)
