#include "common.h"
/* Array map as configuration; returns entry selected by packet length. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} cfg SEC(".maps");

SEC("classifier")
int array_cfg(struct __sk_buff *skb)
{
	__u32 key = skb->len & 3;
	__u32 *v = bpf_map_lookup_elem(&cfg, &key);
	if (!v)
		return 77;
	*v += skb->len;
	skb->mark = *v;
	return key;
}
