#include "common.h"
/* A BTF-defined hash map counting packets per EtherType. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("classifier")
int hash_count(struct __sk_buff *skb)
{
	__u32 key = skb->protocol;
	__u64 one = 1, *val;

	val = bpf_map_lookup_elem(&counts, &key);
	if (val) {
		__sync_fetch_and_add(val, 1);
		return (int)*val;
	}
	bpf_map_update_elem(&counts, &key, &one, BPF_ANY);
	return 100;
}
