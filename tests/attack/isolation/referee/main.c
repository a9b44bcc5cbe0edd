/*
 * referee — relays the attack number from the controller to the attacker
 * and keeps the results that error-type attacks report.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

#define SLOTS 128u

static uint32_t armed;
static int32_t results[SLOTS];
static uint8_t have[SLOTS];

static uint32_t read_u32(uint32_t h, uint32_t i)
{
    uint32_t v = 0xFFFFFFFFu;
    bh_read(h, i, &v, sizeof v);
    return v;
}

static void serve(uint32_t sig, bh_msg_t *m)
{
    int32_t status = 0;
    if (sig == BH_SIG_ARM) {
        armed = read_u32(m->handle, 0);
    } else if (sig == BH_SIG_NEXT) {
        bh_write(m->handle, 0, &armed, sizeof armed);
    } else if (sig == BH_SIG_REPORT) {
        uint32_t pair[2] = {0xFFFFFFFFu, 0};
        bh_read(m->handle, 0, pair, sizeof pair);
        if (pair[0] < SLOTS) {
            results[pair[0]] = (int32_t)pair[1];
            have[pair[0]] = 1;
        }
    } else {
        uint32_t slot = read_u32(m->handle, 0);
        status = slot < SLOTS && have[slot];
        if (status) {
            bh_write(m->handle, 0, &results[slot], sizeof results[slot]);
        }
    }
    bh_reply(m->handle, status);
}

void referee_main(void)
{
    const uint32_t sigs[] = {BH_SIG_ARM, BH_SIG_NEXT, BH_SIG_REPORT, BH_SIG_RESULT};
    for (;;) {
        uint32_t got = bh_wait(BH_SIG_ARM | BH_SIG_NEXT | BH_SIG_REPORT | BH_SIG_RESULT, BH_FOREVER);
        for (uint32_t i = 0; i < 4u; i++) {
            bh_msg_t m;
            if ((got & sigs[i]) != 0u && bh_get(sigs[i], &m) == BH_OK) {
                serve(sigs[i], &m);
            }
        }
    }
}
