/*
 * timerbox — owns CMSDK timer1 and its interrupt. timer_run(op = n):
 * programs a 1 ms periodic timer, takes n interrupts (re-enabling the
 * IRQ after each), then checks that without bh_irq_enable no further
 * interrupt signal arrives although the timer keeps firing, and that once
 * the device is quiet, unmasking delivers nothing stale.
 * Reply status: interrupts taken | (masked check passed) << 16.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

#define TIMER1 BH_PERIPH_BASE_TIMER1
#define T_CTRL (*(volatile uint32_t *)(TIMER1 + 0x0u))
#define T_RELOAD (*(volatile uint32_t *)(TIMER1 + 0x8u))
#define T_INTSTATUS (*(volatile uint32_t *)(TIMER1 + 0xCu))

static int32_t run(uint32_t n)
{
    uint32_t taken = 0;
    T_RELOAD = 20000u;  /* 1 ms at 20 MHz (an505) */
    T_CTRL = 1u | 8u;  /* enable, interrupt enable */
    for (uint32_t i = 0; i < n; i++) {
        if (bh_wait(BH_SIG_IRQ_TIMER1, 100) == 0u) {
            break;
        }
        T_INTSTATUS = 1u;
        taken++;
        if (i + 1u < n) {
            bh_irq_enable(BH_SIG_IRQ_TIMER1);
        }
    }
    uint32_t masked_ok = bh_wait(BH_SIG_IRQ_TIMER1, 5) == 0u;
    T_CTRL = 0;
    T_INTSTATUS = 1u;
    bh_irq_enable(BH_SIG_IRQ_TIMER1);
    /* The device is quiet now: unmasking must not deliver a stale interrupt. */
    uint32_t no_stale = bh_wait(BH_SIG_IRQ_TIMER1, 3) == 0u;
    return (int32_t)(taken | ((masked_ok & no_stale) << 16));
}

void timerbox_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_TIMER_RUN, BH_FOREVER);
        bh_msg_t m;
        if (bh_get(BH_SIG_TIMER_RUN, &m) == BH_OK) {
            bh_reply(m.handle, run((uint32_t)m.op));
        }
    }
}
