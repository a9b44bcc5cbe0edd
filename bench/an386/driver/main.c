/*
 * driver box of the benchmark system on an386 (Cortex-M4F): the common
 * figures (bench/common/driver.c), measured while no box has FP state,
 * then two that show what the kernel's eager FP context costs:
 *  - context_switch_fp: the yield ping-pong again, with driver and pong
 *    both holding FP state (pong's second round, bench/an386/pong), so
 *    every switch saves and loads s16-s31;
 *  - gateway_round_trip_fp 0: the 0-byte echo round trip from a caller
 *    with FP state to a server without.
 * Runs: unprivileged box.
 */
#include "../../common/driver.c"
#include "../bench_fp.h"

#define DRIVER_FP_TAG 0x3F800000u /* 1.0f */

static void bench_fp_figures(void)
{
    if (!bench_fp_active()) {
        fail("no FP state after an FP instruction");
    }
    bench_context_switch("context_switch_fp");
    bench_gateway("gateway_round_trip_fp", 0);
}

void driver_main(void)
{
    bench_common();
    if (bench_fp_active()) {
        fail("FP state during the common figures");
    }
    if (!bench_fp_kept_across(bench_fp_figures, DRIVER_FP_TAG)) {
        fail("s16/s31 changed across the FP figures");
    }
    bench_done();
}
