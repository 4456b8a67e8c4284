"""docs/deployment.md quotes every file of ``deploy/`` whole, as it is: an administrator who
copies from the document installs what the tests started."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_deployment_document_quotes_every_deploy_file_as_it_is():
    document = (ROOT / "docs" / "deployment.md").read_text()
    files = sorted(p for p in (ROOT / "deploy").rglob("*") if p.is_file())
    assert len(files) >= 9
    for path in files:
        name = str(path.relative_to(ROOT))
        assert name in document, f"{name} is not mentioned"
        assert path.read_text().rstrip("\n") in document, f"{name} is not quoted as it is"
