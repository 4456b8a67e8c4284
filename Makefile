# tizim — the two commands of the Quick start, and their parts.
#   make demo   install into .venv, load the fictional demo data, serve http://127.0.0.1:8000
#   make test   install into .venv, lint, type-check, run every test on SQLite and PostgreSQL

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The local PostgreSQL server of dev machines and CI (trust auth); the tests use test_<name>.
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test
export TIZIM_HOME ?= $(CURDIR)/tizim-data

.PHONY: install demo serve test test-sqlite test-postgres lint typecheck clean messages

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@# Browser tests use Debian's Chromium, never a browser downloaded by playwright.
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "chromium not installed (no apt-get or not root): browser tests will be skipped"; fi
	@# The deployment tests put Debian's nginx in front of tizim serve (docs/deployment.md).
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	else echo "nginx not installed (no apt-get or not root): proxy tests will be skipped"; fi
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/tizim demo --serve

serve: $(STAMP)
	$(VENV)/bin/tizim serve

lint: $(STAMP)
	$(VENV)/bin/ruff check tizim tests $(wildcard bench)
	$(VENV)/bin/ruff format --check tizim tests $(wildcard bench)

typecheck: $(STAMP)
	$(VENV)/bin/mypy tizim

# One test process per core (pytest-xdist); a test file stays in one process, so its
# module-wide fixtures (a demo instance, a server) are built once, and files are handed out in
# the order tests/conftest.py sets (the slowest first). TEST_JOBS=0 runs serially.
TEST_JOBS ?= auto
XDIST := -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(PY) -m pytest $(XDIST)

test-postgres: $(STAMP)
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest $(XDIST) -m "not sqlite_only"

test: lint typecheck test-sqlite test-postgres

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

# Collect the translatable strings into the kk and ru catalogues and compile them (the .mo files
# are committed); tests/i18n/test_catalogues.py fails until every new msgid is translated.
messages: $(STAMP)
	cd tizim && ../$(PY) -m django makemessages --settings=tizim.settings -l kk -l ru --no-obsolete --add-location=file
	for l in kk ru; do msgfmt --check -o tizim/locale/$$l/LC_MESSAGES/django.mo tizim/locale/$$l/LC_MESSAGES/django.po; done
