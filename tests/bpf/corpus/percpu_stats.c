#include "common.h"
/* Per-CPU array with byte and packet counters; deletes from a hash map. */
struct stats { __u64 pkts; __u64 bytes; };
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} st SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} seen SEC(".maps");

SEC("classifier")
int percpu_stats(struct __sk_buff *skb)
{
	__u32 zero = 0, len = skb->len;
	struct stats *s = bpf_map_lookup_elem(&st, &zero);
	if (!s)
		return 0;
	s->pkts++;
	s->bytes += skb->len;
	if (bpf_map_delete_elem(&seen, &len) == 0)
		return 1;
	bpf_map_update_elem(&seen, &len, &len, BPF_NOEXIST);
	return 2;
}
