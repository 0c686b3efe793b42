#include "common.h"
/* Ethernet/IPv4/TCP parser: classifies by destination port. */
SEC("classifier")
int ipv4_tcp_parse(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct tcphdr *tcp;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return TC_ACT_OK;
	if (ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tcp = (void *)ip + ip->ihl * 4;
	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (tcp->dest == bpf_htons(80))
		return TC_ACT_SHOT;
	skb->mark = bpf_ntohs(tcp->source);
	return tcp->syn ? 10 : 11;
}
