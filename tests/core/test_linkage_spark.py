"""The Spark session's master URL and driver address (no Spark started here; the cluster
itself is exercised in tests/linkage/test_spark_cluster.py)."""

from __future__ import annotations

import socket

import pytest

from tizim.core.linkage.spark import SparkMasterError, driver_address_towards, parse_master_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("spark://127.0.0.1:7077", ("127.0.0.1", 7077)),
        ("spark://spark-master.example.org:7177", ("spark-master.example.org", 7177)),
        ("spark://10.0.0.5", ("10.0.0.5", 7077)),
    ],
)
def test_a_standalone_master_url_gives_its_host_and_port(url, expected):
    assert parse_master_url(url) == expected


@pytest.mark.parametrize(
    "url", ["local[2]", "yarn", "http://127.0.0.1:8080", "spark://", "spark://h:port", "h:7077"]
)
def test_anything_but_a_standalone_master_url_is_refused_with_the_form_to_write(url):
    with pytest.raises(SparkMasterError, match="write spark://HOST:PORT"):
        parse_master_url(url)


def test_the_driver_binds_to_the_address_on_the_route_to_the_master():
    with socket.socket() as master:
        master.bind(("127.0.0.1", 0))
        master.listen()
        port = master.getsockname()[1]
        assert driver_address_towards(f"spark://127.0.0.1:{port}") == "127.0.0.1"


def test_a_master_that_does_not_answer_is_named():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, not listening: connections are refused
        url = f"spark://127.0.0.1:{port}"
        with pytest.raises(
            SparkMasterError, match=f"cannot reach the Spark master at 127.0.0.1:{port}"
        ):
            driver_address_towards(url)
