#include "common.h"
/* Byte swaps (BPF_END) of 16/32/64-bit values read from the packet. */
SEC("classifier")
int byteswap(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u64 *p = data;
	if ((void *)(p + 2) > data_end)
		return 0;
	__u64 a = __builtin_bswap64(p[0]);
	__u32 b = __builtin_bswap32((__u32)p[1]);
	__u16 c = __builtin_bswap16((__u16)(p[1] >> 32));
	skb->mark = (__u32)(a >> 16) ^ b;
	skb->priority = c;
	return (int)(a & 0xff);
}
