/*
 * arch_types.h (armv7m) — per-box context layout for ARMv7-M (Cortex-M3,
 * Cortex-M4F). No stack-limit register: a box's stack sits at the base of
 * its RAM region, so an overflow runs off the region and the MPU faults.
 * With an FPU (BH_ARCH_FPU, an386) the context also keeps s16-s31: the
 * hardware stacks s0-s15 and FPSCR itself (eagerly, FPCCR.LSPEN = 0).
 * The offsets are used by switch.S; the _Static_asserts keep them honest.
 */
#ifndef BH_ARCH_TYPES_H
#define BH_ARCH_TYPES_H

#include <stddef.h>
#include <stdint.h>

#define BH_MPU_SLOTS 8u
#define BH_ARCH_IRQ_LINES 32u /* NVIC lines the vector table and priority set-up cover */
#define BH_ARCH_PSPLIM 0       /* no stack-limit registers */
#define BH_ARCH_SECURITY 0     /* no Security Extension */
#ifndef BH_ARCH_FPU
#define BH_ARCH_FPU 0          /* 1 on Cortex-M4F boards (set by the board's build.cmake) */
#endif

typedef struct {
    uint32_t psp;        /* 0  */
    uint32_t control;    /* 4  */
    uint32_t exc_return; /* 8  */
    uint32_t r4_r11[8];  /* 12 */
    uint32_t mpu[2u * BH_MPU_SLOTS]; /* 44: RBAR (with VALID and REGION), RASR pairs */
#if BH_ARCH_FPU
    uint32_t s16_s31[16]; /* 108: callee-saved FP registers of a box with FP state */
#endif
} bh_arch_box_t;

/* Hardware exception frame (basic; an FP frame adds s0-s15, FPSCR after it). */
typedef struct {
    uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
} bh_frame_t;

_Static_assert(offsetof(bh_arch_box_t, control) == 4, "switch.S layout");
_Static_assert(offsetof(bh_arch_box_t, exc_return) == 8, "switch.S layout");
_Static_assert(offsetof(bh_arch_box_t, r4_r11) == 12, "switch.S layout");
_Static_assert(offsetof(bh_arch_box_t, mpu) == 44, "switch.S layout");
#if BH_ARCH_FPU
_Static_assert(offsetof(bh_arch_box_t, s16_s31) == 108, "switch.S layout");
#endif

#endif
