"""The real netdevsim driver: sysfs/debugfs control (``sysfs``) and a tc netlink client
(``nl``), used by the kernel and VM backends and by tests against a real kernel."""
