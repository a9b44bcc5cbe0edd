/*
 * spy — runs above owner and wakes every millisecond, so it preempts
 * owner while owner's secrets are live in the FP registers. Checks:
 *  - after every wake, no FP register and not FPSCR holds an owner value;
 *  - its own values survive its sleeps (owner used the FPU meanwhile).
 * Counts the wakes at which owner was preempted (READY, not blocked).
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"
#include "fp.h"
#include "secrets.h"

static void report(uint32_t rounds, uint32_t preempted)
{
    uint32_t msg[2] = {WHO_SPY, rounds | (preempted << 16)};
    bh_iovec_t in = {msg, sizeof msg};
    BH_CHECK(bh_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL) == BH_OK);
}

void spy_main(void)
{
    uint32_t seen[FP_WORDS], mine[FP_WORDS], back[FP_WORDS];
    uint32_t preempted = 0;
    fp_pattern(mine, SPY_TAG, SPY_FPSCR);
    for (uint32_t round = 1; round <= SPY_ROUNDS; round++) {
        bh_sleep(1);
        fp_dump(seen);
        no_owner_value(seen, "after a wake");
        preempted += bh_test(BH_TEST_BOX_STATE, BH_BOX_OWNER, 0) == BH_STATE_READY;
        fp_hold_sleeping(mine, back, 1);
        for (uint32_t i = 0; i < FP_WORDS; i++) {
            if (back[i] != mine[i]) {
                bh_printf("spy: FP word %lu is 0x%08lx after a sleep, wrote 0x%08lx", (unsigned long)i,
                          (unsigned long)back[i], (unsigned long)mine[i]);
                bh_test_exit(1);
            }
        }
        preempted += bh_test(BH_TEST_BOX_STATE, BH_BOX_OWNER, 0) == BH_STATE_READY;
    }
    report(SPY_ROUNDS, preempted);
    for (;;) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER); /* done: stay quiet (bh_exit would count as a fault) */
    }
}
