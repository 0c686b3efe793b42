"""Tests that always want the real kernel: skipped, with the reason, where it cannot run."""

from __future__ import annotations

import pytest

from offload.api import ksft_eq, ksft_in


@pytest.mark.offload_backend("vm")
def test_filter_show_on_real_netdevsim(offload_env):
    nsim = offload_env.nsim_dev(port_count=2, hw_tc_offload=True)
    dev = nsim.nsims[1].ifname
    offload_env.tc(f"qdisc add dev {dev} ingress")
    offload_env.tc(f"filter add dev {dev} ingress bpf skip_sw da "
                   f"obj {offload_env.prog('tc_pass')} sec classifier")

    out = offload_env.tc(f"filter show dev {dev} ingress").stdout

    ksft_in("skip_sw in_hw", out)


def test_netdevsim_fixture_starts_with_nothing_offloaded(netdevsim):
    port = netdevsim.nsims[0]
    ksft_eq(port.dfs_read("bpf_offloaded_id"), "0")
    ksft_eq(port.dfs_read("bpf_tc_accept"), "Y")
