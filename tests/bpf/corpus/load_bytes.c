#include "common.h"
/* bpf_skb_load_bytes into the stack, then arithmetic on it. */
SEC("classifier")
int load_bytes(struct __sk_buff *skb)
{
	__u8 buf[16];
	__u32 sum = 0;

	if (bpf_skb_load_bytes(skb, 14, buf, sizeof(buf)) < 0)
		return 99;
	#pragma unroll
	for (int i = 0; i < 16; i++)
		sum += buf[i] * (i + 1);
	skb->mark = sum;
	return sum & 0x7;
}
