#include "common.h"
/* Reads ctx fields the test harness sets through ctx_in; stores into cb[]. */
SEC("classifier")
int cb_roundtrip(struct __sk_buff *skb)
{
	skb->cb[2] = skb->cb[0] + skb->cb[1];
	skb->cb[3] = skb->ifindex * 1000 + skb->pkt_type;
	skb->mark = skb->mark + skb->priority;
	return skb->cb[0] & 0xff;
}
