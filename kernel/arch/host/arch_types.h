/*
 * arch_types.h (host) — per-box context for the host simulation.
 *
 * The host "CPU" never runs box code: a unit test plays the box by filling
 * the registers of its exception frame and entering the kernel itself.
 * So a context is only where that frame lives in simulated box RAM (psp,
 * a 32-bit simulated address, never a host pointer) plus what the tests
 * want to observe about it. The frame layout is the target's (armv8m
 * basic frame) so the core sees the same registers in the same places.
 * Runs: host only (unit tests). Trusts: nothing; holds plain data.
 */
#ifndef BH_ARCH_TYPES_H
#define BH_ARCH_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t psp;      /* simulated address of the saved frame */
    uint32_t psplim;   /* lowest address of the box's stack */
    uint32_t entry;    /* entry given to the last bh_arch_box_init */
    uint32_t inits;    /* bh_arch_box_init calls (boot + restarts) */
    uint32_t nmpu;     /* regions encoded by bh_arch_mpu_prepare */
    bool idle;         /* the idle context: its frame lives in host memory */
} bh_arch_box_t;

/* Hardware exception frame (basic, no FP), as on the target. */
typedef struct {
    uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
} bh_frame_t;

_Static_assert(sizeof(bh_frame_t) == 32u, "same frame as armv8m");

#endif
