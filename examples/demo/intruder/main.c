/*
 * intruder — a compromised box. In its first life it tries to read the
 * server's private memory; the MPU stops it and the kernel restarts it.
 * In its second life it behaves: it checks the server with the heartbeat
 * gateway it was granted, and tells the client it is done.
 * Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void intruder_main(void)
{
    bh_self_t me;
    bh_self(&me);
    if (me.generation == 1u) {
        volatile const uint32_t *secret = (const uint32_t *)BH_RAM_BASE_SERVER;
        bh_printf("generation 1: reading the server's memory at 0x%08lx", (unsigned long)BH_RAM_BASE_SERVER);
        bh_printf("read %08lx -- isolation is broken!", (unsigned long)*secret);
    }
    int32_t status = 0;
    int32_t err = bh_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, &status);
    bh_printf("generation %lu: behaving; heartbeat -> %s", (unsigned long)me.generation,
              err == BH_OK ? "ok" : "error");
    bh_notify(BH_BOX_CLIENT);
    bh_wait(0, BH_FOREVER);
}
