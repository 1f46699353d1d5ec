# Sourcelight: the two commands are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEEDS  := $(wildcard seeds/*.txt)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
SHELL  := /bin/bash
.SHELLFLAGS := -o pipefail -ec
# this machine's pip config names local mirrors that may be absent; hide that noise only
QUIET_PIP := { grep -v "^WARNING: Location" || true; }

.PHONY: run test eval bench screenshot setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip 2>&1 | $(QUIET_PIP)
	$(PY) -m pip install --quiet -e '.[dev]' 2>&1 | $(QUIET_PIP)
	$(PY) -c "import desktop.analysis.pipeline as p; p.check_model_installed()"
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m desktop $(SEEDS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

eval: $(STAMP)
	$(PY) tools/evaluate.py

# the offscreen Qt platform warns about every window it cannot size; that is not a finding
QT_NOISE := { grep -v "propagateSizeHints" || true; }

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py 2>&1 | $(QT_NOISE)

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshot.py resources/screenshot.png 2>&1 | $(QT_NOISE)

clean:
	rm -rf $(VENV) build *.egg-info
