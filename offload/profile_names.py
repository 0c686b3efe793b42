"""The kernel profiles' names, for argument parsers that must not import the kernel model
at start-up (``core.profile`` pulls in the bus). ``tests/front/test_startup.py`` checks this
tuple against :data:`core.profile.PROFILES`."""

NAMES = ("v6.12", "v6.1", "v5.2")
