# The two commands of the README: `make run` (server with demo data on SQLite) and `make test` (every test).
SWIFT ?= swift
ENGINE ?= sqlite
PORT ?= 8080
HOST ?= 0.0.0.0

.PHONY: run test build build-tests test-sqlite test-postgres test-contract test-browser benchmark loadtest

run:
	scripts/install-deps.sh run
	$(SWIFT) build --product kinerja
	.build/debug/kinerja demo --if-missing --pk
	.build/debug/kinerja serve --hostname $(HOST) --port $(PORT)

build-tests:
	$(SWIFT) build --build-tests

# Dependencies first: the build itself needs the C libraries' headers (libhpdf, libqrencode).
test:
	scripts/install-deps.sh test
	$(MAKE) build-tests
	$(MAKE) test-sqlite test-postgres test-contract test-browser

test-sqlite:
	$(SWIFT) test --skip-build

test-postgres:
	scripts/with-postgres.sh $(SWIFT) test --skip-build

test-contract:
	scripts/contract-test.sh
	KINERJA_CONTRACT_PORT=18081 scripts/with-postgres.sh scripts/contract-test.sh

test-browser:
	scripts/browser-test.sh

benchmark:
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

# Release server under wrk on the demo kota: page | req/s | ratio to /healthz | p50 | p99 | SQL per request.
# ENGINE=postgres measures on a throwaway PostgreSQL.
loadtest:
	scripts/install-deps.sh test
	ENGINE=$(ENGINE) scripts/loadtest.sh
