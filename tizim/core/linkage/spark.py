"""Spark sessions for Splink: on this machine (``local[N]``) or on a standalone cluster.

The same session serves both: Splink's similarity functions' jar on the class path (the
driver ships it to the executors), a checkpoint directory (Splink breaks lineage by writing
intermediate tables as parquet there, and reads them back), no web UI, and no console output
of Spark's own (its log goes to ``spark.log`` in the work folder, its progress bars are off), so
a terminal shows tizim's progress only.

On a cluster the executors write those parquet files and the driver reads them, so the work
folder must be one path that the driver and every worker see: any local folder when they all
run on one machine, a shared file system (NFS, …) otherwise. The driver binds to the address
of this machine on the route to the master, so executors on that network can call it back
and nothing else is opened on other interfaces. The module imports no Django.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_SPARK_LOG_CONFIG = """\
rootLogger.level = warn
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = {path}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{{yy/MM/dd HH:mm:ss}} %p %c{{1}}: %m%n
"""

# Shuffle partitions on a cluster unless its spark-defaults.conf says otherwise: Spark's 200
# make every stage 200 tasks, which on a registry of thousands of records costs more than the
# work (Splink runs a few hundred stages). A large cluster sets 2–3 × its executor cores.
CLUSTER_SHUFFLE_PARTITIONS = 8

# How long to wait for the master to accept a connection before saying it cannot be reached;
# Spark itself would retry for a minute and then fail the first job with a vaguer message.
MASTER_CONNECT_TIMEOUT = 10.0


class SparkMasterError(ValueError):
    """A Spark master URL that is not one, or a master that cannot be reached."""


def parse_master_url(url: str) -> tuple[str, int]:
    """``spark://HOST:PORT`` → (host, port) of a standalone master; anything else refused."""
    parts = urlsplit(url)
    if parts.scheme != "spark" or not parts.hostname or parts.path not in ("", "/"):
        raise SparkMasterError(
            f"{url!r} is not a Spark standalone master; write spark://HOST:PORT "
            "(the URL at the top of the master's web UI)"
        )
    try:
        port = parts.port
    except ValueError as error:
        raise SparkMasterError(f"{url!r} has no valid port; write spark://HOST:PORT") from error
    return parts.hostname, port or 7077


def driver_address_towards(master_url: str, timeout: float = MASTER_CONNECT_TIMEOUT) -> str:
    """The address of this machine on the route to the master (127.0.0.1 for a master on
    loopback), found by connecting to it, which also proves the master is listening."""
    host, port = parse_master_url(master_url)
    try:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            return str(connection.getsockname()[0])
    except OSError as error:
        raise SparkMasterError(
            f"cannot reach the Spark master at {host}:{port}: {error.strerror or error}"
        ) from error


def spark_session(
    work_dir: str, *, master: str | None = None, cores: int = 2, memory: str = "2g"
) -> Any:
    """A Spark session set up for Splink, with its log, scratch space and checkpoints in
    ``work_dir``.

    ``master`` None runs Spark inside this process's JVM on ``cores`` cores; ``spark://HOST:PORT``
    runs the work on a standalone cluster's executors (their memory, cores and the shuffle
    partitions as the cluster or ``spark-defaults.conf`` give them), the driver here with
    ``memory``."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    log_config = Path(work_dir) / "log4j2.properties"
    log_config.write_text(
        _SPARK_LOG_CONFIG.format(path=Path(work_dir) / "spark.log"), encoding="utf-8"
    )
    builder = (
        SparkSession.builder.master(master or f"local[{cores}]")
        .appName("tizim-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log_config}")
        .config("spark.driver.memory", memory)
        .config("spark.local.dir", work_dir)
    )
    if master is None:
        builder = builder.config("spark.sql.shuffle.partitions", str(cores * 2))
    else:
        address = driver_address_towards(master)
        builder = (
            builder.config("spark.driver.host", address)
            .config("spark.driver.bindAddress", address)
            # The executors start Python of the driver's version (pandas frames travel as Arrow,
            # but a Python worker must match the driver's if Spark ever needs one).
            .config("spark.pyspark.python", sys.executable)
        )
    session = builder.getOrCreate()
    if master is not None and not session.sparkContext.getConf().contains(
        "spark.sql.shuffle.partitions"
    ):
        session.conf.set("spark.sql.shuffle.partitions", str(CLUSTER_SHUFFLE_PARTITIONS))
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(work_dir)
    return session
