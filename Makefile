# Linkwheel: build, install and test entry points.
#
#   make tools        install whatever is missing (pinned; fast when all present)
#   make build        trunk build --release  ->  dist/
#   make run          tools + build + serve dist/ on http://127.0.0.1:8080
#   make size         print dist/ sizes (BUDGET_KB=N to fail over N KiB first-load gzip)
#   make test         tools, fmt-check, clippy, test-native, test-wasm, test-e2e (stops at first failure)
#   make bench        benchmarks + Lighthouse -> BENCHMARKS.md (exit 1 if a target fails)
#
# Run from the repository root (`.ci/run` does). Works with CI=true and no terminal.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
# Steps share the cargo target dir and 2 cores: run them one after another.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
CARGO_HOME ?= $(HOME)/.cargo
NODE_BIN := $(ROOT)/tests/node_modules/.bin

# tests/node_modules/.bin first: trunk finds wasm-opt (npm binaryen) there.
export PATH := $(NODE_BIN):$(CARGO_HOME)/bin:$(PATH)

# ---------------------------------------------------------------- pins
WASM_TARGET    := wasm32-unknown-unknown
TRUNK_VERSION  := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WBG_VERSION    := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; if ($$1 == "version") { gsub(/"/, "", $$3); print $$3; exit } }' $(ROOT)/Cargo.lock 2>/dev/null)
CHROMIUM       := /usr/bin/chromium
CHROMEDRIVER   := /usr/bin/chromedriver
NODE_STAMP     := tests/node_modules/.npm-ci.stamp
# Lighthouse lives in its own npm folder: only `make bench` installs it.
BENCH_STAMP    := tests/bench/node_modules/.npm-ci.stamp
# The benchmark seeder (cargo feature `bench`), never part of dist/.
SEED_DIST      := target/bench-seed

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600

# ---------------------------------------------------------------- knobs
PORT      ?= 8080
# Mount path for `make run`: Trunk.toml's public_url if it has one, else /.
BASE      ?= $(or $(shell sed -n 's/^[[:space:]]*public_url[[:space:]]*=[[:space:]]*"\(\/[^"]*\)".*/\1/p' $(ROOT)/Trunk.toml 2>/dev/null | head -n1),/)
BUDGET_KB ?=
# Seconds per wasm test binary (the runner's default, 20 s, is tight on 2 cores).
WASM_BINDGEN_TEST_TIMEOUT ?= 120
E2E_TESTS  = $(sort $(wildcard tests/e2e/*.test.mjs))

ifneq ($(CI),)
# Fresh clone every run: incremental compilation only costs time and disk.
export CARGO_INCREMENTAL := 0
export CARGO_TERM_COLOR := never
endif

.PHONY: help tools tools-rust tools-trunk tools-wasm-bindgen tools-chromium tools-node \
        build run size fmt-check clippy test-native test-wasm test-e2e test-harness test clean \
        bench bench-seed tools-bench

help:
	@sed -n 's/^#   make /  make /p' $(firstword $(MAKEFILE_LIST))
	@echo "  other targets: fmt-check clippy test-native test-wasm test-e2e test-harness bench-seed clean"

# ---------------------------------------------------------------- tools
tools: tools-rust tools-trunk tools-wasm-bindgen tools-chromium tools-node
	@echo "tools: ready (trunk $(TRUNK_VERSION), wasm-bindgen $(WBG_VERSION), $(WASM_TARGET), chromium, node_modules)"

tools-rust:
	@command -v rustup >/dev/null || { echo "tools: rustup not found (needed for the $(WASM_TARGET) target)" >&2; exit 1; }
	@if ! rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
	  echo "tools: adding Rust target $(WASM_TARGET)"; rustup target add $(WASM_TARGET); fi
	@installed="$$(rustup component list --installed)"; \
	for c in rustfmt clippy; do \
	  if ! grep -q "^$$c" <<<"$$installed"; then echo "tools: adding Rust component $$c"; rustup component add $$c; fi; \
	done

tools-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "tools: installing trunk $(TRUNK_VERSION) (takes several minutes)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi

tools-wasm-bindgen:
	@if [ -z "$(WBG_VERSION)" ]; then echo "tools: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WBG_VERSION)" ] || \
	    [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $(WBG_VERSION)" ]; then \
	  echo "tools: installing wasm-bindgen-cli $(WBG_VERSION) (to match Cargo.lock)"; \
	  cargo install wasm-bindgen-cli --version $(WBG_VERSION); fi

tools-chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  echo "tools: installing Debian chromium and chromium-driver"; \
	  $(APT_GET) update; \
	  $(APT_GET) install -y chromium chromium-driver; fi

tools-node: $(NODE_STAMP)

# Re-run `npm ci` only when package.json or the lock file changed (or
# node_modules is gone: the stamp lives inside it).
$(NODE_STAMP): tests/package.json tests/package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "tools: installing Debian nodejs and npm"; \
	  $(APT_GET) update; $(APT_GET) install -y nodejs npm; fi
	@echo "tools: npm ci in tests/"
	cd tests && npm ci --no-audit --no-fund --no-update-notifier --loglevel=error
	@test -x $(NODE_BIN)/wasm-opt || { echo "tools: wasm-opt missing after npm ci" >&2; exit 1; }
	@touch $@

tools-bench: $(BENCH_STAMP)

# Same rule for tests/bench/ (Lighthouse), used only by `make bench`.
$(BENCH_STAMP): tests/bench/package.json tests/bench/package-lock.json
	@echo "tools: npm ci in tests/bench/ (Lighthouse, for make bench)"
	cd tests/bench && npm ci --no-audit --no-fund --no-update-notifier --loglevel=error
	@touch $@

# ---------------------------------------------------------------- build / run
build: $(NODE_STAMP)
	trunk build --release
	node tests/tools/bundles.mjs dist

run: tools build
	node tests/tools/serve.mjs --dir dist --port $(PORT) --base $(BASE)

size:
	node tests/tools/size.mjs --dir dist $(if $(BUDGET_KB),--budget-kb $(BUDGET_KB))

# The benchmark seeder: tests/bench/seed.html + `--features bench` into
# target/bench-seed/ (served at /bench-seed/ next to dist/ by the benchmark
# and tests/e2e/bench.test.mjs). dist/ is untouched.
bench-seed: $(NODE_STAMP)
	trunk build tests/bench/seed.html --release --dist $(SEED_DIST)

# Benchmarks of the release build against a plain-JavaScript floor, and
# Lighthouse: writes BENCHMARKS.md and tests/bench/results.json, exits 1 if
# any target fails. BENCH_RUNS=5 BENCH_N=1000,10000 BENCH_LIGHTHOUSE_RUNS=3
# override; BENCH_QUICK=1 is a short run into target/bench-quick/.
bench: tools tools-bench build bench-seed
	node tests/bench/run.mjs

# ---------------------------------------------------------------- checks
fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --features bench --lib --bins -- -D warnings

test-native:
	cargo test

test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(ROOT)/webdriver.json \
	WASM_BINDGEN_TEST_TIMEOUT=$(WASM_BINDGEN_TEST_TIMEOUT) \
	  cargo test --target $(WASM_TARGET)

# Only tests/e2e/*.test.mjs are test files (harness.mjs is a helper module).
test-e2e: build bench-seed $(NODE_STAMP)
	@if [ -z "$(E2E_TESTS)" ]; then echo "test-e2e: no tests/e2e/*.test.mjs files" >&2; exit 1; fi
	node --test --test-concurrency=1 --test-reporter=spec $(E2E_TESTS)

# The harness smoke test alone (no app build needed).
test-harness: $(NODE_STAMP)
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/harness.test.mjs

test:
	$(MAKE) tools
	$(MAKE) fmt-check
	$(MAKE) clippy
	$(MAKE) test-native
	$(MAKE) test-wasm
	$(MAKE) test-e2e

clean:
	cargo clean
	rm -rf dist tests/artifacts
