/* bomb — on the tester's go, writes kernel memory; its policy is reset. */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void bomb_main(void)
{
    bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
    bh_printf("writing kernel memory");
    *(volatile uint32_t *)BH_KERNEL_RAM_BASE = 0;
    bh_printf("kernel memory written -- isolation broken");
    bh_wait(0, BH_FOREVER);
}
