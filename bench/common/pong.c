/*
 * pong.c — the other half of the yield ping-pong: each round, woken by a
 * notify from the driver, it yields BENCH_ITERS times through the same
 * loop the driver uses. Same priority as the driver, so each yield hands
 * the CPU to the other box. A board's pong/main.c includes this file and
 * defines pong_main(): one round per bench_context_switch() of its driver
 * (bench/an386: the second round with FP state). Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bench.h"

/* One round: wait for the driver's notify, then yield BENCH_ITERS times. */
static void pong_round(void)
{
    bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
    bench_loop(op_yield, BENCH_ITERS);
}
