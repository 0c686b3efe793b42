#include "common.h"
/* bpf_redirect returns TC_ACT_REDIRECT (7) for valid flags. */
SEC("classifier")
int redirect(struct __sk_buff *skb)
{
	if (skb->len > 80)
		return bpf_redirect(1, 0);
	return bpf_redirect(1, 0xff);
}
