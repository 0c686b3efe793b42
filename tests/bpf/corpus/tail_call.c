#include "common.h"
/* Prog array + bpf_tail_call; with an empty slot the call falls through. */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jt SEC(".maps");

SEC("classifier")
int tail_call(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jt, skb->len & 3);
	return 42;
}
