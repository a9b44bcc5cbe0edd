/*
 * monitor — the supervisor: reports every fault, and answers the
 * non-secure world's question "how often have I faulted, and how?"
 * (gateway ns_faults: out = {count, kind of the last fault}).
 * Runs: unprivileged Secure box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static void serve(void)
{
    bh_msg_t m;
    if (bh_get(BH_SIG_NS_FAULTS, &m) != BH_OK) {
        return;
    }
    bh_fault_t f = {0};
    uint32_t out[2] = {0, 0};
    if (bh_fault_info(BH_BOX_NONSECURE, &f) >= 0) {
        out[0] = f.count;
        out[1] = f.kind;
    }
    bh_write(m.handle, 0, out, sizeof out);
    bh_reply(m.handle, 0);
}

void monitor_main(void)
{
    uint32_t seen = 0;
    for (;;) {
        uint32_t sig = bh_wait(BH_SIG_FAULT | BH_SIG_NS_FAULTS, BH_FOREVER);
        if ((sig & BH_SIG_FAULT) != 0u) {
            bh_fault_t f;
            if (bh_fault_info(BH_BOX_NONSECURE, &f) >= 0 && f.count != seen) {
                seen = f.count;
                bh_printf("the non-secure world faulted (kind %lu, %lu so far); the kernel restarted it",
                          (unsigned long)f.kind, (unsigned long)f.count);
            }
        }
        if ((sig & BH_SIG_NS_FAULTS) != 0u) {
            serve();
        }
    }
}
