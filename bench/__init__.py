"""Benchmarks: where offload stands against the kernel (``python -m bench``)."""
