# How to build for and run on boards/an386 (read by cmake/bulkhead.cmake).
# Cortex-M4F: boxes are built for the FPU (hard-float ABI); the kernel is
# built without FP and keeps each box's FP registers apart (BH_ARCH_FPU,
# kernel/arch/armv7m/switch.S).
set(BH_BOARD_ARCH armv7m)
set(BH_BOARD_KERNEL_FLAGS -mcpu=cortex-m4 -mthumb -mfloat-abi=soft)
set(BH_BOARD_BOX_FLAGS -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
set(BH_BOARD_KERNEL_DEFS BH_ARCH_FPU=1)
set(BH_BOARD_QEMU mps2-an386)
