"""``offload exec -- CMD``: the tools, the netdevsim files and the stubs as a rig sees them.

What a tool prints under exec is judged against ``offload run`` of the same lines (a
different path through the program: script parsing and one fresh emulator), and what the
stubs print against the host's real modprobe/ip, run here for commands that change nothing.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exec.conftest import offload
from tests.progs import conformance_progs

pytestmark = pytest.mark.usefixtures("sandbox_ok")

LINES = """\
ip link set eth0 up
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
tc filter add dev eth0 ingress bpf skip_sw da obj $PROGS/tc_pass.o sec classifier
tc filter add dev eth0 ingress pref 2 bpf da obj tc_pass.o sec classifier
tc filter add dev eth0 ingress bpf skip_sw da obj missing.o sec classifier
tc -s filter show dev eth0 ingress
tc -j filter show dev eth0 ingress
tc qdisc add dev nosuchdev ingress
ip link show dev eth0
ip -j link show
ethtool -k eth0
bpftool prog show
bpftool -j prog show
tc filter del dev eth0 ingress pref 2
tc filter show dev eth0 ingress
"""

#: Runs every line of the script through the tools found on PATH (or at an absolute
#: path), prints the outcomes as offload run --json does.
DRIVER = r"""
import json, os, shlex, subprocess, sys
lines, prefix = sys.argv[1], sys.argv[2]
with open("/sys/bus/netdevsim/new_device", "w") as f:
    f.write("1 2")
out = []
for line in open(lines):
    line = line.strip().replace("$PROGS", os.environ["PROGS"])
    argv = shlex.split(line)
    argv[0] = prefix + argv[0] if prefix else argv[0]
    p = subprocess.run(argv, capture_output=True, text=True)
    out.append({"cmd": line, "rc": p.returncode, "stdout": p.stdout, "stderr": p.stderr})
print(json.dumps(out))
"""


_LOADED_AT = re.compile(r'(loaded_at"?:? ?"?)[0-9T:+-]+')


def _outcomes(entries: list[dict]) -> list[tuple[int, str, str]]:
    """rc, stdout, stderr; bpftool's loaded_at is the emulator's clock (seconds since it
    started), which a loaded machine moves between two runs."""
    return [(e["rc"], _LOADED_AT.sub(r"\1<T>", e["stdout"]), e["stderr"]) for e in entries]


@pytest.fixture(scope="module")
def progs() -> Path:
    d = conformance_progs()
    if d is None:
        pytest.skip("clang cannot build conformance/progs here")
    return d


@pytest.fixture(scope="module")
def expected(progs: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    script = tmp_path_factory.mktemp("run") / "s.sh"
    script.write_text('echo "1 2" > /sys/bus/netdevsim/new_device\n' + LINES)
    r = offload("run", str(script), "--json", "--set", f"PROGS={progs}", cwd=progs)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)[1:]


def _exec_driver(progs: Path, tmp: Path, prefix: str = "", env: dict | None = None,
                 extra: tuple[str, ...] = ()) -> tuple[subprocess.CompletedProcess[str], list]:
    lines = tmp / "lines.txt"
    lines.write_text(LINES)
    drv = tmp / "driver.py"
    drv.write_text(DRIVER)
    r = offload("exec", *extra, "--", sys.executable, str(drv), str(lines), prefix, tmp=tmp,
                env={"PROGS": str(progs), **(env or {})}, cwd=progs)
    assert r.returncode == 0, r.stderr
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("prefix", ["", "/sbin/", "/usr/sbin/", "/usr/bin/", "/bin/"])
def test_tools_print_what_offload_run_prints(progs, expected, tmpdir_short, prefix) -> None:
    _, got = _exec_driver(progs, tmpdir_short, prefix)
    assert _outcomes(got) == _outcomes(expected)
    assert any(e["rc"] for e in expected) and any(e["stdout"] for e in expected)


def test_python_client_prints_the_same(progs, expected, tmpdir_short) -> None:
    _, got = _exec_driver(progs, tmpdir_short, env={"OFFLOAD_EXEC_CLIENT": "python"})
    assert _outcomes(got) == _outcomes(expected)


def test_transcript_is_offload_run_json(progs, expected, tmpdir_short) -> None:
    out = tmpdir_short / "t.json"
    report = tmpdir_short / "r.html"
    r, _ = _exec_driver(progs, tmpdir_short, extra=("--transcript", str(out),
                                                    "--report", str(report)))
    got = json.loads(out.read_text())
    assert got[0] == {"cmd": "echo -n '1 2' > /sys/bus/netdevsim/new_device", "rc": 0,
                      "stdout": "", "stderr": ""}
    want = [shlex.join(shlex.split(e["cmd"].replace("$PROGS", str(progs)))) for e in expected]
    assert [g["cmd"] for g in got[1:]] == want
    assert _outcomes(got[1:]) == _outcomes(expected)
    html = report.read_text()
    assert "tc filter add dev eth0 ingress" in html and "<html" in html.lower()
    assert f"{len(got)} emulator steps" in r.stderr
    assert "audit: ok" in r.stderr and "invariant violations: 0" in r.stderr


#: Writes a rig makes, good and bad: through the FUSE view each must end as the emulator's
#: own file model (offload.vfs, what `offload run`'s echo uses) says.
WRITES = [
    ("/sys/bus/netdevsim/new_device", "3 2"),
    ("/sys/bus/netdevsim/new_device", "3 1"),  # the id is taken
    ("/sys/bus/netdevsim/new_device", "x"),
    ("/sys/bus/netdevsim/del_device", "7"),  # no such device
    ("/sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_accept", "X"),
    ("/sys/kernel/debug/netdevsim/netdevsim3/ports/1/bpf_tc_accept", "N"),
    ("/sys/kernel/debug/netdevsim/netdevsim3/bpf_bind_accept", "0"),
    ("/sys/kernel/debug/netdevsim/netdevsim3/nosuch", "1"),
]


def _vfs_outcomes() -> list[str]:
    from offload.emulator import Emulator
    from offload.vfs import Vfs

    vfs = Vfs(Emulator("v6.1"))
    out = []
    for path, value in WRITES:
        try:
            vfs.write(path, value)
            out.append("ok")
        except OSError as e:
            out.append(errno.errorcode[e.errno])
    return out


def test_netdevsim_files(tmpdir_short) -> None:
    """open/listdir/stat/isfile/isdir, cat and ls, and each write's errno as the model's."""
    code = r"""
