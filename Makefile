# Bulkhead — the two commands a newcomer needs:
#   make demo   install what is missing, build, run the demo under QEMU
#   make test   install what is missing, build, run every test (ctest)
# `make` alone installs what is missing and builds everything into build/.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build demo test clean

all: build

setup:
	@bash scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD)

demo: build
	bash scripts/demo $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
