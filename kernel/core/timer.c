/*
 * timer.c — the kernel tick and deadlines.
 *
 * bh_kernel_tick() runs once per millisecond from the arch tick interrupt:
 * it advances time, refills log budgets lazily (log.c) and wakes every box
 * whose deadline passed, with the result its blocking syscall defines.
 * Runs: privileged.
 */
#include "timer.h"

#include "gateway.h"
#include "kernel.h"

#define BH_MAX_TIMEOUT_MS 0x3FFFFFFFu

uint32_t bh_timer_deadline(uint32_t ms)
{
    if (ms > BH_MAX_TIMEOUT_MS) {
        ms = BH_MAX_TIMEOUT_MS;
    }
    return bh_k.ticks + ms;
}

bool bh_timer_expired(uint32_t deadline)
{
    return (int32_t)(bh_k.ticks - deadline) >= 0;
}

static void expire(bh_box_t *b)
{
    bh_frame_t *f = bh_arch_frame(b);
    switch (b->block) {
    case BH_BLOCK_CALL:
        bh_gateway_cancel(b, BH_E_TIMEOUT);
        return;
    case BH_BLOCK_WAIT:
        f->r0 = 0; /* no signal arrived */
        break;
    default:
        f->r0 = (uint32_t)BH_OK;
        break;
    }
    bh_sched_ready(b);
}

void bh_kernel_tick(void)
{
    bh_k.ticks++;
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        bh_box_t *b = &bh_k.boxes[i];
        if (b->state == BH_STATE_BLOCKED && b->has_deadline && bh_timer_expired(b->deadline)) {
            expire(b);
        }
    }
    bh_sched_update();
}