import errno, json, os, stat, subprocess, sys
B, D = "/sys/bus/netdevsim", "/sys/kernel/debug/netdevsim"
res = {"writes": []}
for path, value in json.loads(sys.argv[1]):
    try:
        with open(path, "w") as f:
            f.write(value)
        res["writes"].append("ok")
    except OSError as e:
        res["writes"].append(errno.errorcode[e.errno])
port = D + "/netdevsim3/ports/1"
res["bus"] = sorted(os.listdir(B))
res["net"] = sorted(os.listdir(B + "/devices/netdevsim3/net"))
res["kinds"] = [os.path.isdir(port), os.path.isfile(port + "/bpf_tc_accept"),
                bool(os.stat(port + "/bpf_tc_accept").st_mode & stat.S_IRUSR)]
res["values"] = [open(port + "/bpf_tc_accept").read(), open(port + "/bpf_offloaded_id").read()]
res["cat"] = subprocess.run(["cat", port + "/bpf_tc_accept"], capture_output=True,
                            text=True).stdout
res["ls"] = subprocess.run(["ls", D + "/netdevsim3"], capture_output=True, text=True).stdout
res["reads"] = []
for path in (B + "/new_device", D + "/netdevsim9"):
    try:
        open(path).read()
        res["reads"].append("ok")
    except OSError as e:
        res["reads"].append(errno.errorcode[e.errno])
with open(B + "/del_device", "w") as f:
    f.write("3")
res["after"] = [os.path.exists(D + "/netdevsim3"), sorted(os.listdir(D))]
print(json.dumps(res))
"""
    r = offload("exec", "--", sys.executable, "-c", code, json.dumps(WRITES), tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    want = _vfs_outcomes()
    assert got["writes"] == want
    # nsim_bus_dev_new(): ida_alloc_range() of a taken id is ENOSPC (recorded: conformance
    # c41; test_offload.py's NetdevSimDev retries the next id on it); del_device_store()
    assert want[1] == "ENOSPC" and want[3] == "ENOENT"
    assert got["bus"] == ["del_device", "devices", "drivers", "new_device"]
    assert got["net"] == ["eth0", "eth1"]
    assert got["kinds"] == [True, True, True]
    assert got["values"] == ["N\n", "0\n"] and got["cat"] == "N\n"
    assert "bpf_bound_progs" in got["ls"].split() and "ports" in got["ls"].split()
    # kernfs_fop_open(): a write-only attribute cannot be opened for reading
    assert got["reads"] == ["EACCES", "ENOENT"]
    assert got["after"] == [False, []]


def test_stubs_modprobe_udevadm_mount(tmpdir_short) -> None:
    script = """
