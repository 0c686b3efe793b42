#include "common.h"
SEC("tc")
int classid(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(ETH_P_IPV6))
		return TC_ACT_SHOT;
	skb->tc_classid = 0x10002;
	return TC_ACT_OK;
}
