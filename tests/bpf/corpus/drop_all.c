#include "common.h"
SEC("classifier")
int drop_all(struct __sk_buff *skb) { return TC_ACT_SHOT; }
