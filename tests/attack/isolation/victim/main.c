/*
 * victim — holds a secret in its data and answers heartbeats. The
 * controller checks after every attack that the secret is intact.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static uint32_t secret[16] = {0x5EC12E7u, 0xC0FFEEu, 0xFEEDF00Du, 0xDEADBEEFu, 1, 2, 3, 4,
                              5, 6, 7, 8, 9, 10, 11, 12};

static uint32_t checksum(void)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < 16u; i++) {
        s = s * 31u + secret[i];
    }
    return s;
}

static void serve(uint32_t sig, const bh_msg_t *m)
{
    int32_t status = 1;
    if (sig == BH_SIG_CHECKSUM) {
        uint32_t c = checksum();
        bh_write(m->handle, 0, &c, sizeof c);
    } else if (sig == BH_SIG_ECHO) {
        char buf[64];
        int32_t n = bh_read(m->handle, 0, buf, sizeof buf);
        bh_write(m->handle, 0, buf, n > 0 ? (uint32_t)n : 0u);
        status = n;
    }
    bh_reply(m->handle, status);
}

void victim_main(void)
{
    const uint32_t sigs[] = {BH_SIG_HEARTBEAT, BH_SIG_CHECKSUM, BH_SIG_ECHO, BH_SIG_PRIVATE};
    for (;;) {
        uint32_t got = bh_wait(BH_SIG_HEARTBEAT | BH_SIG_CHECKSUM | BH_SIG_ECHO | BH_SIG_PRIVATE, BH_FOREVER);
        for (uint32_t i = 0; i < 4u; i++) {
            bh_msg_t m;
            if ((got & sigs[i]) != 0u && bh_get(sigs[i], &m) == BH_OK) {
                serve(sigs[i], &m);
            }
        }
    }
}
