#include "common.h"
/* Helpers whose results are deterministic enough to compare: smp_processor_id (one CPU in
 * BPF_PROG_TEST_RUN is not guaranteed, so only compare < 4096), ktime monotonic. */
SEC("classifier")
int helpers_misc(struct __sk_buff *skb)
{
	__u64 t1 = bpf_ktime_get_ns();
	__u64 t2 = bpf_ktime_get_ns();
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 r = bpf_get_prandom_u32();
	(void)r;
	if (t2 < t1)
		return 1;
	if (cpu >= 4096)
		return 2;
	return 0;
}
