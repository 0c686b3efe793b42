# debugfs bool files: an unparsable value is ignored, the write succeeds
echo "1 1" > /sys/bus/netdevsim/new_device
echo x > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo 2 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_non_bound_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/bpf_tc_accept
echo on > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_accept
echo x > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
echo 200 > /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_delay
