/*
 * bench.h — what every benchmark box shares: the iteration count, the
 * measured loop and the operations it repeats (docs/benchmarks.md).
 *
 * The loop and the operations are noipa functions so that the compiler
 * cannot fold, clone or inline them: the loop with op_nothing then costs
 * exactly what the loop with any other op costs minus that op's body,
 * which is how loop overhead is subtracted. Each box that includes this
 * gets its own copy (boxes are linked alone), with identical code.
 * Runs: unprivileged, inside a box.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#include <bulkhead/bh.h>

#define BENCH_ITERS 10000u
#define BENCH_MAX_BYTES 256u

/* Markers (driver only): bhcount opens, closes and reports intervals when
 * these functions' first instruction executes. Defined in driver.c. */
void bench_start(void);
void bench_stop(void);
void bench_flush(void);

#define BENCH_NOIPA __attribute__((noipa, unused))

BENCH_NOIPA static void op_nothing(void)
{
    __asm volatile("" ::: "memory");
}

BENCH_NOIPA static void op_yield(void)
{
    (void)bh_yield();
}

/* n calls of op: the loop whose overhead op_nothing measures. */
BENCH_NOIPA static void bench_loop(void (*op)(void), uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        op();
    }
}

#endif
