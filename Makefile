# Two commands do all the set-up: `make demo` and `make test` (see README.md).
PY      ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
BENCH_ARGS ?=

.PHONY: demo test lint bench apt progs clean

$(VPY):
	$(PY) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip

$(STAMP): $(VPY) pyproject.toml
	$(VPY) -m pip install -q -e .
	touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	$(VPY) -m pip install -q -e '.[test]'
	# the example third-party driver plugin used by tests/plugin (entry point offload.drivers)
	$(VPY) -m pip install -q -e examples/buggy_driver
	$(VPY) -m pip install -q -e examples/duonic
	touch $@

## demo: the main job on the embedded default (simulated SmartNIC, no root, no VM)
demo: $(STAMP)
	$(VENV)/bin/offload demo

## apt: system packages the test suite needs (clang, bpftool, qemu, ...), from deps/apt.txt
apt:
	scripts/apt-deps

## test: lint + the whole suite (kernel and VM tests included where the machine can run them)
test: $(TSTAMP) apt
	$(VENV)/bin/ruff check .
	$(VPY) -m pytest -n 2 --dist loadgroup

## bench: where we stand against the kernel (bench/README.md); BENCH_ARGS="--quick --only control"
bench: $(STAMP)
	$(VPY) -m bench $(BENCH_ARGS)

## progs: rebuild the bundled BPF objects from their sources (needs clang)
progs:
	for f in offload/progs/*.c; do \
	    clang -O2 -g -target bpf -I/usr/include/$$(uname -m)-linux-gnu -c $$f -o $${f%.c}.o || exit 1; \
	done

lint: $(TSTAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
