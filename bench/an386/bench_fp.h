/*
 * bench_fp.h (an386) — giving a benchmark box FP state, for the figures
 * that show what the kernel's eager FP context costs (docs/benchmarks.md,
 * "Floating point on an386").
 *
 * A box has FP state once it has executed an FP instruction: the core sets
 * CONTROL.FPCA, every exception it takes from then on stacks s0-s15 and
 * FPSCR too (FPCCR.LSPEN = 0), and the kernel saves and restores its
 * s16-s31 on every switch (kernel/arch/armv7m/switch.S). A box keeps it
 * until it is restarted. The common figures are measured before any box
 * has it; the FP figures after.
 * Runs: unprivileged (included by the an386 driver and pong).
 */
#ifndef BENCH_FP_H
#define BENCH_FP_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/bench.h"

#define BENCH_CONTROL_FPCA (1u << 2)

/* Whether this box has FP state (CONTROL.FPCA; CONTROL is readable unprivileged). */
static inline bool bench_fp_active(void)
{
    uint32_t control;
    __asm volatile("mrs %0, control" : "=r"(control));
    return (control & BENCH_CONTROL_FPCA) != 0u;
}

/*
 * Gives the box FP state (s16 = tag, s31 = ~tag), runs run(), and reports
 * whether both registers still hold their values: s16-s31 are callee-saved
 * (AAPCS), so only the kernel could have lost them. noipa: the FP
 * instructions (these and the s16/s31 save the clobbers add to the
 * prologue) stay in this function, so the caller has no FP state before
 * it calls it.
 */
BENCH_NOIPA static bool bench_fp_kept_across(void (*run)(void), uint32_t tag)
{
    __asm volatile("vmov s16, %0\n"
                   "vmov s31, %1"
                   :
                   : "r"(tag), "r"(~tag)
                   : "s16", "s31");
    run();
    uint32_t lo, hi;
    __asm volatile("vmov %0, s16\n"
                   "vmov %1, s31"
                   : "=r"(lo), "=r"(hi));
    return lo == tag && hi == ~tag;
}

#endif
