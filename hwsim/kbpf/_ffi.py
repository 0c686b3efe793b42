"""cffi declarations for the pieces of ``union bpf_attr`` this binding uses.

ABI mode (``ffi.dlopen(None)`` + libc ``syscall(2)``) is used on purpose: glibc has no
``bpf()`` wrapper, the only symbol we call is ``syscall``, and ABI mode needs no C compiler
or Python headers at install time. Every struct below copies the *layout* of one anonymous
member of ``union bpf_attr`` (include/uapi/linux/bpf.h) with fixed-width types; the kernel
accepts a shorter attr than its own (``bpf_check_uarg_tail_zero``) so each command passes
only the struct it needs and its exact ``sizeof``.
"""

from __future__ import annotations

import cffi

CDEF = """
long syscall(long number, ...);

struct bpf_attr_map_create {
    uint32_t map_type;
    uint32_t key_size;
    uint32_t value_size;
    uint32_t max_entries;
    uint32_t map_flags;
    uint32_t inner_map_fd;
    uint32_t numa_node;
    char     map_name[16];
    uint32_t map_ifindex;
};

struct bpf_attr_map_elem {
    uint32_t map_fd;
    uint32_t pad0;
    uint64_t key;
    uint64_t value;
    uint64_t flags;
};

struct bpf_attr_prog_load {
    uint32_t prog_type;
    uint32_t insn_cnt;
    uint64_t insns;
    uint64_t license;
    uint32_t log_level;
    uint32_t log_size;
    uint64_t log_buf;
    uint32_t kern_version;
    uint32_t prog_flags;
    char     prog_name[16];
    uint32_t prog_ifindex;
    uint32_t expected_attach_type;
};

struct bpf_attr_obj {
    uint64_t pathname;
    uint32_t bpf_fd;
    uint32_t file_flags;
};

struct bpf_attr_test_run {
    uint32_t prog_fd;
    uint32_t retval;
    uint32_t data_size_in;
    uint32_t data_size_out;
    uint64_t data_in;
    uint64_t data_out;
    uint32_t repeat;
    uint32_t duration;
    uint32_t ctx_size_in;
    uint32_t ctx_size_out;
    uint64_t ctx_in;
    uint64_t ctx_out;
    uint32_t flags;
    uint32_t cpu;
};

struct bpf_attr_info {
    uint32_t bpf_fd;
    uint32_t info_len;
    uint64_t info;
};

struct bpf_prog_info_head {
    uint32_t type;
    uint32_t id;
    uint8_t  tag[8];
    uint32_t jited_prog_len;
    uint32_t xlated_prog_len;
    uint64_t jited_prog_insns;
    uint64_t xlated_prog_insns;
    uint64_t load_time;
    uint32_t created_by_uid;
    uint32_t nr_map_ids;
    uint64_t map_ids;
    char     name[16];
    uint32_t ifindex;
    uint32_t gpl_compatible;
    uint64_t netns_dev;
    uint64_t netns_ino;
};
"""

ffi = cffi.FFI()
ffi.cdef(CDEF)
_lib = None


def lib():
    """libc, opened lazily so importing this module never touches the system."""
    global _lib
    if _lib is None:
        _lib = ffi.dlopen(None)
    return _lib
