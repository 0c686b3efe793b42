"""``duonic``: an example multi-slot driver plugin (see README.md)."""

from duonic.driver import DuoNicDriver, make_driver, make_fixed_driver

__all__ = ["DuoNicDriver", "make_driver", "make_fixed_driver"]
