#include "common.h"
/* Reads the EtherType from packet data after a bounds check. */
SEC("classifier")
int eth_proto(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > data_end)
		return TC_ACT_SHOT;
	if (eth->h_proto == bpf_htons(ETH_P_IP))
		return 1;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return 2;
	return 3;
}
