# Bulkhead — the two commands a newcomer needs:
#   make demo   install what is missing, build, run the demo under QEMU
#               (BOARD=an505, the default; BOARD=an385 or an386 for ARMv7-M)
#   make demo-tz  the TrustZone demo: a non-secure application writes to a
#               Secure UART through its proxy driver (an505)
#   make test   install what is missing, build, run every test (ctest),
#               the Frama-C proofs of kernel/core included
#   make prove  only the proofs (scripts/prove; docs/proofs.md)
#   make bench  build, run the benchmarks: build/bench/results.json and the
#               table in docs/benchmarks.md (compared with bench/baseline.json)
# `make` alone installs what is missing and builds everything into build/.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build demo demo-tz test bench prove clean

all: build

setup:
	@bash scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD)

BOARD ?= an505

demo: build
	bash scripts/demo $(BUILD) $(BOARD)

demo-tz: build
	bash scripts/demo-tz $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

prove: setup
	bash scripts/prove $(BUILD)

bench: build
	bash scripts/bench --build $(BUILD) --docs docs/benchmarks.md --baseline bench/baseline.json

clean:
	rm -rf $(BUILD)
