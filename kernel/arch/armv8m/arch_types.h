/*
 * arch_types.h (armv8m) — per-box context layout for ARMv8-M Mainline.
 * The offsets are used by switch.S; the _Static_asserts keep them honest.
 */
#ifndef BH_ARCH_TYPES_H
#define BH_ARCH_TYPES_H

#include <stddef.h>
#include <stdint.h>

#define BH_MPU_SLOTS 8u
#define BH_ARCH_IRQ_LINES 124u /* NVIC lines the vector table and priority set-up cover */
#define BH_ARCH_PSPLIM 1       /* stack-limit registers (PSPLIM/MSPLIM) */
#define BH_ARCH_SECURITY 1     /* Security Extension: SecureFault, SFSR/SFAR */

typedef struct {
    uint32_t psp;        /* 0  */
    uint32_t psplim;     /* 4  */
    uint32_t control;    /* 8  */
    uint32_t exc_return; /* 12 */
    uint32_t r4_r11[8];  /* 16 */
    uint32_t mpu[2u * BH_MPU_SLOTS]; /* 48: RBAR, RLAR pairs */
} bh_arch_box_t;

/* Hardware exception frame (basic, no FP). */
typedef struct {
    uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
} bh_frame_t;

_Static_assert(offsetof(bh_arch_box_t, r4_r11) == 16, "switch.S layout");
_Static_assert(offsetof(bh_arch_box_t, mpu) == 48, "switch.S layout");

#endif
