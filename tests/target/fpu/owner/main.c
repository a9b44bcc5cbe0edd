/*
 * owner — keeps secrets in all of s0-s31 and FPSCR while it busy-loops
 * and is preempted (by spy's sleep deadlines) many times, then reads them
 * back: every value must be its own, unchanged (the kernel saved and
 * restored its FP state while other boxes ran). Reports each round to judge.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"
#include "fp.h"
#include "secrets.h"

static void report(uint32_t rounds)
{
    uint32_t msg[2] = {WHO_OWNER, rounds};
    bh_iovec_t in = {msg, sizeof msg};
    BH_CHECK(bh_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL) == BH_OK);
}

void owner_main(void)
{
    uint32_t secret[FP_WORDS], back[FP_WORDS];
    fp_pattern(secret, OWNER_TAG, OWNER_FPSCR);
    for (uint32_t round = 1; round <= OWNER_ROUNDS; round++) {
        fp_hold_spinning(secret, back, OWNER_SPINS);
        for (uint32_t i = 0; i < FP_WORDS; i++) {
            if (back[i] != secret[i]) {
                bh_printf("owner: FP word %lu is 0x%08lx after preemption, wrote 0x%08lx", (unsigned long)i,
                          (unsigned long)back[i], (unsigned long)secret[i]);
                bh_test_exit(1);
            }
        }
        report(round);
    }
    for (;;) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER); /* done: stay quiet (bh_exit would count as a fault) */
    }
}
