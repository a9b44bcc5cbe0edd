/*
 * server — the gateways the tester exercises:
 *  echo: concatenates all input vectors and writes them out, filling the
 *        output vectors in order; status = bytes read
 *  status: replies with status = op (any 32-bit value, passed through)
 *  slow: takes the call and never replies in time (gateway deadline 20 ms)
 *  probe: replies to the held slow call now; status = what the kernel said
 *  state: status = data_var << 16 | bss_var; bump: increments both
 *  crash: faults while serving (policy restart); hold: kept in flight
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static uint32_t data_var = 42;
static uint32_t bss_var;
static uint32_t slow_handle;
static uint32_t hold_handle;

static int32_t echo(const bh_msg_t *m)
{
    uint8_t buf[256];
    uint32_t n = 0;
    for (uint32_t i = 0; i < BH_MAX_IOVEC; i++) {
        int32_t r;
        while (n < sizeof buf && (r = bh_read(m->handle, i, buf + n, sizeof buf - n)) > 0) {
            n += (uint32_t)r;
        }
    }
    uint32_t done = 0;
    for (uint32_t o = 0; o < BH_MAX_IOVEC && done < n; o++) {
        uint32_t k = m->out_len[o] < n - done ? m->out_len[o] : n - done;
        if (k != 0u && bh_write(m->handle, o, buf + done, k) == BH_OK) {
            done += k;
        }
    }
    return (int32_t)n;
}

static void serve(uint32_t sig, const bh_msg_t *m)
{
    int32_t status = 0;
    switch (sig) {
    case BH_SIG_ECHO: status = echo(m); break;
    case BH_SIG_STATUS: status = m->op; break;
    case BH_SIG_SLOW: slow_handle = m->handle; return;
    case BH_SIG_HOLD: hold_handle = m->handle; return;
    case BH_SIG_PROBE: status = bh_reply(slow_handle, 0); break;
    case BH_SIG_STATE: status = (int32_t)((data_var << 16) | bss_var); break;
    case BH_SIG_BUMP: data_var++; bss_var++; break;
    case BH_SIG_CRASH: *(volatile uint32_t *)BH_KERNEL_RAM_BASE = 0; break;
    default: break;
    }
    bh_reply(m->handle, status);
}

void server_main(void)
{
    const uint32_t sigs[] = {BH_SIG_ECHO, BH_SIG_STATUS, BH_SIG_PRIVATE, BH_SIG_SLOW, BH_SIG_PROBE,
                             BH_SIG_STATE, BH_SIG_BUMP, BH_SIG_CRASH, BH_SIG_HOLD};
    uint32_t all = 0;
    for (uint32_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        all |= sigs[i];
    }
    for (;;) {
        uint32_t got = bh_wait(all, BH_FOREVER);
        for (uint32_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            bh_msg_t m;
            if ((got & sigs[i]) != 0u && bh_get(sigs[i], &m) == BH_OK) {
                serve(sigs[i], &m);
            }
        }
    }
}
