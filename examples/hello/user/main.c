/* user — calls counter.add three times. Runs: unprivileged box. */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void user_main(void)
{
    for (uint32_t i = 1; i <= 3; i++) {
        uint32_t total = 0;
        bh_iovec_t in = {&i, sizeof i};
        bh_iovec_t out = {&total, sizeof total};
        int32_t status = 0;
        int32_t err = bh_call(BH_GW_ADD, 0, &in, 1, &out, 1, &status);
        bh_printf("add(%lu) -> err %ld, total %lu", (unsigned long)i, (long)err, (unsigned long)total);
    }
    bh_wait(0, BH_FOREVER); /* park: returning would end the box (bh_exit) */
}
