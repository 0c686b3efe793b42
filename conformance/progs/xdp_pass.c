#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* Lets every packet through; used to occupy netdevsim's single offload slot with XDP. */
SEC("xdp")
int xdp_pass(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
