/*
 * pong box of the benchmark system on an386 (Cortex-M4F): a plain round
 * for context_switch, then a round with FP state for context_switch_fp
 * (bench/an386/driver). It takes FP state before it waits for the second
 * notify, so no FP instruction of pong's runs inside a measurement.
 * Runs: unprivileged box.
 */
#include "../../common/pong.c"
#include "../bench_fp.h"

#define PONG_FP_TAG 0x40000000u /* 2.0f */

/* bh_log, not bh_printf: pong's 32 bytes of data and 256 of stack have no
 * room for newlib's printf. */
#define PONG_FAIL(why) pong_fail("BENCH FAIL pong: " why, sizeof("BENCH FAIL pong: " why) - 1u)

__attribute__((noreturn)) static void pong_fail(const char *line, uint32_t len)
{
    (void)bh_log(line, len);
    for (;;) {
        bh_wait(0, BH_FOREVER);
    }
}

static void pong_fp_round(void)
{
    if (!bench_fp_active()) {
        PONG_FAIL("no FP state after an FP instruction");
    }
    pong_round();
}

void pong_main(void)
{
    pong_round();
    if (bench_fp_active()) {
        PONG_FAIL("FP state during context_switch");
    }
    if (!bench_fp_kept_across(pong_fp_round, PONG_FP_TAG)) {
        PONG_FAIL("s16/s31 changed across context_switch_fp");
    }
    for (;;) {
        bh_wait(0, BH_FOREVER);
    }
}
