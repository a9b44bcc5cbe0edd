/* high — highest priority: counts notifications; serves the count. */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void high_main(void)
{
    uint32_t count = 0;
    for (;;) {
        uint32_t sig = bh_wait(BH_SIG_NOTIFY | BH_SIG_HIGH_COUNT, BH_FOREVER);
        if ((sig & BH_SIG_NOTIFY) != 0u) {
            count++;
        }
        bh_msg_t m;
        if ((sig & BH_SIG_HIGH_COUNT) != 0u && bh_get(BH_SIG_HIGH_COUNT, &m) == BH_OK) {
            bh_reply(m.handle, (int32_t)count);
        }
    }
}
