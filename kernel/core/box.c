/*
 * box.c — box life cycle.
 *
 * Restart is boot: bh_box_restart() tears down what the box had in flight
 * and calls the same bh_box_start() that boot uses: the box's whole RAM
 * region (stack, .data, .bss) is cleared, .data is copied again from the
 * image, the stack pointer and entry are reset, the generation goes up.
 * Nothing of the previous generation survives except the fault record.
 * The non-secure world (BH_BOXF_NONSECURE) has no image header and its
 * memory is its own: a start boots its image again (bh_arch_ns_init).
 * Runs: privileged. Precondition: the box's image passed bh_image_check.
 */
#include "box.h"

#include <string.h>

#include "gateway.h"
#include "log.h"
#include "signal.h"
#include "syscall.h"

static void set_irqs(const bh_box_t *b, bool on)
{
    for (uint32_t i = 0; i < b->desc->nirqs; i++) {
        if (on) {
            bh_arch_irq_enable(b->desc->irqs[i].irq);
        } else {
            bh_arch_irq_disable(b->desc->irqs[i].irq);
        }
    }
}

static void reset_memory(const bh_box_t *b, const bh_image_header_t *h)
{
    const bh_box_desc_t *d = b->desc;
    memset(bh_arch_ptr(d->ram_base), 0, d->ram_size);
    bh_copy(d->ram_base + d->stack_size, h->data_load, h->data_size);
}

void bh_box_start(bh_box_t *b)
{
    bool ns = (b->desc->flags & BH_BOXF_NONSECURE) != 0u;
    bh_image_header_t h;
    if (!ns) {
        bh_copy_in(&h, b->desc->code_base, sizeof h);
        reset_memory(b, &h);
    }
    b->signals = 0;
    b->wait_mask = 0;
    b->gw_mask = bh_signal_compute_gateway_mask(b);
    b->generation++;
    bh_log_reset(b);
    if (ns) {
        bh_arch_ns_init(b); /* its memory is the NS image's own: not touched */
    } else {
        bh_arch_box_init(b, h.entry);
    }
    set_irqs(b, true);
    bh_sched_ready(b);
}

/* Ends everything b has in flight; b no longer runs or waits. */
static void teardown(bh_box_t *b, int32_t err)
{
    bh_gateway_fail_server(b, err);
    if (b->block == BH_BLOCK_CALL) {
        bh_gateway_cancel(b, err);
    }
    bh_sched_unready(b);
    set_irqs(b, false);
    b->signals = 0;
    b->has_deadline = false;
    b->block = BH_BLOCK_NONE;
}

void bh_box_restart(bh_box_t *b)
{
    teardown(b, BH_E_RESTARTED);
    b->restarts++;
    bh_box_start(b);
}

void bh_box_stop(bh_box_t *b)
{
    teardown(b, BH_E_STOPPED);
    b->state = BH_STATE_STOPPED;
}
