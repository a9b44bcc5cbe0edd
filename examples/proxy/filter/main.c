/*
 * filter — the decision box: every request of the non-secure world's proxy
 * driver comes here first. A line reaches the UART only if it is 1 to 64
 * bytes of printable ASCII (or '\n'): no control or escape sequences, so
 * the non-secure side can neither reprogram a terminal nor smuggle binary
 * data out. Refused: status FILTER_REFUSED and nothing reaches the driver.
 * Runs: unprivileged Secure box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

#define FILTER_REFUSED (-100)

static int32_t check(const uint8_t *b, int32_t n)
{
    if (n <= 0 || n > 64) {
        return -1;
    }
    for (int32_t i = 0; i < n; i++) {
        if ((b[i] < 0x20u || b[i] > 0x7Eu) && b[i] != '\n') {
            return i;
        }
    }
    return -2;
}

static int32_t handle(const bh_msg_t *m)
{
    uint8_t buf[64];
    int32_t n = bh_read(m->handle, 0, buf, sizeof buf);
    int32_t bad = check(buf, n);
    if (bad == -1) {
        bh_printf("refused a request of %ld bytes (1..64 allowed)", (long)n);
        return FILTER_REFUSED;
    }
    if (bad >= 0) {
        bh_printf("refused a request: byte 0x%02x at offset %ld is not printable", buf[bad], (long)bad);
        return FILTER_REFUSED;
    }
    int32_t status = 0;
    bh_iovec_t in = {buf, (uint32_t)n};
    int32_t err = bh_call(BH_GW_TX, 0, &in, 1, NULL, 0, &status);
    return err == BH_OK ? status : err;
}

void filter_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_UART_WRITE, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_UART_WRITE, &m) == BH_OK) {
            bh_reply(m.handle, handle(&m));
        }
    }
}
