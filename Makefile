# modegate: two commands set up everything on a fresh Debian machine.
#   make run   — install what is missing, build, run the main job
#   make test  — install what is missing, build, run the whole test suite
# Both are safe to run twice.

SWIFT      ?= swift
VENV       := .venv
PYTHON     := $(VENV)/bin/python
APT_PACKAGES := git ca-certificates python3 python3-venv pkg-config libjavascriptcoregtk-4.1-dev
RELEASE_BIN := .build/release/modegate

.PHONY: run test bench build release deps venv clean

## The main job: both arms of the default gate, offline; the exit code is the verdict.
run: deps release
	$(RELEASE_BIN) run gates/codemode.yaml

## The whole test suite (unit, golden, end-to-end and RLM Code parity tests).
test: deps venv
	$(SWIFT) build --build-tests
	MODEGATE_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test --skip-build

## Benchmarks: print figures, assert nothing.
bench: deps release
	$(SWIFT) build -c release --product JudgeBenchmark
	$(SWIFT) build -c release --product SandboxBenchmark
	$(SWIFT) build -c release --product HarnessBenchmark
	.build/release/JudgeBenchmark
	.build/release/SandboxBenchmark
	.build/release/HarnessBenchmark

build: deps
	$(SWIFT) build

## The binary and the sandbox engine it loads in worker processes (they must sit side by side).
release: deps
	$(SWIFT) build -c release --product modegate
	$(SWIFT) build -c release --product ModegateSandboxEngine

## System packages, installed only when something is missing (apt-get needs root or sudo).
deps:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing" >&2; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH: install Swift 6 from swift.org" >&2; exit 1; }

## Python peers for tests: RLM Code 0.1.13 (for parity checks), in a local virtual environment.
venv: $(VENV)/.installed

$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps rlm-code==0.1.13
	$(PYTHON) -m pip install -q --disable-pip-version-check rich pyyaml
	touch $@

clean:
	rm -rf .build $(VENV)
