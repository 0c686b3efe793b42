"""Program tags: mirrors ``bpf_prog_calc_tag()`` in kernel/bpf/core.c.

The kernel hashes the instructions as user space passed them, after zeroing the
immediates of ``ld_imm64`` pseudo map loads (``BPF_PSEUDO_MAP_FD`` and
``BPF_PSEUDO_MAP_VALUE``; both halves), because map fds differ from load to load. The
padding it applies by hand is plain SHA-1 padding, so ``hashlib.sha1`` gives the same
digest; the tag is its first 8 bytes.

Linux 6.18 switched the digest to SHA-256 (``prog->digest``, for program signing); the
tag is still its first 8 bytes and the zeroing rule is unchanged. ``algo`` selects which
kernel to mirror; :func:`tag_algo_for_release` picks it from a ``uname -r`` string.
"""

from __future__ import annotations

import hashlib
import re

from hwsim.bpf.insn import BPF_PSEUDO_MAP_FD, BPF_PSEUDO_MAP_VALUE, LD_IMM64

BPF_TAG_SIZE = 8


SHA1 = "sha1"
SHA256 = "sha256"


def tag_algo_for_release(release: str) -> str:
    """``"sha256"`` for kernels >= 6.18, else ``"sha1"``."""
    m = re.match(r"(\d+)\.(\d+)", release)
    if m is None:
        return SHA1
    return SHA256 if (int(m.group(1)), int(m.group(2))) >= (6, 18) else SHA1


def calc_tag(insns: bytes, algo: str = SHA1) -> bytes:
    """Tag of raw eBPF instructions (a multiple of 8 bytes, host order)."""
    raw = bytearray(insns)
    was_ld_map = False
    for off in range(0, len(raw), 8):
        code, regs = raw[off], raw[off + 1]
        src = regs >> 4
        if not was_ld_map and code == LD_IMM64 and src in (BPF_PSEUDO_MAP_FD,
                                                           BPF_PSEUDO_MAP_VALUE):
            was_ld_map = True
            raw[off + 4 : off + 8] = bytes(4)
        elif was_ld_map and code == 0 and regs == 0 and raw[off + 2 : off + 4] == b"\0\0":
            was_ld_map = False
            raw[off + 4 : off + 8] = bytes(4)
        else:
            was_ld_map = False
    return hashlib.new(algo, raw).digest()[:BPF_TAG_SIZE]
