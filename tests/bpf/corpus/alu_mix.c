#include "common.h"
/* 64- and 32-bit arithmetic on packet-derived values. */
SEC("classifier")
int alu_mix(struct __sk_buff *skb)
{
	__u64 a = skb->len;
	__u64 b = skb->mark + 0x123456789ULL;
	__u32 c = (__u32)skb->len * 2654435761u;
	__s64 d = -(__s64)a;
	a = a * 7 + (b >> 3);
	a ^= (b << 13);
	a |= c;
	a -= (__u64)(d >> 2);
	c = c / (skb->len | 1);
	c += (__u32)(a % 1000);
	skb->mark = (__u32)a ^ c;
	skb->priority = (__u32)(a >> 32);
	return (int)(c & 0xff);
}
