/*
 * ticker — the highest-priority box: counts the milliseconds it gets to
 * run (one bh_wait timeout each) and reports the count to the referee. If
 * the non-secure world could starve the Secure side, the count would stall.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void ticker_main(void)
{
    uint32_t count = 0;
    for (;;) {
        if (bh_wait(BH_SIG_TICKS, 1) == 0u) {
            count++;
            continue;
        }
        bh_msg_t m;
        if (bh_get(BH_SIG_TICKS, &m) == BH_OK) {
            bh_write(m.handle, 0, &count, sizeof count);
            bh_reply(m.handle, 0);
        }
    }
}
