/*
 * sched.c — fixed-priority preemptive scheduler.
 *
 * The ready set is a bitmask of box ids (bh_k.ready), mirrored as a mask of
 * priority ranks (bh_k.ready_rank; rank order = (priority, id), fixed at
 * boot), so the box to run is found with one count-trailing-zeros: the
 * ready box with the smallest priority number; among equals, the lowest id,
 * except that a box that yielded gives way to its equal-priority peers once.
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

static bool before(uint32_t a, uint32_t b)
{
    uint8_t pa = bh_system.boxes[a].priority, pb = bh_system.boxes[b].priority;
    return pa < pb || (pa == pb && a < b);
}

/* Ranks the boxes by (priority, id): insertion sort, at most 16 boxes. */
void bh_sched_init(void)
{
    uint32_t n = bh_system.nboxes < BH_MAX_BOXES ? bh_system.nboxes : BH_MAX_BOXES;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = i;
        for (; j > 0u && before(i, bh_k.by_rank[j - 1u]); j--) {
            bh_k.by_rank[j] = bh_k.by_rank[j - 1u];
        }
        bh_k.by_rank[j] = (uint8_t)i;
    }
    for (uint32_t r = 0; r < n; r++) {
        bh_k.rank[bh_k.by_rank[r]] = (uint8_t)r;
    }
}

static uint32_t rank_bit(const bh_box_t *b)
{
    return 1u << bh_k.rank[b->id];
}

void bh_sched_ready(bh_box_t *b)
{
    b->state = BH_STATE_READY;
    b->block = BH_BLOCK_NONE;
    b->has_deadline = false;
    bh_k.ready |= bit(b);
    bh_k.ready_rank |= rank_bit(b);
}

void bh_sched_unready(bh_box_t *b)
{
    bh_k.ready &= ~bit(b);
    bh_k.ready_rank &= ~rank_bit(b);
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

/* The first box in rank order among 'ranks', or NULL. */
static bh_box_t *pick(uint32_t ranks)
{
    return ranks != 0u ? &bh_k.boxes[bh_k.by_rank[__builtin_ctz(ranks)]] : 0;
}

static uint32_t ranks_of(uint32_t ids)
{
    uint32_t m = 0;
    for (; ids != 0u; ids &= ids - 1u) {
        m |= 1u << bh_k.rank[__builtin_ctz(ids)];
    }
    return m;
}

void bh_sched_update(void)
{
    uint32_t yr = ranks_of(bh_k.yielded);
    bh_box_t *b = pick(bh_k.ready_rank & ~yr);
    bh_box_t *y = pick(bh_k.ready_rank & yr);
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
