/* counter — serves "add": adds the caller's number to a running total
 * and returns the new total. Runs: unprivileged box. */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static uint32_t total;

void counter_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_ADD, BH_FOREVER);
        bh_msg_t m;
        while (bh_get(BH_SIG_ADD, &m) == BH_OK) {
            uint32_t n = 0;
            bh_read(m.handle, 0, &n, sizeof n);
            total += n;
            bh_write(m.handle, 0, &total, sizeof total);
            bh_reply(m.handle, 0);
        }
    }
}
