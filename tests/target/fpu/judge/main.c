/*
 * judge — collects the reports of owner (rounds whose FP values came back
 * intact) and spy (rounds without a leak, wakes that preempted owner) and
 * passes the run once both are complete. It has never executed an FP
 * instruction when owner's first report arrives (owner's secrets were in
 * the FP registers a moment ago): its first look at the FP registers must
 * find them all zero, the state of a box without FP context.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"
#include "fp.h"
#include "secrets.h"

static void first_look(void)
{
    uint32_t seen[FP_WORDS];
    fp_dump(seen);
    no_owner_value(seen, "at judge's first look");
    for (uint32_t i = 0; i < FP_WORDS; i++) {
        if (seen[i] != 0u) {
            bh_printf("judge: FP word %lu is 0x%08lx at its first look, expected 0", (unsigned long)i,
                      (unsigned long)seen[i]);
            bh_test_exit(1);
        }
    }
    bh_printf("first look at the FP registers by a box without FP state: all zero");
}

void judge_main(void)
{
    uint32_t owner_rounds = 0, spy_rounds = 0, preempted = 0;
    for (;;) {
        bh_wait(BH_SIG_REPORT, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_REPORT, &m) != BH_OK) {
            continue;
        }
        uint32_t msg[2] = {0, 0};
        BH_CHECK(bh_read(m.handle, 0, msg, sizeof msg) == (int32_t)sizeof msg);
        bh_reply(m.handle, 0);
        if (msg[0] == WHO_OWNER) {
            if (owner_rounds == 0u) {
                first_look();
            }
            owner_rounds = msg[1];
        } else {
            spy_rounds = msg[1] & 0xFFFFu;
            preempted = msg[1] >> 16;
        }
        if (owner_rounds == OWNER_ROUNDS && spy_rounds == SPY_ROUNDS) {
            bh_printf("owner kept its FP values for %lu rounds; spy saw none in %lu rounds "
                      "(owner preempted at %lu wakes), kept its own",
                      (unsigned long)owner_rounds, (unsigned long)spy_rounds, (unsigned long)preempted);
            BH_CHECK(preempted >= MIN_PREEMPTED);
            bh_test_exit(0);
        }
    }
}
