"""Objects are parsed once and programs verified once: the caches give the answers, the
errors and the program ids a fresh parse would (issue 15)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from hwsim.bpf import BpfLoadError, ProgramTable, read_object
from hwsim.bpf import elf as elfmod
from hwsim.bpf import program as progmod
from hwsim.bpf.insn import encode
from tests.bpf.asm import exit_, ld_map_fd, mov64_imm
from tests.bpf.conftest import SHARED_PROGS

PASS = SHARED_PROGS / "tc_pass.o"
CLASSID = SHARED_PROGS / "tc_classid.o"
needs_objs = pytest.mark.skipif(not PASS.exists() or not CLASSID.exists(),
                                reason="shared conformance objects missing")


@pytest.fixture
def cache():
    c = elfmod.ObjectCache(disk=False)
    old = elfmod.OBJECT_CACHE
    elfmod.OBJECT_CACHE = c
    yield c
    elfmod.OBJECT_CACHE = old


@needs_objs
def test_same_file_is_parsed_once_and_answers_equal(tmp_path: Path, cache):
    f = tmp_path / "p.o"
    shutil.copy(PASS, f)
    a, b = read_object(f), read_object(f)
    assert (cache.misses, cache.hits) == (1, 1)
    assert a == read_object(f, cache=False)
    assert b.programs[0].insns == a.programs[0].insns


@needs_objs
def test_changed_file_is_parsed_again(tmp_path: Path, cache):
    f = tmp_path / "p.o"
    shutil.copy(PASS, f)
    st = f.stat()
    assert read_object(f).programs[0].func == "tc_pass"
    # replaced by another object, even with the old size-independent mtime restored
    shutil.copy(CLASSID, f)
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert read_object(f).program("tc").func == "tc_classid"
    assert cache.misses == 2


def test_rewritten_in_place_same_size_and_mtime(tmp_path: Path, cache):
    """Identity equal (dev, inode, size, mtime) but other bytes: the digest catches it."""
    f = tmp_path / "p.o"
    f.write_bytes(b"not an elf at all")
    st = f.stat()
    with pytest.raises(BpfLoadError, match="Cannot initialize ELF context!"):
        read_object(f)
    with open(f, "r+b") as fh:
        fh.write(b"NOT")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(BpfLoadError, match="Cannot initialize ELF context!"):
        read_object(f)
    assert cache.misses == 2


def test_errors_are_cached_and_raised_fresh(tmp_path: Path, cache):
    f = tmp_path / "bad.o"
    f.write_bytes(b"\x7fELF\x02\x01\x01")
    errs = []
    for _ in range(2):
        with pytest.raises(BpfLoadError) as ei:
            read_object(f)
        errs.append(ei.value)
    assert errs[0] is not errs[1]
    want = (errno.EINVAL, "Cannot initialize ELF context!")
    assert [(e.errno, str(e)) for e in errs] == [want, want]
    assert (cache.misses, cache.hits) == (1, 1)


def test_missing_file_is_not_cached(tmp_path: Path, cache):
    f = tmp_path / "later.o"
    with pytest.raises(BpfLoadError) as ei:
        read_object(f)
    assert ei.value.errno == errno.ENOENT
    assert cache.misses == 0


@needs_objs
def test_section_errors_name_the_path_asked_for(tmp_path: Path, cache):
    a, b = tmp_path / "a.o", tmp_path / "b.o"
    shutil.copy(PASS, a)
    shutil.copy(PASS, b)
    for p in (a, b, a):
        obj = read_object(p)
        assert obj.path == str(p)  # a cache hit still names the file asked for
        # iproute2 6.1's message names the section only (recorded: conformance c37)
        with pytest.raises(BpfLoadError, match=r"^object file doesn't contain sec nope$"):
            obj.program("nope")


@needs_objs
def test_every_load_gets_a_new_id_and_its_own_program(cache):
    table = ProgramTable()
    progs = [table.load_object(PASS) for _ in range(3)]
    assert [p.id for p in progs] == [1, 2, 3]
    assert len({id(p.env) for p in progs}) == 3 and len({id(p._fn) for p in progs}) == 3
    assert len({p.tag for p in progs}) == 1


def test_verifier_answers_are_cached_with_errors():
    progmod._VERIFIED.clear()
    bad = encode([exit_()])  # R0 !read_ok
    for _ in range(2):
        with pytest.raises(BpfLoadError) as ei:
            ProgramTable().load_insns(bad)
        assert ei.value.errno == errno.EACCES and "R0 !read_ok" in ei.value.log
    assert len(progmod._VERIFIED) == 1


def test_map_programs_share_the_verification_not_the_maps():
    progmod._VERIFIED.clear()
    table = ProgramTable()
    raws = []
    for _ in range(2):
        fd = table.create_map(2, 4, 8, 1)
        raws.append(encode([*ld_map_fd(1, fd), mov64_imm(0, 0), exit_()]))
    p1, p2 = (table.load_insns(r) for r in raws)
    assert len(progmod._VERIFIED) == 1
    assert p1.maps != {} and next(iter(p1.maps.values())) is not next(iter(p2.maps.values()))
    # a map of another shape is verified on its own
    fd = table.create_map(2, 4, 16, 1)
    table.load_insns(encode([*ld_map_fd(1, fd), mov64_imm(0, 0), exit_()]))
    assert len(progmod._VERIFIED) == 2


@needs_objs
def test_disk_store_gives_the_same_object_to_another_process(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OFFLOAD_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "p.o"
    shutil.copy(CLASSID, f)
    first = elfmod.ObjectCache(disk=True)
    a = first.get(str(f), (0,), f.read_bytes())
    assert len(list((tmp_path / "cache" / "objects").glob("*.json"))) == 1
    # a new process: nothing in memory; the stored parse is used without pyelftools
    second = elfmod.ObjectCache(disk=True)
    monkeypatch.setattr(elfmod, "_parse", lambda *_: pytest.fail("parsed again"))
    b = second.get(str(f), (0,), f.read_bytes())
    assert a == b and a.maps == b.maps


def test_disk_store_keeps_errors_and_tells_contents_apart(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OFFLOAD_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "bad.o"
    for content in (b"junk", b"\x7fELF\x02\x01\x01"):
        f.write_bytes(content)
        for _ in range(2):
            with pytest.raises(BpfLoadError, match="Cannot initialize ELF context!"):
                elfmod.ObjectCache(disk=True).get(str(f), (0,), content)
    assert len(list((tmp_path / "cache" / "objects").glob("*.json"))) == 2


def test_disk_store_refuses_a_folder_others_can_write(tmp_path: Path, monkeypatch):
    from hwsim.bpf import objstore

    d = tmp_path / "cache" / "objects"
    d.mkdir(parents=True)
    d.chmod(0o777)
    monkeypatch.setenv("OFFLOAD_CACHE_DIR", str(tmp_path / "cache"))
    assert objstore.folder() is None
    monkeypatch.setenv("OFFLOAD_CACHE_DIR", "off")
    assert objstore.folder() is None
