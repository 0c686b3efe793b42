#include "common.h"
/* Writes mark, priority, tc_index and cb[] from packet length. */
SEC("classifier")
int set_mark(struct __sk_buff *skb)
{
	skb->mark = skb->len * 3 + 0x1000;
	skb->priority = skb->len ^ 0x55;
	skb->cb[0] = 0xdeadbeef;
	skb->cb[4] = skb->cb[1] + 1;
	skb->tc_index = 5;
	return TC_ACT_OK;
}
