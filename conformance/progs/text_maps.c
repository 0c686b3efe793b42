#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* A .text program using two BTF-defined maps, looked up with a 32-bit and a 64-bit key. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, long);
	__uint(max_entries, 2);
} text_htab SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, long);
	__uint(max_entries, 2);
} text_array SEC(".maps");

SEC(".text") int text_maps(void)
{
	__u32 k32 = 0;
	__u64 k64 = 0;

	if (!bpf_map_lookup_elem(&text_htab, &k32))
		return 1;
	if (!bpf_map_lookup_elem(&text_array, &k64))
		return 1;
	return 0;
}
