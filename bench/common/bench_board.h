/*
 * bench_board.h — what the benchmark boxes need to know about the board:
 * the timer the driver owns (CMSDK APB timer1) and an address no box may
 * store to. Board-neutral: every value comes from the generated bh_ids.h,
 * and every board file names its CMSDK timer "timer1" (an505: IRQ 4 at
 * 0x50001000; an385, an386: IRQ 9 at 0x40001000), so one header serves
 * all of them. A board without a CMSDK timer called "timer1" needs this
 * header extended.
 * Runs: unprivileged (included by box code).
 */
#ifndef BENCH_BOARD_H
#define BENCH_BOARD_H

#include <stdint.h>

#include "bh_ids.h"

#define BENCH_TIMER_SIG BH_SIG_IRQ_TIMER1
#define BENCH_FORBIDDEN_ADDR BH_KERNEL_RAM_BASE

#define BENCH_TIMER_REG(off) (*(volatile uint32_t *)(BH_PERIPH_BASE_TIMER1 + (off)))
#define BENCH_TIMER_CTRL BENCH_TIMER_REG(0x0u)
#define BENCH_TIMER_VALUE BENCH_TIMER_REG(0x4u)
#define BENCH_TIMER_RELOAD BENCH_TIMER_REG(0x8u)
#define BENCH_TIMER_INTCLEAR BENCH_TIMER_REG(0xCu)

/* 1000 timer ticks = 50 us at 20 MHz (an505), 40 us at 25 MHz (an385,
 * an386): far more than the driver needs to block, so the interrupt always
 * finds every box waiting (CPU idle). */
static inline void bench_timer_arm(void)
{
    BENCH_TIMER_RELOAD = 1000u;
    BENCH_TIMER_VALUE = 1000u;
    BENCH_TIMER_CTRL = 1u | 8u; /* enable, interrupt enable */
}

static inline void bench_timer_disarm(void)
{
    BENCH_TIMER_CTRL = 0u;
    BENCH_TIMER_INTCLEAR = 1u;
}

#endif
