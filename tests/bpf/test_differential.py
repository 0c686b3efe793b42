"""Our loader/engine against the host kernel: tags, return values, packets, ctx, maps."""

from __future__ import annotations

import os

import pytest

from hwsim import kbpf
from hwsim.bpf import ProgramTable, read_object
from hwsim.bpf.kernel import load_in_kernel
from hwsim.bpf.tag import tag_algo_for_release
from tests.bpf.packets import PACKETS, ctx_in, ctx_out_fields, skb_like_test_run

pytestmark = pytest.mark.kernel

# programs whose results depend on things a test run cannot pin down
NONDETERMINISTIC: set[str] = set()
SECTIONS = {"classid": "tc"}
SKIP_MAP_COMPARE = {6}  # per-CPU maps: the kernel returns one value per possible CPU


def _programs(corpus):
    for name, path in corpus.items():
        obj = read_object(path)
        for spec in obj.programs:
            yield name, obj, spec


def test_corpus_has_enough_programs(corpus):
    assert len(corpus) >= 20


def host_table() -> ProgramTable:
    """A table hashing tags like the host kernel (SHA-256 from 6.18 on)."""
    return ProgramTable(tag_algo=tag_algo_for_release(os.uname().release))


def test_tags_match_kernel(corpus, kernel):
    table = host_table()
    checked = 0
    for name, obj, spec in _programs(corpus):
        ours = table.load_spec(obj, spec, prog_type=3, offload_ifindex=None)
        with load_in_kernel(obj, spec) as kp:
            info = kbpf.prog_info(kp.fd)
        assert ours.tag == info.tag, f"{name}/{spec.section}"
        assert ours.name == info.name
        checked += 1
    assert checked >= 20


def test_run_matches_kernel(corpus, kernel, capsys):
    table = host_table()
    total = agree = 0
    failures = []
    for name, obj, spec in _programs(corpus):
        ours = table.load_spec(obj, spec, prog_type=3, offload_ifindex=None)
        with load_in_kernel(obj, spec) as kp:
            for pname, frame in PACKETS.items():
                skb = skb_like_test_run(frame)
                rv = ours.run(skb)
                kr = kbpf.prog_test_run(kp.fd, frame, ctx=ctx_in())
                total += 1
                got = (rv, bytes(skb.data), (skb.mark, skb.priority, tuple(skb.cb)))
                want = (kr.retval, kr.data, ctx_out_fields(kr.ctx))
                if got == want:
                    agree += 1
                else:
                    failures.append(f"{name}/{spec.section} on {pname}: ours={got} "
                                    f"kernel={want}")
            for mname, m in ours.maps.items():
                if m.map_type in SKIP_MAP_COMPARE:
                    continue
                kfd = kp.maps.get(mname) or kp.maps.get(m.name)
                if kfd is None or m.map_type == 3:
                    continue
                for key in m.keys():  # noqa: SIM118 - Map.keys(), not a dict
                    assert kbpf.map_lookup(kfd, key, m.value_size) == m.lookup(key), (
                        f"{name}: map {mname} key {key.hex()}")
    with capsys.disabled():
        print(f"\nengine vs kernel TEST_RUN: {agree}/{total} runs identical")
    assert not failures, "\n".join(failures[:10])
