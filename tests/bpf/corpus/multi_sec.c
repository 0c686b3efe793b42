#include "common.h"
/* Several program sections in one object; tests pick one with `sec NAME`. */
SEC("classifier")
int first(struct __sk_buff *skb) { return 1; }

SEC("action")
int second(struct __sk_buff *skb) { return 2; }

SEC("tc/ingress")
int a_very_long_function_name(struct __sk_buff *skb) { return 3; }
