/*
 * The non-secure application: the rich, error-prone side. UART1 is no
 * longer its own: it writes through its proxy driver (the uart_write
 * gateway, i.e. the Secure filter and driver boxes). Then it misbehaves:
 * a forbidden request (an escape sequence), a direct write to UART1
 * through its Non-secure alias (the PPC drops it) and one through its
 * Secure alias (SecureFault: the kernel restarts the non-secure world).
 * After the restart it checks it still works.
 * Runs: Non-secure world.
 */
#include <string.h>

#include <bulkhead/ns.h>

#include "bh_ns.h"

#define UART1_NS_ALIAS 0x40201000u
#define UART1_S_ALIAS 0x50201000u

static int32_t proxy_write(const char *text, int32_t *status)
{
    bh_iovec_t in = {text, (uint32_t)strlen(text)};
    return bh_ns_call(BH_GW_UART_WRITE, 0, &in, 1, NULL, 0, status);
}

static uint32_t faults_so_far(void)
{
    uint32_t out[2] = {0, 0};
    bh_iovec_t o = {out, sizeof out};
    return bh_ns_call(BH_GW_NS_FAULTS, 0, NULL, 0, &o, 1, NULL) == BH_OK ? out[0] : 0xFFFFFFFFu;
}

static void first_run(void)
{
    int32_t status = 0;
    int32_t err = proxy_write("hello from the normal world\n", &status);
    ns_printf("proxy write 'hello from the normal world': verdict %ld, status %ld (bytes written)", (long)err,
              (long)status);
    err = proxy_write("\x1b[2J\x1b[Hwiped your terminal\n", &status);
    ns_printf("proxy write with an escape sequence: verdict %ld, status %ld (refused by the filter)", (long)err,
              (long)status);
    volatile uint32_t *ns_uart = (volatile uint32_t *)UART1_NS_ALIAS;
    ns_uart[2] = 1u; /* CTRL: TX enable */
    ns_uart[0] = 'X';
    ns_printf("direct write to UART1 through its Non-secure alias: STATE reads 0x%lx (the PPC dropped it)",
              (unsigned long)ns_uart[1]);
    ns_printf("now writing UART1 through its Secure alias 0x%08lx", (unsigned long)UART1_S_ALIAS);
    *(volatile uint32_t *)UART1_S_ALIAS = 'Y'; /* SecureFault: never returns */
    ns_printf("UNEXPECTED: the Secure alias write went through");
}

void ns_main(void)
{
    uint32_t faults = faults_so_far();
    ns_printf("normal world up (faults so far: %lu)", (unsigned long)faults);
    if (faults == 0u) {
        first_run();
    } else {
        int32_t status = 0;
        int32_t err = proxy_write("still here after the restart\n", &status);
        ns_printf("restarted by the Secure kernel; proxy write again: verdict %ld, status %ld", (long)err,
                  (long)status);
        ns_printf("Bulkhead TrustZone proxy demo complete");
    }
    for (;;) {
        __asm volatile("wfi");
    }
}
