# How to build for and run on boards/an385 (read by cmake/bulkhead.cmake).
# Cortex-M3: no FPU.
set(BH_BOARD_ARCH armv7m)
set(BH_BOARD_KERNEL_FLAGS -mcpu=cortex-m3 -mthumb -mfloat-abi=soft)
set(BH_BOARD_BOX_FLAGS -mcpu=cortex-m3 -mthumb -mfloat-abi=soft)
set(BH_BOARD_KERNEL_DEFS)
set(BH_BOARD_QEMU mps2-an385)
