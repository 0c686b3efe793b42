"""An example third-party driver plugin (see README.md): two program slots per port."""

from buggy_nic.driver import BuggyNicDriver, make_buggy_driver, make_fixed_driver

__all__ = ["BuggyNicDriver", "make_buggy_driver", "make_fixed_driver"]
