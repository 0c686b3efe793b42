#include "common.h"
/* bpf_skb_store_bytes: writes a marker after the Ethernet header. */
SEC("classifier")
int store_bytes(struct __sk_buff *skb)
{
	__u32 v = 0xa1b2c3d4;
	if (skb->len < 20)
		return 1;
	if (bpf_skb_store_bytes(skb, 14, &v, sizeof(v), 0))
		return 2;
	return 0;
}
