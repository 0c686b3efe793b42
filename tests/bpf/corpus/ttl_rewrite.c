#include "common.h"
/* Direct packet write: decrements the IPv4 TTL and fixes the checksum with l3_csum_replace. */
SEC("classifier")
int ttl_rewrite(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	__u16 old, new;

	if ((void *)(ip + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	old = *(__u16 *)&ip->ttl;
	ip->ttl -= 1;
	new = *(__u16 *)&ip->ttl;
	bpf_l3_csum_replace(skb, ETH_HLEN + 10, old, new, 2);
	return TC_ACT_OK;
}
