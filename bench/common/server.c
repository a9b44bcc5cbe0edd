/*
 * server.c — the echo server: gateway "echo" reads the caller's input
 * vector and writes the same bytes back. With no vectors (0 bytes) it only
 * takes the call and replies, the shortest possible round trip.
 * Reply status: the bytes echoed. Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bench.h"
#include "bh_ids.h"

static uint8_t buf[BENCH_MAX_BYTES];

void server_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_ECHO, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_ECHO, &m) != BH_OK) {
            continue;
        }
        uint32_t n = m.in_len[0] < sizeof buf ? m.in_len[0] : sizeof buf;
        if (n != 0u) {
            bh_read(m.handle, 0, buf, n);
            bh_write(m.handle, 0, buf, n);
        }
        bh_reply(m.handle, (int32_t)n);
    }
}
