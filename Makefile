# Leadpact — the two commands: `make serve` runs the app, `make test` runs every test.
# Both install what is missing first and skip what is already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TOOLS          := $(CURDIR)/.tools
TRUNK_VERSION  := 0.21.14
# Cuts the release build's lazily loaded pages into their own wasm modules
# (tools/split.mjs); its major version must match wasm_split_helpers' (Cargo.lock).
WASM_SPLIT_VERSION := 0.2.4
BINARYEN_VER   := 132
# npm tools (wasm-opt, PouchDB Server, axe-core): versions pinned in tools/package-lock.json.
NPM_STAMP      := $(TOOLS)/.npm-$(shell cksum < tools/package-lock.json | cut -d' ' -f1)
# The CLI must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
CARGO_BIN      := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH    := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
# Release builds for the end-to-end tests: served at the root and under /leadpact/.
DIST_ROOT      := $(CURDIR)/target/e2e-dist/root
DIST_SUBPATH   := $(CURDIR)/target/e2e-dist/subpath
# Every test step's output, summed into one closing line by `make test`.
RESULTS        := $(CURDIR)/target/test-results

.PHONY: help serve test tools browser lint results test-native test-browser build-e2e size-budget size lighthouse bench-memory test-e2e test-sync dist bench bench-browser bench-sync clean-tools

help:
	@echo "make serve   # install what is missing, serve the app on http://127.0.0.1:8080"
	@echo "make test    # install what is missing, run every check and test"
	@echo "make dist    # release build into dist/ (public URL via PUBLIC_URL=/repo/)"
	@echo "make bench  # criterion benchmarks of the domain engine"
	@echo "make size   # raw / gzip / brotli of every file of the release build, and the first load"
	@echo "make lighthouse # Lighthouse on the release build served with gzip: mobile and desktop, medians of 3 runs"
	@echo "make test-sync    # only the team-sync tests (native, then two browsers with PouchDB Server)"
	@echo "make bench-sync   # team-sync figures: first upload and download, edit to other browser"
	@echo "make bench-memory # wasm memory and JS heap at 10 000 and 100 000 leads, after reloads and an import"

## ---- tools -------------------------------------------------------------

tools: $(TOOLS)/.wasm-target $(TOOLS)/.trunk-$(TRUNK_VERSION) $(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION) $(TOOLS)/.wasm-split-$(WASM_SPLIT_VERSION) $(NPM_STAMP)

$(TOOLS)/.wasm-target:
	@mkdir -p $(TOOLS)
	rustup target add wasm32-unknown-unknown
	rustup component add rustfmt clippy
	@touch $@

$(TOOLS)/.trunk-$(TRUNK_VERSION):
	@mkdir -p $(TOOLS)
	@if trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then \
	  echo "trunk $(TRUNK_VERSION) already installed"; \
	else \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi
	@touch $@

# No --locked: the CLI's own lockfile names a crate the registry lacks.
$(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p $(TOOLS)
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	   && wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)"; then \
	  echo "wasm-bindgen-cli $(WASM_BINDGEN_VERSION) already installed"; \
	else \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@touch $@

$(TOOLS)/.wasm-split-$(WASM_SPLIT_VERSION):
	@mkdir -p $(TOOLS)
	@if [ -x "$(CARGO_BIN)/wasm-split-cli" ] && cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then \
	  echo "wasm-split-cli $(WASM_SPLIT_VERSION) already installed"; \
	else \
	  cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked; \
	fi
	@touch $@

# npm tools into the git-ignored tools folder, exactly as locked: binaryen
# (never Debian's: too old), PouchDB Server (a CouchDB-compatible server for
# the team-sync tests), axe-core. `npm ci` installs the whole lockfile at once.
$(NPM_STAMP): tools/package.json tools/package-lock.json
	@mkdir -p $(TOOLS)
	cp tools/package.json tools/package-lock.json $(TOOLS)/
	npm ci --prefix $(TOOLS) --no-audit --no-fund
	@$(TOOLS)/node_modules/.bin/wasm-opt --version | grep -q "version $(BINARYEN_VER)" || { echo "wasm-opt is not version $(BINARYEN_VER)"; exit 1; }
	@rm -f $(TOOLS)/.npm-*
	@touch $@

browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then \
	  echo "chromium and chromedriver already installed"; \
	else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  { $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium chromium-driver; } \
	  || { echo "ERROR: could not install Debian's chromium and chromium-driver with apt-get."; \
	       echo "Install them (as root: apt-get install -y chromium chromium-driver) and run make test again."; exit 1; }; \
	fi

## ---- the two commands --------------------------------------------------

serve: tools
	trunk serve --address 127.0.0.1 --port 8080

