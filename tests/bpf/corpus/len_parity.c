#include "common.h"
/* Branch on skb->len. */
SEC("classifier")
int len_parity(struct __sk_buff *skb)
{
	if (skb->len & 1)
		return TC_ACT_SHOT;
	return skb->len > 100 ? 7 : TC_ACT_OK;
}