modprobe netdevsim; echo "netdevsim $?"
modprobe cls_bpf sch_ingress; echo "two $?"
modprobe -q act_gact; echo "gact $?"
modprobe no_such_module_offl 2>&1; echo "missing $?"
modprobe -q no_such_module_offl 2>&1; echo "quiet $?"
udevadm settle; echo "settle $?"
mount -t debugfs none /sys/kernel/debug; echo "debugfs $?"
mount -t bpf bpf /sys/fs/bpf; echo "bpffs $?"
mount | grep -c "/sys/kernel/debug type debugfs"
mount | grep -c "/sys/fs/bpf type bpf"
mount | grep -c offload-exec || true
"""
    r = offload("exec", "--", "bash", "-c", script, tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    real = subprocess.run(["modprobe", "no_such_module_offl"], capture_output=True, text=True)
    assert real.returncode == 1
    assert r.stdout.splitlines() == [
        "netdevsim 0", "two 0", "gact 0", real.stderr.rstrip("\n"), "missing 1", "quiet 1",
        "settle 0", "debugfs 0", "bpffs 0", "1", "1", "0"]


def test_ip_netns_exec_of_a_missing_namespace_is_iproute2s(tmpdir_short) -> None:
    name = f"offl-missing-{os.getpid()}"
    real = subprocess.run(["ip", "netns", "exec", name, "true"], capture_output=True,
                          text=True)
    assert real.returncode == 255 and name in real.stderr
    r = offload("exec", "--", "bash", "-c", f"ip netns exec {name} true; echo rc=$?",
                tmp=tmpdir_short)
    assert r.returncode == 0
    assert r.stdout == "rc=255\n"
    assert r.stderr.startswith(real.stderr)
    real = subprocess.run(["ip", "netns", "exec", name], capture_output=True, text=True)
    r = offload("exec", "--", "bash", "-c", f"ip netns exec {name}; echo rc=$?",
                tmp=tmpdir_short)
    assert r.stdout == f"rc={real.returncode}\n"
    assert r.stderr.startswith(real.stderr)


def test_exit_status_is_cmds(tmpdir_short) -> None:
    assert offload("exec", "--", "sh", "-c", "exit 7", tmp=tmpdir_short).returncode == 7
    r = offload("exec", "-q", "--", "sh", "-c", "exit 0", tmp=tmpdir_short)
    assert r.returncode == 0 and r.stderr == ""
    r = offload("exec", "--", "/no/such/program", tmp=tmpdir_short)
    assert r.returncode == 127 and "/no/such/program" in r.stderr


def test_bad_usage_is_exit_2(tmpdir_short) -> None:
    r = offload("exec", tmp=tmpdir_short)
    assert r.returncode == 2 and "give the command" in r.stderr
    r = offload("exec", "--driver", "no-such-plugin", "--", "true", tmp=tmpdir_short)
    assert r.returncode == 2 and "no-such-plugin" in r.stderr
    r = offload("exec", "--nic", "bogus", "--", "true", tmp=tmpdir_short)
    assert r.returncode == 2 and "unknown NIC profile 'bogus'" in r.stderr
    assert "Traceback" not in r.stderr
    assert list(tmpdir_short.iterdir()) == []


def test_violations_with_blame_and_fail_on(tmpdir_short) -> None:
    """The example buggy driver keeps a program it refused: found, blamed on the driver."""
    progs = conformance_progs()
    if progs is None:
        pytest.skip("clang cannot build conformance/progs here")
    rig = f"""set -e
echo "1 1" > /sys/bus/netdevsim/new_device
ethtool -K eth0 hw-tc-offload on
tc qdisc add dev eth0 ingress
for p in 1 2 3; do
  tc filter add dev eth0 ingress pref $p bpf da obj {progs}/tc_pass.o sec classifier \
    || echo "pref $p refused"
