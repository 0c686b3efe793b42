#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

/* Reads the first packet byte without a bounds check: the verifier refuses it. */
SEC("classifier")
int tc_bad(struct __sk_buff *skb)
{
	unsigned char *data = (unsigned char *)(long)skb->data;

	return data[0];
}

char _license[] SEC("license") = "GPL";
