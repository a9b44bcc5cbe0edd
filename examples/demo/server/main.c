/*
 * server — serves "echo" (returns its input) and "heartbeat" (status 1).
 * Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static uint32_t served;

static void serve_echo(const bh_msg_t *m)
{
    char buf[64];
    int32_t n = bh_read(m->handle, 0, buf, sizeof buf);
    if (n > 0) {
        bh_write(m->handle, 0, buf, (uint32_t)n);
    }
    served++;
    bh_reply(m->handle, n);
}

void server_main(void)
{
    bh_printf("server up: serving echo and heartbeat");
    for (;;) {
        uint32_t sig = bh_wait(BH_SIG_ECHO | BH_SIG_HEARTBEAT, BH_FOREVER);
        bh_msg_t m;
        if ((sig & BH_SIG_ECHO) != 0u && bh_get(BH_SIG_ECHO, &m) == BH_OK) {
            serve_echo(&m);
        }
        if ((sig & BH_SIG_HEARTBEAT) != 0u && bh_get(BH_SIG_HEARTBEAT, &m) == BH_OK) {
            bh_reply(m.handle, 1);
        }
    }
}
