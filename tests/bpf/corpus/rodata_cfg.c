#include "common.h"
/* Globals in .rodata and .data (BPF_PSEUDO_MAP_VALUE). */
const volatile __u32 threshold = 90;
__u32 hits = 0;

SEC("classifier")
int rodata_cfg(struct __sk_buff *skb)
{
	if (skb->len > threshold) {
		hits++;
		return TC_ACT_SHOT;
	}
	return (int)hits;
}
