/*
 * other — on the tester's go, calls server.hold (which the server keeps
 * in flight) and reports what the kernel answered to the tester.
 * Also the only caller of server.private.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void other_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
        int32_t r = bh_call(BH_GW_HOLD, 0, NULL, 0, NULL, 0, NULL);
        bh_iovec_t in = {&r, sizeof r};
        bh_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL);
    }
}
