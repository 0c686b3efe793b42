#include "common.h"
/* Signed comparisons and arithmetic shifts. */
SEC("classifier")
int signed_cmp(struct __sk_buff *skb)
{
	__s32 x = (__s32)skb->len - 60;
	__s64 y = (__s64)x << 40;
	y >>= 41;
	skb->mark = (__u32)y;
	if (x < -10)
		return 1;
	if (x <= 0)
		return 2;
	if ((__s64)skb->cb[0] - 5 > 0)
		return 3;
	return 4;
}
