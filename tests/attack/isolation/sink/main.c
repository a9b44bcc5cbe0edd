/*
 * sink — a broken server: takes every call and answers only long after
 * the caller's deadline. Its late reply must be refused as stale; it
 * reports what the kernel said to the referee.
 */
#include <bulkhead/rt.h>

#include "attacks.h"
#include "bh_ids.h"

void sink_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_BLACKHOLE, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_BLACKHOLE, &m) != BH_OK) {
            continue;
        }
        bh_sleep(100); /* the caller's deadline is 20 ms */
        uint32_t report[2] = {SLOT_SINK_LATE_REPLY, (uint32_t)bh_reply(m.handle, 0)};
        bh_iovec_t in = {report, sizeof report};
        bh_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL);
    }
}
