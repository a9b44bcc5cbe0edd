/*
 * looper — crash-loops: after the controller's go, every generation
 * faults at once. Its restart budget (3 in 10 s) must turn this into stop.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void looper_main(void)
{
    bh_self_t me;
    bh_self(&me);
    if (me.generation == 1u) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
    }
    bh_printf("generation %lu crashing", (unsigned long)me.generation);
    *(volatile uint32_t *)BH_KERNEL_RAM_BASE = 0; /* kernel RAM: MemManage */
    for (;;) {
        bh_wait(BH_SIG_LOOPER_SVC, BH_FOREVER);
    }
}
