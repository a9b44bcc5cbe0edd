/* spinner — lowest priority; once told to start, never blocks again:
 * higher-priority boxes must still run on time (tick preemption). */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void spinner_main(void)
{
    bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
    volatile uint32_t n = 0;
    for (;;) {
        n++;
    }
}
