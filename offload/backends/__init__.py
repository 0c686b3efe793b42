"""Backends that run a script on a real kernel: ``kernel`` (this machine's kernel, in a fresh
network namespace) and ``vm`` (the same, inside the netdevsim VM). ``normalize`` makes two
transcripts comparable; ``record`` writes the conformance corpus's expected transcripts."""
