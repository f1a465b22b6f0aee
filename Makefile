# deleg: two commands set everything up — `make run` and `make test`.

# Django 6 wants Python 3.12+; take the newest one the machine has, else python3.
PYTHON ?= $(shell for p in python3.13 python3.12 $(HOME)/.pyenv/versions/3.13*/bin/python3 \
            $(HOME)/.pyenv/versions/3.12*/bin/python3 python3; do \
            $$p -c 'import venv' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test clean

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: install
	DELEG_DEBUG=$${DELEG_DEBUG:-1} $(BIN)/deleg serve --host $(HOST) --port $(PORT)

# The whole suite on SQLite; then, where DELEG_TEST_POSTGRES_URL names a server, its database tests again
# on PostgreSQL (.ci/run starts one). PYTEST_ARGS passes options through, e.g. PYTEST_ARGS="-k report".
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$$DELEG_TEST_POSTGRES_URL" ]; then \
	  echo "== database tests on PostgreSQL =="; \
	  DELEG_DATABASE_URL="$$DELEG_TEST_POSTGRES_URL" DELEG_TEST_DATABASE_ONLY=1 $(BIN)/python -m pytest $(PYTEST_ARGS); \
	elif [ "$$DELEG_REQUIRE_POSTGRES" = 1 ]; then \
	  echo "DELEG_REQUIRE_POSTGRES=1 but DELEG_TEST_POSTGRES_URL is not set" >&2; exit 1; \
	else \
	  echo "PostgreSQL: not tested (set DELEG_TEST_POSTGRES_URL=postgres://user@host:port/db, as .ci/run does)"; \
	fi

clean:
	rm -rf $(VENV) var build src/*.egg-info .pytest_cache
