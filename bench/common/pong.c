/*
 * pong.c — the other half of the yield ping-pong: woken by a notify from
 * the driver, it yields BENCH_ITERS times through the same loop the
 * driver uses, then waits again. Same priority as the driver, so each
 * yield hands the CPU to the other box. Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bench.h"

void pong_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
        bench_loop(op_yield, BENCH_ITERS);
    }
}
