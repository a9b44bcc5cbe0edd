/*
 * sched.c — fixed-priority preemptive scheduler.
 *
 * The ready set is a bitmask of box ids. The box to run is the ready box
 * with the smallest priority number; among equals, the lowest id, except
 * that a box that yielded gives way to its equal-priority peers once.
 * Nothing here touches registers: bh_sched_update() only chooses bh_k.next;
 * the arch exception exit performs the switch when next != current.
 * Runs: privileged. Invariant: READY <=> bit in bh_k.ready.
 */
#include "kernel.h"

#include "timer.h"

static uint32_t bit(const bh_box_t *b)
{
    return 1u << b->id;
}

void bh_sched_ready(bh_box_t *b)
{
    b->state = BH_STATE_READY;
    b->block = BH_BLOCK_NONE;
    b->has_deadline = false;
    bh_k.ready |= bit(b);
}

void bh_sched_unready(bh_box_t *b)
{
    bh_k.ready &= ~bit(b);
    bh_k.yielded &= ~bit(b);
}

void bh_sched_block(bh_box_t *b, uint8_t why, uint32_t timeout_ms)
{
    bh_sched_unready(b);
    b->state = BH_STATE_BLOCKED;
    b->block = why;
    b->has_deadline = timeout_ms != BH_FOREVER;
    if (b->has_deadline) {
        b->deadline = bh_timer_deadline(timeout_ms);
    }
}

static bh_box_t *pick(uint32_t candidates)
{
    bh_box_t *best = 0;
    for (uint32_t m = candidates; m != 0u; m &= m - 1u) {
        bh_box_t *b = &bh_k.boxes[__builtin_ctz(m)];
        if (best == 0 || b->desc->priority < best->desc->priority) {
            best = b;
        }
    }
    return best;
}

void bh_sched_update(void)
{
    bh_box_t *b = pick(bh_k.ready & ~bh_k.yielded);
    bh_box_t *y = pick(bh_k.ready & bh_k.yielded);
    if (b == 0 || (y != 0 && y->desc->priority < b->desc->priority)) {
        b = y;
    }
    bh_k.yielded = 0;
    bh_k.next = (b != 0) ? b : &bh_k.idle;
}

void bh_sched_discard_current(void)
{
    bh_k.current = 0;
}
