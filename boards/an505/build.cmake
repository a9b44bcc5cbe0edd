# How to build for and run on boards/an505 (read by cmake/bulkhead.cmake).
# Kernel and boxes: Cortex-M33, no FP (the FPU stays off; an FP instruction
# in a box is a UsageFault).
set(BH_BOARD_ARCH armv8m)
set(BH_BOARD_KERNEL_FLAGS -mcpu=cortex-m33 -mthumb -mfloat-abi=soft)
set(BH_BOARD_BOX_FLAGS -mcpu=cortex-m33 -mthumb -mfloat-abi=soft)
set(BH_BOARD_KERNEL_DEFS)
set(BH_BOARD_QEMU mps2-an505)