done
"""
    r = offload("exec", "--driver", "buggynic", "--", "bash", "-c", rig, tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""  # without skip_sw a refused offload is not an error
    assert "driver" in r.stderr and "invariant violations: 0" not in r.stderr
    r = offload("exec", "--driver", "buggynic", "--fail-on", "violations", "--", "bash", "-c",
                rig, tmp=tmpdir_short)
    assert r.returncode == 1
    r = offload("exec", "--driver", "buggynic-fixed", "--fail-on", "violations", "--", "bash",
                "-c", rig, tmp=tmpdir_short)
    assert r.returncode == 0 and "invariant violations: 0" in r.stderr


@pytest.mark.parametrize("client", ["c", "python"])
def test_tools_work_with_an_emptied_environment(tmpdir_short, client) -> None:
    """tdc runs its commands with env={} : the client finds the socket next to itself."""
    script = tmpdir_short / "s.sh"
    script.write_text("tc qdisc add dev nosuchdev ingress\ntc qdisc show\n")
    want = json.loads(offload("run", str(script), "--json").stdout)
    env = {"OFFLOAD_EXEC_CLIENT": "python"} if client == "python" else {}
    r = offload("exec", "--", "sh", "-c", "env -i /sbin/tc qdisc add dev nosuchdev ingress; "
                "echo rc=$?; env -i /usr/sbin/tc qdisc show", tmp=tmpdir_short, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"rc={want[0]['rc']}\n{want[1]['stdout']}"
    assert r.stderr.startswith(want[0]["stderr"])


def _unshare_maps_users() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    r = subprocess.run(["unshare", "-U", "--map-user=1000", "--map-group=1000", "true"],
                       capture_output=True)
    return r.returncode == 0


@pytest.mark.skipif(not _unshare_maps_users(),
                    reason="needs root and util-linux unshare --map-user to act as a user")
def test_as_an_unprivileged_user(tmpdir_short) -> None:
    """Run as uid 1000 (a user namespace in which uid 1000 owns /dev/fuse): offload exec takes
    the non-root path, a user namespace of its own mapping that user to root."""
    rig = ('id -u; echo "1 1" > /sys/bus/netdevsim/new_device; /sbin/tc qdisc add dev eth0 '
           'ingress; tc qdisc show dev eth0; cat /sys/kernel/debug/netdevsim/netdevsim1/ports/'
           '0/bpf_tc_accept')
    env = dict(os.environ, TMPDIR=str(tmpdir_short))
    r = subprocess.run(["unshare", "-U", "--map-user=1000", "--map-group=1000", "sh", "-c",
                        'id -u && exec "$@"', "sh", sys.executable, "-m", "offload.cli", "exec",
                        "--", "bash", "-c", rig], capture_output=True, text=True, env=env,
                       cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["1000", "0", "qdisc ingress ffff: parent ffff:fff1 "
                                     "---------------- ", "Y"]
    assert list(tmpdir_short.iterdir()) == []


def test_port_dev_link(tmpdir_short) -> None:
    """ports/M/dev is a symbolic link (netdevsim's debugfs_create_symlink()): readlink,
    islink, and reads and writes through it, as the model resolves it."""
    from offload.emulator import Emulator
    from offload.vfs import Vfs

    vfs = Vfs(Emulator("v6.1"))
    vfs.write("/sys/bus/netdevsim/new_device", "1 2")
    link = "/sys/kernel/debug/netdevsim/netdevsim1/ports/1/dev"
    target = vfs.readlink(link)
    code = f"""
import os
L = {link!r}
print(os.path.islink(L), os.readlink(L), os.path.isdir(L))
with open(L + "/bpf_bind_verifier_accept", "w") as f:
    f.write("0")
print(open("/sys/kernel/debug/netdevsim/netdevsim1/bpf_bind_verifier_accept").read(), end="")
print(sorted(os.listdir(L)) == sorted(os.listdir(os.path.realpath(L))))
"""
    r = offload("exec", "--", "sh", "-c", 'echo "1 2" > /sys/bus/netdevsim/new_device && '
                f'exec "{sys.executable}" -c "$0"', code, tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"True {target} True", "N", "True"]


def test_bpffs(tmpdir_short, progs) -> None:
    """/sys/fs/bpf: pins appear as files, rm and mkdir/rmdir work, as in the model."""
    rig = f"""set -e
bpftool prog load {progs}/tc_pass.o /sys/fs/bpf/p type classifier
mkdir /sys/fs/bpf/d
ls /sys/fs/bpf
test -f /sys/fs/bpf/p && echo "p is a file"
rm /sys/fs/bpf/p
rmdir /sys/fs/bpf/d
ls /sys/fs/bpf | wc -l
"""
    r = offload("exec", "--", "bash", "-c", rig, tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["d", "p", "p is a file", "0"]


def test_ip_netns_exec_tools_speak_for_the_namespace(tmpdir_short) -> None:
    """``ip netns exec NS CMD`` runs CMD for real; every tool it starts (through a shell,
    with its environment emptied too) answers for NS, as ``ip -n NS``/``tc -n NS`` do."""
    from offload.emulator import Emulator
    from offload.runner import Session

    s = Session(Emulator("v6.1"))
    setup = ["ip netns add t1", "ip link add va type veth peer name vb",
             "ip link set vb netns t1", "tc -n t1 qdisc add dev vb ingress"]
    for line in setup:
        assert s.run_text(line).rc == 0, line  # type: ignore[union-attr]
    want_ip = s.run_text("ip -n t1 link show").stdout  # type: ignore[union-attr]
    want_tc = s.run_text("tc -n t1 qdisc show").stdout  # type: ignore[union-attr]
    rig = "; ".join(setup) + ("; ip netns exec t1 ip link show; echo ---; "
                              "ip netns exec t1 sh -c 'env -i /sbin/tc qdisc show'")
    r = offload("exec", "--", "bash", "-c", rig, tmp=tmpdir_short)
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"{want_ip}---\n{want_tc}"
    assert "vb" in want_ip and "ingress" in want_tc
