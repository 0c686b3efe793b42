# ports/N/dev in netdevsim's debugfs is a link to the device's folder
echo "1 2" > /sys/bus/netdevsim/new_device
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/bpf_bind_verifier_accept
echo 0 > /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/1/dev/bpf_bind_verifier_accept
echo X > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/dev/bpf_bind_verifier_accept
echo 1 > /sys/kernel/debug/netdevsim/netdevsim1/ports/1/dev/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/bpf_bind_verifier_accept
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/nosuch
cat /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/ports/1/bpf_tc_accept
ls /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/bpf_bound_progs
ls /sys/kernel/debug/netdevsim/netdevsim1/ports/0/dev/ports