test: tools browser lint results test-native test-browser build-e2e size-budget test-e2e
	@echo "make test: formatting, lints, native, browser and end-to-end tests all passed"
	@awk '/^test result:/ { for (i = 1; i < NF; i++) { if ($$(i+1) ~ /^passed/) p += $$i; if ($$(i+1) ~ /^failed/) f += $$i } } \
	  END { printf "%d passed, %d failed\n", p, f }' $(RESULTS)/*.log

## ---- steps -------------------------------------------------------------

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	# The release build's split points (src/split.rs) build only with their feature.
	cargo clippy --target wasm32-unknown-unknown --features split --bin leadpact -- -D warnings
	# The in-browser benchmarks build only with their feature: lint them so they keep compiling.
	cargo clippy --target wasm32-unknown-unknown --features browser-bench --test browser_bench -- -D warnings
	cargo clippy -p leadpact-e2e --features bench --tests -- -D warnings

results:
	@rm -rf $(RESULTS) && mkdir -p $(RESULTS)

test-native:
	@mkdir -p $(RESULTS)
	cargo test 2>&1 | tee $(RESULTS)/native.log

# wasm-bindgen-test in headless Chromium (runner and flags: .cargo/config.toml, webdriver.json).
# Chromium's profile, caches and temp files go to a scratch dir removed afterwards
# (short path: Chromium puts a UNIX socket under TMPDIR).
test-browser:
	@mkdir -p $(RESULTS)
	cargo_home=$${CARGO_HOME:-$$HOME/.cargo}; rustup_home=$${RUSTUP_HOME:-$$HOME/.rustup}; \
	scratch=$$(mktemp -d /tmp/lp-wbt-XXXXXX); trap 'rm -rf "$$scratch"' EXIT; \
	  CARGO_HOME=$$cargo_home RUSTUP_HOME=$$rustup_home \
	  TMPDIR=$$scratch HOME=$$scratch XDG_CONFIG_HOME=$$scratch/config XDG_CACHE_HOME=$$scratch/cache \
	  cargo test --target wasm32-unknown-unknown 2>&1 | tee $(RESULTS)/browser.log

build-e2e:
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	trunk build --release=true --dist $(DIST_SUBPATH) --public-url /leadpact/

# The first load (gzip -9) may not grow past tools/size-budget (bytes).
size-budget:
	node tools/size.mjs $(DIST_ROOT) --budget $$(cat tools/size-budget)

size: tools
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	node tools/size.mjs $(DIST_ROOT)

# Lighthouse (issue 15): the release build served with gzip, mobile and
# desktop, medians of 3 runs. Lighthouse is installed here only, not by
# `make test`.
LH_STAMP := $(TOOLS)/lighthouse/.npm-$(shell cksum < tools/lighthouse/package-lock.json | cut -d' ' -f1)
$(LH_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	mkdir -p $(TOOLS)/lighthouse
	cp tools/lighthouse/package.json tools/lighthouse/package-lock.json $(TOOLS)/lighthouse/
	# `npm ci` refuses lighthouse 12.8.2's own lockfile ("Missing:
	# third-party-web"), an npm quirk; install follows the lockfile.
	npm install --prefix $(TOOLS)/lighthouse --no-audit --no-fund
	touch $@

lighthouse: tools browser $(LH_STAMP)
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	node tools/lighthouse.mjs $(DIST_ROOT) $(TOOLS)/lighthouse/node_modules/.bin/lighthouse 3 simulate
	node tools/lighthouse.mjs $(DIST_ROOT) $(TOOLS)/lighthouse/node_modules/.bin/lighthouse 3 devtools

test-e2e:
	LEADPACT_DIST_ROOT=$(DIST_ROOT) LEADPACT_DIST_SUBPATH=$(DIST_SUBPATH) \
	  cargo test -p leadpact-e2e -- --test-threads=1 2>&1 | tee $(RESULTS)/e2e.log

# criterion benchmarks of the domain engine (figures in BENCHMARKS.md).
bench:
	cargo bench --bench engine --bench io

# In-browser measurements in headless Chromium, release build: IndexedDB load, CSV, backups, an edit
# until the screen shows it, then the whole app (bench-memory: memory, cold start, backup import).
bench-browser: tools browser
	cargo_home=$${CARGO_HOME:-$$HOME/.cargo}; rustup_home=$${RUSTUP_HOME:-$$HOME/.rustup}; \
	scratch=$$(mktemp -d /tmp/lp-wbb-XXXXXX); trap 'rm -rf "$$scratch"' EXIT; \
	  CARGO_HOME=$$cargo_home RUSTUP_HOME=$$rustup_home WASM_BINDGEN_TEST_TIMEOUT=900 \
	  TMPDIR=$$scratch HOME=$$scratch XDG_CONFIG_HOME=$$scratch/config XDG_CACHE_HOME=$$scratch/cache \
	  cargo test --release --target wasm32-unknown-unknown --features browser-bench --test browser_bench -- --nocapture
	$(MAKE) bench-memory

# The team-sync tests only: merge rules, bookkeeping and protocol natively,
# then the two-browser journeys against PouchDB Server.
test-sync: tools browser
	cargo test --lib sync:: storage::
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	LEADPACT_DIST_ROOT=$(DIST_ROOT) cargo test -p leadpact-e2e --test team_sync -- --test-threads=1

# Team-sync figures (BENCHMARKS.md): first upload and download of 10 000
# leads with 100 000 activities, and an edit's way to another browser.
bench-sync: tools browser
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	LEADPACT_DIST_ROOT=$(DIST_ROOT) cargo test -p leadpact-e2e --features bench --test sync_bench -- --test-threads=1 --nocapture

# Wasm memory and JS heap after a reload with 10 000 leads (issue 16).
bench-memory: tools browser
	trunk build --release=true --dist $(DIST_ROOT) --public-url /
	LEADPACT_DIST_ROOT=$(DIST_ROOT) cargo test -p leadpact-e2e --features bench --test memory_bench -- --test-threads=1 --nocapture

dist: tools
	trunk build --release=true --public-url $(or $(PUBLIC_URL),/)

clean-tools:
	rm -rf $(TOOLS)
