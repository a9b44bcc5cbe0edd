/*
 * uartdrv — the UART1 driver, moved into the Secure world. It owns UART1
 * (Secure in the PPC, so nothing non-secure reaches it) and writes what
 * its one caller, the filter, hands it.
 * Runs: unprivileged Secure box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

#define UART_DATA 0x0u
#define UART_STATE 0x4u
#define UART_CTRL 0x8u
#define UART_BAUDDIV 0x10u
#define REG(off) (*(volatile uint32_t *)(uintptr_t)(BH_PERIPH_BASE_UART1 + (off)))

static void put(uint8_t c)
{
    while ((REG(UART_STATE) & 1u) != 0u) { /* TX full */
    }
    REG(UART_DATA) = c;
}

void uartdrv_main(void)
{
    REG(UART_BAUDDIV) = 16u;
    REG(UART_CTRL) = 1u; /* TX enable before the first byte */
    for (;;) {
        bh_wait(BH_SIG_TX, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_TX, &m) != BH_OK) {
            continue;
        }
        uint8_t buf[64];
        int32_t n = bh_read(m.handle, 0, buf, sizeof buf);
        for (int32_t i = 0; i < n; i++) {
            put(buf[i]);
        }
        bh_reply(m.handle, n);
    }
}
