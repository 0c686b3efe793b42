#include "common.h"
/* IPv4 or IPv6 UDP: sets tc_classid from the destination port. */
SEC("classifier")
int udp_port(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct udphdr *udp;
	__u8 proto;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);
		if ((void *)(ip + 1) > data_end)
			return TC_ACT_OK;
		proto = ip->protocol;
		udp = (void *)(ip + 1);
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);
		if ((void *)(ip6 + 1) > data_end)
			return TC_ACT_OK;
		proto = ip6->nexthdr;
		udp = (void *)(ip6 + 1);
	} else {
		return TC_ACT_OK;
	}
	if (proto != IPPROTO_UDP)
		return TC_ACT_OK;
	if ((void *)(udp + 1) > data_end)
		return TC_ACT_OK;
	skb->tc_classid = 0x10000 | bpf_ntohs(udp->dest);
	return TC_ACT_OK;
}
