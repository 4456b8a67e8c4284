"""The onion service of docs/deployment.md, started here as far as a closed network allows:
Debian's tor with the lines of ``deploy/tor/tizim.torrc`` (its folders moved into the test's).

tor cannot reach the Tor network from this machine, so no Tor Browser visit is possible; what
can be checked is what the document promises of the configuration: tor accepts it, creates
the service's key and writes a version-3 onion address, keeps the key where only tor reads it,
opens no SOCKS port (it is an onion service, not a client or relay), and hands the service's
connections to the port the nginx onion server listens on.
"""

from __future__ import annotations

import re
import shutil
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.test_demo_and_serve import free_port
from tests.processes import stop_group

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
TOR = shutil.which("tor") or shutil.which("tor", path="/usr/sbin:/usr/bin")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        TOR is None,
        reason="tor is not installed (apt-get install tor; make install leaves it out: on a "
        "machine with systemd, Debian starts it and it joins the Tor network)",
    ),
]


def _shipped_torrc() -> str:
    return (DEPLOY / "tor" / "tizim.torrc").read_text(encoding="utf-8")


def test_the_onion_service_hands_its_visitors_to_nginx_onion_server():
    target = re.search(r"^HiddenServicePort 80 (\S+)$", _shipped_torrc(), re.MULTILINE)
    assert target, "deploy/tor/tizim.torrc no longer names the service's target"
    site = (DEPLOY / "nginx" / "tizim-site.conf").read_text(encoding="utf-8")
    assert f"listen {target.group(1)};" in site


def test_tor_takes_the_configuration_and_writes_an_onion_address(tmp_path):
    service = tmp_path / "service"
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    torrc = tmp_path / "torrc"
    shipped = _shipped_torrc()
    assert "HiddenServiceDir /var/lib/tor/tizim/" in shipped
    torrc.write_text(
        shipped.replace("HiddenServiceDir /var/lib/tor/tizim/", f"HiddenServiceDir {service}/")
        + f"DataDirectory {data}\nLog notice file {tmp_path / 'tor.log'}\n"
        # A control port only so the test knows tor is up; the shipped file has none.
        + f"ControlPort 127.0.0.1:{(control := free_port())}\n",
        encoding="utf-8",
    )
    verified = subprocess.run(
        [TOR, "--verify-config", "-f", str(torrc)], capture_output=True, text=True, timeout=60
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    process = subprocess.Popen(
        [TOR, "-f", str(torrc)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        hostname = service / "hostname"
        deadline = time.monotonic() + 60
        while not hostname.exists() and time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "tor.log").read_text(errors="replace")
            time.sleep(0.2)
        address = hostname.read_text(encoding="ascii").strip()
        # A version-3 address: 56 letters of base32, then .onion.
        assert re.fullmatch(r"[a-z2-7]{56}\.onion", address), address
        key = service / "hs_ed25519_secret_key"
        assert key.exists()
        # The key *is* the address: only tor's own user may read it or its folder.
        assert stat.S_IMODE(service.stat().st_mode) == 0o700
        assert stat.S_IMODE(key.stat().st_mode) & 0o077 == 0
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex(("127.0.0.1", control)) == 0  # tor is up
        # No SOCKS port (tor's default would be 9050): this tor serves, it does not browse.
        log = (tmp_path / "tor.log").read_text(errors="replace")
        assert "Opened Control listener" in log  # listeners are opened, and logged, by now
        assert "Socks listener" not in log
    finally:
        stop_group(process)
