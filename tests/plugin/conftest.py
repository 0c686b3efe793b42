"""pytester runs small test files in-process with the offload plugin loaded as installed."""

pytest_plugins = ["pytester"]
