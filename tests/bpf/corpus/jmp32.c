// CFLAGS: -mcpu=v3
#include "common.h"
/* 32-bit jumps (clang -mcpu=v3 emits JMP32; at default v1 clang uses 64-bit compares). */
SEC("classifier")
int jmp32(struct __sk_buff *skb)
{
	__u32 x = skb->len;
	__s32 y = (__s32)skb->mark;
	int r = 0;
	if (x > 50) r |= 1;
	if (x <= 64) r |= 2;
	if (y < 0) r |= 4;
	if ((x & 0x8) != 0) r |= 8;
	if (x == 42) r |= 16;
	return r;
}
