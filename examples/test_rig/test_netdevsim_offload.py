"""Backend-neutral netdevsim tests: they run on the emulator by default and, unchanged, on
a real kernel with ``--offload-backend=vm``."""

from __future__ import annotations

from offload.api import ksft_eq, ksft_in, ksft_true


def _bpf_filters(env, dev):
    shown = env.tc(f"-j filter show dev {dev} ingress").json()
    return [f for f in shown if f.get("kind") == "bpf" and "options" in f]


def test_skip_sw_filter_is_offloaded(offload_env):
    nsim = offload_env.nsim_dev(port_count=1, hw_tc_offload=True)
    dev = nsim.nsims[0].ifname
    offload_env.tc(f"qdisc add dev {dev} ingress")
    offload_env.defer(offload_env.tc, f"qdisc del dev {dev} ingress", fail=False)

    offload_env.tc(f"filter add dev {dev} ingress bpf skip_sw da "
                   f"obj {offload_env.prog('tc_pass')} sec classifier")

    (filt,) = _bpf_filters(offload_env, dev)
    ksft_true(filt["options"].get("in_hw"), "a skip_sw filter must be in hardware")
    prog_id = filt["options"]["prog"]["id"]
    ksft_eq(nsim.nsims[0].dfs_read("bpf_offloaded_id"), str(prog_id),
            "netdevsim holds the filter's program")


def test_rejecting_port_fails_the_add_and_holds_nothing(offload_env):
    nsim = offload_env.nsim_dev(port_count=1, hw_tc_offload=True)
    port = nsim.nsims[0]
    port.dfs_write("bpf_tc_accept", False)
    offload_env.tc(f"qdisc add dev {port.ifname} ingress")

    r = offload_env.tc(f"filter add dev {port.ifname} ingress bpf skip_sw da "
                       f"obj {offload_env.prog('tc_pass')} sec classifier", fail=False)

    ksft_eq(r.rc, 2)
    ksft_in("netdevsim configured to reject BPF TC offload", r.stderr)
    ksft_eq(_bpf_filters(offload_env, port.ifname), [])
    ksft_eq(port.dfs_read("bpf_offloaded_id"), "0")


def test_second_skip_sw_filter_mismatch(offload_env):
    nsim = offload_env.nsim_dev(port_count=1, hw_tc_offload=True)
    dev = nsim.nsims[0].ifname
    offload_env.tc(f"qdisc add dev {dev} ingress")
    obj = offload_env.prog("tc_pass")
    offload_env.tc(f"filter add dev {dev} ingress prio 1 bpf skip_sw da obj {obj} sec classifier")

    r = offload_env.tc(f"filter add dev {dev} ingress prio 2 bpf skip_sw da obj {obj} "
                       "sec classifier", fail=False)

    ksft_eq(r.rc, 2)
    ksft_in("driver and netdev offload states mismatch", r.stderr)
    ksft_eq(len(_bpf_filters(offload_env, dev)), 1, "the refused filter is not installed")


def test_hw_tc_offload_cannot_be_turned_off_while_offloaded(offload_env):
    nsim = offload_env.nsim_dev(port_count=1, hw_tc_offload=True)
    dev = nsim.nsims[0].ifname
    offload_env.tc(f"qdisc add dev {dev} ingress")
    offload_env.tc(f"filter add dev {dev} ingress bpf skip_sw da "
                   f"obj {offload_env.prog('tc_pass')} sec classifier")

    r = offload_env.ethtool(f"-K {dev} hw-tc-offload off", fail=False)

    ksft_true(r.rc != 0, "netdevsim refuses while it holds a TC program")
