#include "common.h"
/* Legacy "maps" section with struct bpf_map_def (iproute2 / old libbpf style). */
struct bpf_map_def_legacy {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct bpf_map_def_legacy SEC("maps") legacy = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = 2,
};

SEC("classifier")
int legacy_map(struct __sk_buff *skb)
{
	__u32 key = skb->len > 60;
	__u64 *v = bpf_map_lookup_elem(&legacy, &key);
	if (!v)
		return 0;
	*v += 1;
	return (int)key + 1;
}
