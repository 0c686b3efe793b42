#include "common.h"
/* Rewrites the TCP destination port and updates the L4 checksum. */
SEC("classifier")
int csum_l4(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	__be16 old, new = bpf_htons(8080);

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->protocol != IPPROTO_TCP || ip->ihl != 5)
		return TC_ACT_OK;
	old = tcp->dest;
	bpf_l4_csum_replace(skb, ETH_HLEN + 20 + 16, old, new, 2);
	bpf_skb_store_bytes(skb, ETH_HLEN + 20 + 2, &new, 2, 0);
	return 3;
}
