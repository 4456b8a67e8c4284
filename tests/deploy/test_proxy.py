"""The production layout of docs/deployment.md, started here as far as it can be: nginx with
the configuration in ``deploy/nginx/`` (a certificate made for the test, every port on
loopback) in front of ``tizim serve``, and the systemd units checked by ``systemd-analyze``.

What must hold: requests pass through (HTTPS, the onion side over plain HTTP without a
redirect, HTTP redirected), nginx writes no access log, tizim's security headers reach the
browser unchanged, the Server header names no version, request bodies are never buffered to a
temporary file by the proxy, and tizim's CSRF check sees the visitor's scheme.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.test_cli import tizim
from tests.cli.test_demo_and_serve import free_port
from tests.http_client import Browser
from tests.processes import stop_group
from tizim.middleware import SECURITY_HEADERS

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
ONION = "a" * 56 + ".onion"  # the form of a v3 onion address
# The site's name in the test: a browser sends it (SNI, Host), and nginx answers no other.
HOST = "localhost"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        NGINX is None,
        reason="nginx is not installed (make install installs Debian's when run as root)",
    ),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the certificate"),
]


def render(text: str, replacements: dict[str, str]) -> str:
    """The shipped file with the test's paths and ports; every placeholder must be there, so a
    changed file cannot silently escape the test."""
    for old, new in replacements.items():
        assert old in text, f"{old!r} is no longer in the shipped configuration"
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Proxy:
    """nginx in front of tizim: its ports, folders and the direct address of tizim."""

    https: int
    http: int
    onion: int
    tizim: str
    prefix: Path
    certificate: Path


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"exited with {process.returncode}"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
            ),
            *("-nodes", "-days", "2", "-subj", f"/CN={HOST}", "-keyout", str(key)),
            *("-out", str(cert), "-addext", f"subjectAltName=DNS:{HOST}"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _nginx_configuration(prefix: Path, ports: dict[str, int], cert: Path, key: Path) -> Path:
    """deploy/nginx/* rendered into ``prefix``: ports on loopback, the test's certificate,
    pid file, logs and temporary folders under ``prefix``."""
    root = os.geteuid() == 0
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = render(
        (DEPLOY / "nginx" / "nginx.conf").read_text(),
        {
            "user www-data;": "user root;" if root else "",
            "pid /run/nginx.pid;": f"pid {prefix / 'nginx.pid'};",
            "/var/log/nginx/": f"{prefix / 'logs'}/",
            "http {\n": "http {\n" + temp,
            "include /etc/nginx/tizim-site.conf;": f"include {prefix / 'tizim-site.conf'};",
        },
    )
    site = re.sub(
        r"\n\s*listen \[::\]:\d+[^;]*;", "", (DEPLOY / "nginx" / "tizim-site.conf").read_text()
    )
    site = render(
        site,
        {
            "listen 80;": f"listen 127.0.0.1:{ports['http']};",
            "listen 80 default_server;": f"listen 127.0.0.1:{ports['http']} default_server;",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
            "listen 443 ssl default_server;": f"listen 127.0.0.1:{ports['https']} ssl "
            "default_server;",
            "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{ports['onion']};",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{ports['tizim']};",
            "tizim.example.org;": f"{HOST};",
            "/etc/letsencrypt/live/tizim.example.org/fullchain.pem": str(cert),
            "/etc/letsencrypt/live/tizim.example.org/privkey.pem": str(key),
            "/var/www/letsencrypt": str(prefix / "acme"),
            "ONION_ADDRESS.onion": ONION,
            "include /etc/nginx/tizim-proxy.conf;": f"include {prefix / 'tizim-proxy.conf'};",
        },
    )
    (prefix / "logs").mkdir()
    (prefix / "tizim-site.conf").write_text(site)
    shutil.copy(DEPLOY / "nginx" / "tizim-proxy.conf", prefix / "tizim-proxy.conf")
    (prefix / "nginx.conf").write_text(main)
    return prefix / "nginx.conf"


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    folder = tmp_path_factory.mktemp("proxy")
    home = folder / "data"
    assert tizim(home, "init").returncode == 0
    ports = {name: free_port() for name in ("tizim", "http", "https", "onion")}
    cert, key = _certificate(folder)
    prefix = folder / "nginx"
    prefix.mkdir()
    config = _nginx_configuration(prefix, ports, cert, key)
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(prefix), "-c", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
    env.update(
        TIZIM_HOME=str(home), TIZIM_HTTPS="1", TIZIM_ALLOWED_HOSTS=f"127.0.0.1,{HOST},{ONION}"
    )
    started = []
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "tizim", "serve", "--port", str(ports["tizim"])],
            env=env,
            stdout=(folder / "serve.log").open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append(server)
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(config), "-g", "daemon off;"],
            stdout=(folder / "nginx.out").open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append(nginx)
        _wait_for_port(ports["tizim"], server)
        _wait_for_port(ports["https"], nginx)
        yield Proxy(
            ports["https"],
            ports["http"],
            ports["onion"],
            f"http://127.0.0.1:{ports['tizim']}",
            prefix,
            cert,
        )
    finally:
        for process in reversed(started):
            stop_group(process)


def _https(proxy: Proxy) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cafile=str(proxy.certificate))
    return http.client.HTTPSConnection(HOST, proxy.https, context=context, timeout=30)


def _get(connection: http.client.HTTPConnection, path: str, **headers: str):  # type: ignore[no-untyped-def]
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    return response


def test_https_passes_through_with_tizims_headers_unchanged_and_no_version(proxy):
    direct = urllib.request.urlopen(proxy.tizim + "/en/", timeout=30)
    response = _get(_https(proxy), "/en/")
    assert response.status == 200
    for name, value in SECURITY_HEADERS.items():
        assert response.getheader(name) == value == direct.headers[name], name
    assert response.getheader("Server") == "nginx"  # no version, and not waitress's
    assert response.getheader("Onion-Location") == f"http://{ONION}/en/"


def test_the_onion_side_is_plain_http_without_a_redirect(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", proxy.onion, timeout=30)
    response = _get(connection, "/en/", Host=ONION)
    assert response.status == 200
    for name, value in SECURITY_HEADERS.items():
        assert response.getheader(name) == value, name


def test_plain_http_redirects_to_https_and_unknown_hosts_get_nothing(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", proxy.http, timeout=30)
    response = _get(connection, "/en/?q=1", Host=HOST)
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/en/?q=1"
    stranger = http.client.HTTPConnection("127.0.0.1", proxy.http, timeout=30)
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _get(stranger, "/en/", Host="scanner.example")


def test_a_form_posted_with_its_https_origin_passes_the_csrf_check(proxy, monkeypatch):
    # tizim learns the scheme from the proxy: a browser's Origin (https://…) matches it.
    monkeypatch.setenv("SSL_CERT_FILE", str(proxy.certificate))
    base = f"https://{HOST}:{proxy.https}"
    browser = Browser(base)
    token = browser.csrf_token("/login/")
    request = urllib.request.Request(
        base + "/login/",
        data=f"csrfmiddlewaretoken={token}&username=nobody&password=wrong".encode(),
        headers={"Origin": base, "Content-Type": "application/x-www-form-urlencoded"},
    )
    response = browser._open(request, follow=False)
    assert response.status == 200, re.sub(r"<[^>]+>", "", response.text)[
        -1500:
    ]  # the form again, a wrong password
    assert "CSRF verification failed" not in response.text
    # The onion side is http: there the browser's Origin says http, and matches as well.
    onion = http.client.HTTPConnection("127.0.0.1", proxy.onion, timeout=30)
    onion.request("GET", "/login/", headers={"Host": ONION})
    page = onion.getresponse()
    cookie = page.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode())
    assert cookie.startswith("csrftoken=") and token
    onion.request(
        "POST",
        "/login/",
        body=f"csrfmiddlewaretoken={token.group(1)}&username=nobody&password=wrong",
        headers={
            "Host": ONION,
            "Origin": f"http://{ONION}",
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    posted = onion.getresponse()
    assert posted.status == 200 and b"CSRF verification failed" not in posted.read()


def _files_open_under(folder: Path, master: int) -> list[str]:
    """Files under ``folder`` that nginx's processes hold open, deleted ones included (nginx
    unlinks a body's temporary file at once and keeps writing to it)."""
    pids = {master}
    for task in Path(f"/proc/{master}/task").iterdir():
        pids.update(int(c) for c in (task / "children").read_text().split())
    held = []
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(str(folder)):
                held.append(target)
    return held


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads Linux's /proc")
def test_a_request_body_never_reaches_a_temporary_file_of_the_proxy(proxy):
    # Half a 2 MB body sent, the rest held back: nginx streams it on to tizim as it comes
    # (proxy_request_buffering off); a buffering proxy would be writing it to client_body_temp.
    temp = proxy.prefix / "client_body"
    master = int((proxy.prefix / "nginx.pid").read_text())
    with socket.create_connection(("127.0.0.1", proxy.onion), timeout=30) as connection:
        length = 2_000_000
        connection.sendall(
            f"POST /report/ HTTP/1.1\r\nHost: {ONION}\r\nContent-Type: application/octet-stream"
            f"\r\nContent-Length: {length}\r\n\r\n".encode()
        )
        connection.sendall(b"canary-" * (length // 14))
        held: list[str] = []
        for _ in range(20):  # give a loaded machine's nginx time to read what was sent
            time.sleep(0.25)
            held += _files_open_under(temp, master)
        held += [str(p) for p in temp.rglob("*") if p.is_file()]
        assert held == []


def test_nginx_writes_no_access_log(proxy):
    for _ in range(3):
        _get(_https(proxy), "/en/?who=canary-visitor")
    written = {p.name: p.read_text() for p in (proxy.prefix / "logs").iterdir()}
    assert "access.log" not in written
    assert all(
        "canary-visitor" not in text and "127.0.0.1" not in text for text in written.values()
    )
    default_log = Path("/var/log/nginx/access.log")
    assert not default_log.exists() or "canary-visitor" not in default_log.read_text(
        errors="replace"
    )
