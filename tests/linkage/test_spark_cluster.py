"""``tizim link --backend spark --spark-master spark://…`` on a real Spark standalone cluster.

A master and two workers are started as separate JVMs with pyspark's own ``bin/spark-class``,
every port and web UI on 127.0.0.1, each worker with one core and 1 GB. All run on this one
machine, so the driver's work folder (a local temporary folder) is also the workers': that is
where Splink-on-Spark writes its checkpoints as parquet and reads them back. On a real cluster
that folder must be shared (``TIZIM_SPARK_DIR``, docs/deployment.md).

The outside development lists are linked through the command line twice, once on DuckDB and
once on the cluster, and both are scored against the lists' truth.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.linkage_eval import (
    _groups_by,
    dev_pairs,
    dev_truth,
    import_dev_lists,
    link_and_export,
    score,
)
from tests.cli.test_demo_and_serve import free_port
from tests.processes import stop_group

pytestmark = [
    pytest.mark.slow(minutes=3),
    # The lists are imported and linked by the command line on an embedded instance of its own
    # (bench/linkage_eval.py), whichever database the pass uses. Run once, in the SQLite pass.
    pytest.mark.sqlite_only,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java"),
]

# Beside the checkout (../shared), or where the development machines keep it.
DEV_LISTS = next(
    (
        path
        for path in (
            Path(__file__).resolve().parents[2].parent / "shared" / "data" / "kz-lists-dev",
            Path("/work/shared/data/kz-lists-dev"),
        )
        if path.is_dir()
    ),
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "kz-lists-dev",
)
WORKERS = 2
# Master and workers start in a few seconds on an idle machine; a loaded CI runner is slower.
STARTUP_WAIT = 180.0


@dataclass(frozen=True)
class SparkCluster:
    """A running standalone cluster: its master URL, its web UI's port and its folders."""

    master_url: str
    web_ui_port: int
    folder: Path
    pids: tuple[int, ...]

    def state(self) -> dict:
        """The master's own account of its workers and applications (its web UI's JSON)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.web_ui_port}/json/", timeout=10) as r:
            return json.load(r)


def _spark_class() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent / "bin" / "spark-class"


def _start(folder: Path, name: str, env: dict[str, str], *args: str) -> subprocess.Popen:
    log = (folder / f"{name}.log").open("wb")
    # spark-class execs the JVM, so this process is the daemon; its own session lets the
    # fixture stop it and anything it started without touching other processes.
    return subprocess.Popen(
        [str(_spark_class()), *args],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait_for_workers(cluster: SparkCluster, processes: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + STARTUP_WAIT
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            break
        try:
            alive = [w for w in cluster.state()["workers"] if w["state"] == "ALIVE"]
        except OSError:
            alive = []
        if len(alive) == WORKERS:
            return
        time.sleep(1)
    logs = "\n".join(f.read_text(errors="replace")[-2000:] for f in cluster.folder.glob("*.log"))
    pytest.fail(f"the Spark cluster did not come up with {WORKERS} workers:\n{logs}")


@pytest.fixture(scope="module")
def spark_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkCluster]:
    folder = tmp_path_factory.mktemp("spark-cluster")
    env = {
        **os.environ,
        # Every socket and web UI of the daemons on loopback (web UIs bind to this address,
        # else to all interfaces).
        "SPARK_LOCAL_IP": "127.0.0.1",
    }
    port, web_ui = free_port(), free_port()
    master_url = f"spark://127.0.0.1:{port}"
    processes: list[subprocess.Popen] = []
    try:
        processes.append(
            _start(
                folder,
                "master",
                env,
                "org.apache.spark.deploy.master.Master",
                *("--host", "127.0.0.1", "--port", str(port), "--webui-port", str(web_ui)),
            )
        )
        for n in range(1, WORKERS + 1):
            processes.append(
                _start(
                    folder,
                    f"worker{n}",
                    env,
                    "org.apache.spark.deploy.worker.Worker",
                    *("--host", "127.0.0.1", "--port", str(free_port())),
                    *("--webui-port", str(free_port()), "--cores", "1", "--memory", "1g"),
                    *("--work-dir", str(folder / f"worker{n}"), master_url),
                )
            )
        cluster = SparkCluster(master_url, web_ui, folder, tuple(p.pid for p in processes))
        _wait_for_workers(cluster, processes)
        yield cluster
    finally:
        for process in reversed(processes):
            stop_group(process)


def _listening_addresses(pid: int) -> set[str]:
    """The local addresses of the TCP sockets process ``pid`` listens on (Linux /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    addresses = set()
    for table in ("tcp", "tcp6"):
        lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                hexaddr = fields[1].split(":")[0]
                addresses.add(
                    socket.inet_ntop(socket.AF_INET, bytes.fromhex(hexaddr)[::-1])
                    if len(hexaddr) == 8
                    else socket.inet_ntop(
                        socket.AF_INET6,
                        b"".join(bytes.fromhex(hexaddr[i : i + 8])[::-1] for i in range(0, 32, 8)),
                    )
                )
    return addresses


@pytest.mark.skipif(not Path("/proc/self/net/tcp").exists(), reason="reads Linux's /proc")
def test_the_cluster_listens_on_loopback_only(spark_cluster):
    for pid in spark_cluster.pids:
        addresses = _listening_addresses(pid)
        assert addresses, f"process {pid} listens on nothing"
        assert addresses <= {"127.0.0.1", "::ffff:127.0.0.1"}, addresses


@pytest.mark.skipif(not DEV_LISTS.exists(), reason=f"the development lists are not at {DEV_LISTS}")
@pytest.mark.timeout(2400)  # measured: the cluster link alone took 21 min at load 17 on 2 cores
def test_dev_lists_link_on_the_cluster_as_on_duckdb(spark_cluster, tmp_path, monkeypatch):
    # Two single-core executors: as few shuffle partitions as they have cores keeps the few
    # hundred stages of a Splink run cheap. Set as an operator would, in spark-defaults.conf.
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "spark-defaults.conf").write_text("spark.sql.shuffle.partitions 2\n")
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path / "conf"))
    truth = dev_truth(DEV_LISTS)
    expected = _groups_by(truth)
    # One import, two copies of the data folder: each backend links the same records, and only
    # `tizim link` links them (the imports' own linking runs on DuckDB).
    import_dev_lists(DEV_LISTS, tmp_path / "duckdb", link=False)
    shutil.copytree(tmp_path / "duckdb", tmp_path / "spark")
    on_duckdb, _ = link_and_export(tmp_path / "duckdb", "duckdb")
    on_spark, _ = link_and_export(
        tmp_path / "spark", "spark", "--spark-master", spark_cluster.master_url
    )
    f1_duckdb = score(dev_pairs(truth, on_duckdb), expected)[2]
    f1_spark = score(dev_pairs(truth, on_spark), expected)[2]
    assert f1_duckdb >= 0.93 and f1_spark >= 0.93, (f1_duckdb, f1_spark)
    assert abs(f1_spark - f1_duckdb) <= 0.01, (f1_duckdb, f1_spark)

    # The work ran on the cluster's executors, which called the driver back on loopback.
    apps = spark_cluster.state()["completedapps"]
    assert [a["name"] for a in apps] == ["tizim-link"], apps
    launches = list(spark_cluster.folder.glob("worker*/app-*/*/stderr"))
    assert {p.parts[-4] for p in launches} == {"worker1", "worker2"}, launches
    for stderr in launches:
        command = stderr.read_text().split("\n", 1)[0]  # "Spark Executor Command: …"
        assert '"--driver-url" "spark://CoarseGrainedScheduler@127.0.0.1:' in command, command
