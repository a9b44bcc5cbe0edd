/*
 * signal.c — bh_wait, bh_notify, bh_irq_enable and interrupt routing.
 *
 * Gateway signals are level-triggered: set while an unreceived call waits.
 * Interrupt, notification and fault signals are edge-like: bh_wait returns
 * them once and clears them. An interrupt routed to a box is masked in the
 * NVIC when it fires and stays masked until the box calls bh_irq_enable,
 * so a box that does not service its device cannot flood the system.
 * Runs: privileged.
 */
#include "signal.h"

#include "syscall.h"

uint32_t bh_signal_gateway_mask(const bh_box_t *b)
{
    return b->gw_mask;
}

uint32_t bh_signal_compute_gateway_mask(bh_box_t *b)
{
    uint32_t m = 0;
    for (uint32_t g = 0; g < bh_system.ngateways && g < BH_MAX_GATEWAYS; g++) {
        uint32_t s = bh_system.gateways[g].signal;
        if (bh_system.gateways[g].box == b->id && s < 30u) {
            m |= 1u << s;
            b->gw_by_signal[s] = (uint8_t)g;
        }
    }
    return m;
}

/* Takes the signals in 'mask' that are pending: clears the edge ones. */
static uint32_t consume(bh_box_t *b, uint32_t mask)
{
    uint32_t got = b->signals & mask;
    b->signals &= ~(got & ~bh_signal_gateway_mask(b));
    return got;
}

void bh_signal_raise(bh_box_t *b, uint32_t sig)
{
    b->signals |= sig;
    if (b->state == BH_STATE_BLOCKED && b->block == BH_BLOCK_WAIT && (b->signals & b->wait_mask) != 0u) {
        bh_arch_frame(b)->r0 = consume(b, b->wait_mask);
        bh_sched_ready(b);
    }
}

/* r0 = signal mask, r1 = timeout ms (BH_FOREVER: none). Returns signals, 0 on timeout. */
uint32_t bh_sys_wait(bh_box_t *self, bh_frame_t *f)
{
    uint32_t mask = f->r0;
    if ((self->signals & mask) != 0u || f->r1 == 0u) {
        f->r0 = consume(self, mask);
        return BH_FAULT_NONE;
    }
    self->wait_mask = mask;
    bh_sched_block(self, BH_BLOCK_WAIT, f->r1);
    return BH_FAULT_NONE;
}

/* r0 = target box id */
uint32_t bh_sys_notify(bh_box_t *self, bh_frame_t *f)
{
    if (f->r0 >= bh_system.nboxes || ((self->desc->notify_mask >> f->r0) & 1u) == 0u) {
        bh_ret(f, BH_E_DENIED);
        return BH_FAULT_NONE;
    }
    bh_signal_raise(&bh_k.boxes[f->r0], BH_SIG_NOTIFY);
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}

static const bh_irq_route_t *route_by_signal(const bh_box_t *b, uint32_t sig)
{
    for (uint32_t i = 0; i < b->desc->nirqs; i++) {
        if (sig == (1u << b->desc->irqs[i].signal)) {
            return &b->desc->irqs[i];
        }
    }
    return 0;
}

/* r0 = the IRQ's signal bit */
uint32_t bh_sys_irq_enable(bh_box_t *self, bh_frame_t *f)
{
    const bh_irq_route_t *r = route_by_signal(self, f->r0);
    if (r == 0) {
        bh_ret(f, BH_E_INVALID);
        return BH_FAULT_NONE;
    }
    bh_arch_irq_enable(r->irq);
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}

void bh_kernel_irq(uint32_t irq)
{
    bh_arch_irq_disable(irq);
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        bh_box_t *b = &bh_k.boxes[i];
        for (uint32_t j = 0; j < b->desc->nirqs; j++) {
            if (b->desc->irqs[j].irq == irq && b->state != BH_STATE_STOPPED && b->state != BH_STATE_INVALID) {
                bh_signal_raise(b, 1u << b->desc->irqs[j].signal);
            }
        }
    }
    bh_sched_update();
}
