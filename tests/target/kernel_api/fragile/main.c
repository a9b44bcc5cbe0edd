/* fragile — policy stop: faults while serving its only gateway. */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void fragile_main(void)
{
    bh_wait(BH_SIG_FRAGILE_CRASH, BH_FOREVER);
    bh_msg_t m;
    bh_get(BH_SIG_FRAGILE_CRASH, &m);
    *(volatile uint32_t *)BH_KERNEL_RAM_BASE = 1; /* kernel RAM */
    bh_reply(m.handle, 0);
    bh_wait(0, BH_FOREVER);
}
