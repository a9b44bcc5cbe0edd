/*
 * validate.c — the shared system-table validator (see validate.h).
 *
 * Pure function of its input: no globals, no allocation, no hardware.
 * bhgen calls it on the tables it is about to emit; the kernel calls it on
 * the linked tables before starting any box and refuses to boot on error.
 * Runs: privileged at boot, host. Trusts: nothing in *sys except the counts
 * it checks against the array bounds first.
 */
#include "validate.h"

#include "range.h"

typedef struct {
    bh_verr_t *errs;
    size_t max;
    size_t n;
} verr_sink_t;

/* Proof: s->n only grows and is non-zero after any report, so a final count
 * of 0 means no check reported: each check below ensures "n == 0 ==> the
 * property it checks" (predicates in spec.h), and bh_validate() collects
 * them into bh_system_ok. The count saturates instead of wrapping. */
/*@ predicate sink_ok(verr_sink_t *s) =
      \valid(s) && (s->max == 0 || \valid(s->errs + (0 .. s->max - 1))) &&
      \separated(s, s->errs + (0 .. s->max - 1));
*/

/*@ requires sink_ok(s);
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n != 0 && s->n >= \old(s->n); */
static void report(verr_sink_t *s, uint16_t code, uint16_t box, uint16_t item, uint16_t other,
                   uint16_t other2)
{
    if (s->n < s->max) {
        bh_verr_t *e = &s->errs[s->n];
        e->code = code;
        e->box = box;
        e->item = item;
        e->other = other;
        e->other2 = other2;
    }
    if (s->n < SIZE_MAX) {
        s->n++;
    }
}

/*@ requires \valid_read(sys) && \valid_read(r);
    assigns \nothing; */
static bool in_memory_of_kind(const bh_system_t *sys, const bh_region_t *r)
{
    /*@ loop invariant 0 <= m <= BH_MAX_MEMORIES;
        loop assigns m;
        loop variant BH_MAX_MEMORIES - m; */
    for (uint16_t m = 0; m < sys->nmemories && m < BH_MAX_MEMORIES; m++) {
        const bh_range_t *mem = &sys->memories[m];
        if (mem->kind == r->kind && bh_range_within(r->base, r->size, mem->base, mem->size)) {
            return true;
        }
    }
    return false;
}

/*@ requires \valid_read(sys) && b < BH_MAX_BOXES && i < BH_MAX_REGIONS;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures s->n == 0 ==> bh_region_ok(sys->boxes[b].regions[i]); */
static void check_region(const bh_system_t *sys, verr_sink_t *s, uint16_t b, uint16_t i)
{
    const bh_region_t *r = &sys->boxes[b].regions[i];
    if (r->size == 0u) {
        report(s, BH_V_REGION_EMPTY, b, i, BH_V_NONE, BH_V_NONE);
        return;
    }
    if ((r->base % BH_REGION_ALIGN) != 0u || (r->size % BH_REGION_ALIGN) != 0u) {
        report(s, BH_V_REGION_ALIGN, b, i, BH_V_NONE, BH_V_NONE);
    }
    if (!bh_range_valid(r->base, r->size)) {
        report(s, BH_V_REGION_WRAP, b, i, BH_V_NONE, BH_V_NONE);
        return;
    }
    if ((r->access & BH_ACC_W) != 0u && (r->access & BH_ACC_X) != 0u) {
        report(s, BH_V_REGION_WX, b, i, BH_V_NONE, BH_V_NONE);
    }
    if (!in_memory_of_kind(sys, r)) {
        report(s, BH_V_REGION_OUTSIDE, b, i, BH_V_NONE, BH_V_NONE);
    }
    /*@ loop invariant 0 <= k <= BH_MAX_RESERVED;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> bh_region_ok(*r);
        loop assigns k, s->n, s->errs[0 .. s->max - 1];
        loop variant BH_MAX_RESERVED - k; */
    for (uint16_t k = 0; k < sys->nreserved && k < BH_MAX_RESERVED; k++) {
        if (bh_range_overlap(r->base, r->size, sys->reserved[k].base, sys->reserved[k].size)) {
            report(s, BH_V_REGION_RESERVED, b, i, k, BH_V_NONE);
        }
    }
}

/* Region (b, i) against every region listed after it, in any box. */
/*@ requires \valid_read(sys) && bh_sys_counts(sys);
    requires b < sys->nboxes && i < sys->boxes[b].nregions;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures s->n == 0 ==> \forall integer c, j;
      b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nregions && bh_after(b, i, c, j) &&
      bh_nowrap(sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size) ==>
      !bh_overlap(sys->boxes[b].regions[i].base, sys->boxes[b].regions[i].size,
                  sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size); */
static void check_overlaps(const bh_system_t *sys, verr_sink_t *s, uint16_t b, uint16_t i)
{
    const bh_region_t *r = &sys->boxes[b].regions[i];
    /*@ loop invariant b <= c <= sys->nboxes;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> \forall integer c1, j1;
          b <= c1 < c && 0 <= j1 < sys->boxes[c1].nregions && bh_after(b, i, c1, j1) &&
          bh_nowrap(sys->boxes[c1].regions[j1].base, sys->boxes[c1].regions[j1].size) ==>
          !bh_overlap(r->base, r->size, sys->boxes[c1].regions[j1].base, sys->boxes[c1].regions[j1].size);
        loop assigns c, s->n, s->errs[0 .. s->max - 1];
        loop variant sys->nboxes - c; */
    for (uint16_t c = b; c < sys->nboxes; c++) {
        const bh_box_desc_t *other = &sys->boxes[c];
        /*@ loop invariant (c == b ==> i + 1 <= j) && j <= BH_MAX_REGIONS;
            loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
            loop invariant s->n == 0 ==> \forall integer c1, j1;
              b <= c1 < c && 0 <= j1 < sys->boxes[c1].nregions && bh_after(b, i, c1, j1) &&
              bh_nowrap(sys->boxes[c1].regions[j1].base, sys->boxes[c1].regions[j1].size) ==>
              !bh_overlap(r->base, r->size, sys->boxes[c1].regions[j1].base, sys->boxes[c1].regions[j1].size);
            loop invariant s->n == 0 ==> \forall integer j1;
              0 <= j1 < j && j1 < other->nregions && bh_after(b, i, c, j1) &&
              bh_nowrap(other->regions[j1].base, other->regions[j1].size) ==>
              !bh_overlap(r->base, r->size, other->regions[j1].base, other->regions[j1].size);
            loop assigns j, s->n, s->errs[0 .. s->max - 1];
            loop variant BH_MAX_REGIONS - j; */
        for (uint16_t j = (c == b) ? (uint16_t)(i + 1u) : 0u; j < other->nregions && j < BH_MAX_REGIONS; j++) {
            const bh_region_t *q = &other->regions[j];
            if (!bh_range_valid(q->base, q->size) || !bh_range_overlap(r->base, r->size, q->base, q->size)) {
                continue;
            }
            bool same_dev = r->kind == BH_RK_DEVICE && q->kind == BH_RK_DEVICE && r->periph == q->periph;
            report(s, same_dev ? BH_V_PERIPH_TWO_OWNERS : BH_V_REGION_OVERLAP, b, i, j, c);
        }
    }
}

/*@ requires \valid_read(sys) && b < BH_MAX_BOXES && sys->nboxes <= BH_MAX_BOXES;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n); */
static void check_layout(const bh_system_t *sys, verr_sink_t *s, uint16_t b)
{
    const bh_box_desc_t *box = &sys->boxes[b];
    bool regions = box->nregions >= 2u && box->regions[0].kind == BH_RK_CODE &&
                   box->regions[0].base == box->code_base && box->regions[0].size == box->code_size &&
                   box->regions[0].access == (BH_ACC_R | BH_ACC_X) && box->regions[1].kind == BH_RK_RAM &&
                   box->regions[1].base == box->ram_base && box->regions[1].size == box->ram_size &&
                   box->regions[1].access == (BH_ACC_R | BH_ACC_W);
    bool rest = box->stack_size != 0u && box->stack_size <= box->ram_size && (box->stack_size % 8u) == 0u;
    if ((box->flags & BH_BOXF_NONSECURE) != 0u) {
        /* The non-secure world (system.h): the last box, so there is at most
         * one; its NS code and RAM and nothing else; no Secure stack, no IRQs. */
        rest = box->stack_size == 0u && box->nregions == 2u && box->nirqs == 0u && b + 1u == sys->nboxes;
    }
    if (!regions || !rest) {
        report(s, BH_V_LAYOUT, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
    if (box->policy > BH_POLICY_RESET) {
        report(s, BH_V_POLICY, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
    if (sys->nboxes < 32u && (box->notify_mask >> sys->nboxes) != 0u) {
        report(s, BH_V_NOTIFY, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
}

/*@ requires \valid_read(sys) && sys->ngateways <= BH_MAX_GATEWAYS;
    assigns \nothing; */
static uint32_t gateway_signals(const bh_system_t *sys, uint16_t b)
{
    uint32_t used = 0;
    /*@ loop invariant 0 <= g <= sys->ngateways;
        loop assigns g, used;
        loop variant sys->ngateways - g; */
    for (uint16_t g = 0; g < sys->ngateways; g++) {
        if (sys->gateways[g].box == b && sys->gateways[g].signal < 30u) {
            used |= 1u << sys->gateways[g].signal;
        }
    }
    return used;
}

/*@ requires \valid_read(sys) && bh_sys_counts(sys) && b < sys->nboxes;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures s->n == 0 ==> \forall integer i; 0 <= i < sys->boxes[b].nirqs ==>
      sys->boxes[b].irqs[i].signal < 30 && sys->boxes[b].irqs[i].irq < sys->nirq_lines &&
      (\forall integer c, j; b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nirqs &&
         bh_after(b, i, c, j) ==> sys->boxes[b].irqs[i].irq != sys->boxes[c].irqs[j].irq); */
static void check_irqs(const bh_system_t *sys, verr_sink_t *s, uint16_t b)
{
    const bh_box_desc_t *box = &sys->boxes[b];
    uint32_t used = gateway_signals(sys, b);
    /*@ loop invariant 0 <= i <= box->nirqs;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> \forall integer i1; 0 <= i1 < i ==>
          box->irqs[i1].signal < 30 && box->irqs[i1].irq < sys->nirq_lines &&
          (\forall integer c, j; b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nirqs &&
             bh_after(b, i1, c, j) ==> box->irqs[i1].irq != sys->boxes[c].irqs[j].irq);
        loop assigns i, used, s->n, s->errs[0 .. s->max - 1];
        loop variant box->nirqs - i; */
    for (uint16_t i = 0; i < box->nirqs; i++) {
        const bh_irq_route_t *q = &box->irqs[i];
        if (q->irq >= sys->nirq_lines) {
            report(s, BH_V_IRQ_RANGE, b, i, BH_V_NONE, BH_V_NONE);
        }
        if (q->signal >= 30u || (used & (1u << q->signal)) != 0u) {
            report(s, BH_V_SIGNAL, b, i, BH_V_NONE, BH_V_NONE);
        } else {
            used |= 1u << q->signal;
        }
        /*@ loop invariant b <= c <= sys->nboxes;
            loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
            loop invariant s->n == 0 ==> \forall integer c1, j1; b <= c1 < c &&
              0 <= j1 < sys->boxes[c1].nirqs && bh_after(b, i, c1, j1) ==> q->irq != sys->boxes[c1].irqs[j1].irq;
            loop assigns c, s->n, s->errs[0 .. s->max - 1];
            loop variant sys->nboxes - c; */
        for (uint16_t c = b; c < sys->nboxes; c++) {
            const bh_box_desc_t *o = &sys->boxes[c];
            /*@ loop invariant (c == b ==> i + 1 <= j) && j <= BH_MAX_IRQS_PER_BOX;
                loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
                loop invariant s->n == 0 ==> \forall integer c1, j1; b <= c1 < c &&
                  0 <= j1 < sys->boxes[c1].nirqs && bh_after(b, i, c1, j1) ==> q->irq != sys->boxes[c1].irqs[j1].irq;
                loop invariant s->n == 0 ==> \forall integer j1; 0 <= j1 < j && j1 < o->nirqs &&
                  bh_after(b, i, c, j1) ==> q->irq != o->irqs[j1].irq;
                loop assigns j, s->n, s->errs[0 .. s->max - 1];
                loop variant BH_MAX_IRQS_PER_BOX - j; */
            for (uint16_t j = (c == b) ? (uint16_t)(i + 1u) : 0u; j < o->nirqs && j < BH_MAX_IRQS_PER_BOX; j++) {
                if (o->irqs[j].irq == q->irq) {
                    report(s, BH_V_IRQ_TWO_OWNERS, b, i, j, c);
                }
            }
        }
    }
}

/*@ requires \valid_read(sys) && bh_sys_counts(sys) && b < sys->nboxes;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures s->n == 0 ==> \forall integer i; 0 <= i < sys->boxes[b].nregions ==>
      bh_region_ok(sys->boxes[b].regions[i]) &&
      (\forall integer c, j; b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nregions &&
         bh_after(b, i, c, j) && bh_nowrap(sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size) ==>
         !bh_overlap(sys->boxes[b].regions[i].base, sys->boxes[b].regions[i].size,
                     sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size));
    ensures s->n == 0 ==> \forall integer i; 0 <= i < sys->boxes[b].nirqs ==>
      sys->boxes[b].irqs[i].signal < 30 && sys->boxes[b].irqs[i].irq < sys->nirq_lines &&
      (\forall integer c, j; b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nirqs &&
         bh_after(b, i, c, j) ==> sys->boxes[b].irqs[i].irq != sys->boxes[c].irqs[j].irq); */
static void check_box(const bh_system_t *sys, verr_sink_t *s, uint16_t b)
{
    const bh_box_desc_t *box = &sys->boxes[b];
    check_layout(sys, s, b);
    /*@ loop invariant 0 <= i <= box->nregions;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> \forall integer i1; 0 <= i1 < i ==>
          bh_region_ok(box->regions[i1]) &&
          (\forall integer c, j; b <= c < sys->nboxes && 0 <= j < sys->boxes[c].nregions &&
             bh_after(b, i1, c, j) && bh_nowrap(sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size) ==>
             !bh_overlap(box->regions[i1].base, box->regions[i1].size,
                         sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size));
        loop assigns i, s->n, s->errs[0 .. s->max - 1];
        loop variant box->nregions - i; */
    for (uint16_t i = 0; i < box->nregions; i++) {
        check_region(sys, s, b, i);
        check_overlaps(sys, s, b, i);
    }
    check_irqs(sys, s, b);
}

/*@ requires \valid_read(sys) && bh_sys_counts(sys) && g < sys->ngateways;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures s->n == 0 ==> bh_gateway_ok(sys, g); */
static void check_gateway(const bh_system_t *sys, verr_sink_t *s, uint16_t g)
{
    const bh_gateway_t *gw = &sys->gateways[g];
    if (gw->box >= sys->nboxes) {
        report(s, BH_V_GW_BOX, BH_V_NONE, g, BH_V_NONE, BH_V_NONE);
        return;
    }
    if (gw->signal >= 30u) {
        report(s, BH_V_SIGNAL, gw->box, g, BH_V_NONE, BH_V_NONE);
    }
    /*@ loop invariant 0 <= h <= g;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> gw->signal < 30;
        loop assigns h, s->n, s->errs[0 .. s->max - 1];
        loop variant g - h; */
    for (uint16_t h = 0; h < g; h++) {
        if (sys->gateways[h].box == gw->box && sys->gateways[h].signal == gw->signal) {
            report(s, BH_V_SIGNAL, gw->box, g, h, BH_V_NONE);
        }
    }
    if (sys->nboxes < 32u && (gw->callers >> sys->nboxes) != 0u) {
        report(s, BH_V_GW_CALLER, BH_V_NONE, g, BH_V_NONE, BH_V_NONE);
    }
    uint8_t server_prio = sys->boxes[gw->box].priority;
    /*@ loop invariant 0 <= c <= sys->nboxes;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> gw->signal < 30 && (gw->callers >> sys->nboxes) == 0;
        loop invariant s->n == 0 ==> \forall integer c1; 0 <= c1 < c && ((gw->callers >> c1) & 1) == 1 ==>
          sys->boxes[c1].priority > server_prio;
        loop assigns c, s->n, s->errs[0 .. s->max - 1];
        loop variant sys->nboxes - c; */
    for (uint16_t c = 0; c < sys->nboxes; c++) {
        if (((gw->callers >> c) & 1u) != 0u && sys->boxes[c].priority <= server_prio) {
            report(s, BH_V_GW_DOWNHILL, gw->box, g, BH_V_NONE, c);
        }
    }
}

/*@ requires \valid_read(name + (0 .. BH_NAME_MAX - 1));
    assigns \nothing; */
static bool terminated(const char *name)
{
    /*@ loop invariant 0 <= i <= BH_NAME_MAX;
        loop assigns i;
        loop variant BH_NAME_MAX - i; */
    for (uint32_t i = 0; i < BH_NAME_MAX; i++) {
        if (name[i] == '\0') {
            return true;
        }
    }
    return false;
}

/* sys->ns.box names the non-secure world: the last box when it is flagged
 * BH_BOXF_NONSECURE, else BH_NO_NS (the kernel then leaves the SAU off and
 * the whole machine Secure). check_layout() refuses the flag on any other box. */
/*@ requires \valid_read(sys) && bh_sys_counts(sys);
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n); */
static void check_ns(const bh_system_t *sys, verr_sink_t *s)
{
    uint16_t want = BH_NO_NS;
    if (sys->nboxes != 0u && (sys->boxes[sys->nboxes - 1u].flags & BH_BOXF_NONSECURE) != 0u) {
        want = (uint16_t)(sys->nboxes - 1u);
    }
    if (sys->ns.box != want) {
        report(s, BH_V_NS_BOX, BH_V_NONE, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
}

/* Counts first: nothing below may index past an array. */
/*@ requires \valid_read(sys) && s->n == 0;
    requires sink_ok(s) && \separated(sys, s, s->errs + (0 .. s->max - 1));
    assigns s->n, s->errs[0 .. s->max - 1];
    ensures sink_ok(s) && s->errs == \old(s->errs) && s->max == \old(s->max);
    ensures s->n >= \old(s->n);
    ensures \result ==> bh_sys_counts(sys) && s->n == 0; */
static bool check_counts(const bh_system_t *sys, verr_sink_t *s)
{
    size_t before = s->n;
    if (sys->nboxes > BH_MAX_BOXES) {
        report(s, BH_V_TOO_MANY_BOXES, BH_V_NONE, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
    if (sys->ngateways > BH_MAX_GATEWAYS) {
        report(s, BH_V_TOO_MANY_GATEWAYS, BH_V_NONE, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
    if (sys->nbus_grants > BH_MAX_BUS_GRANTS || sys->nreserved > BH_MAX_RESERVED ||
        sys->nmemories > BH_MAX_MEMORIES || sys->ns.nsau > BH_MAX_SAU || sys->ns.nmpc > BH_MAX_MPC_NS ||
        sys->ns.nppc > BH_MAX_NS_PPC) {
        report(s, BH_V_COUNTS, BH_V_NONE, BH_V_NONE, BH_V_NONE, BH_V_NONE);
    }
    /*@ loop invariant 0 <= b <= BH_MAX_BOXES;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> sys->nboxes <= BH_MAX_BOXES && sys->ngateways <= BH_MAX_GATEWAYS &&
          sys->nbus_grants <= BH_MAX_BUS_GRANTS && sys->nreserved <= BH_MAX_RESERVED &&
          sys->nmemories <= BH_MAX_MEMORIES;
        loop invariant s->n == 0 ==> \forall integer b1; 0 <= b1 < b && b1 < sys->nboxes ==>
          sys->boxes[b1].nregions <= BH_MAX_REGIONS && sys->boxes[b1].nirqs <= BH_MAX_IRQS_PER_BOX;
        loop assigns b, s->n, s->errs[0 .. s->max - 1];
        loop variant BH_MAX_BOXES - b; */
    for (uint16_t b = 0; b < sys->nboxes && b < BH_MAX_BOXES; b++) {
        const bh_box_desc_t *box = &sys->boxes[b];
        if (box->nregions > BH_MAX_REGIONS) {
            report(s, BH_V_TOO_MANY_REGIONS, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
        }
        if (box->nirqs > BH_MAX_IRQS_PER_BOX) {
            report(s, BH_V_IRQ_RANGE, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
        }
        if (!terminated(box->name)) {
            report(s, BH_V_NAME, b, BH_V_NONE, BH_V_NONE, BH_V_NONE);
        }
    }
    /*@ loop invariant 0 <= g <= BH_MAX_GATEWAYS;
        loop invariant sink_ok(s) && s->errs == \at(s->errs, Pre) && s->max == \at(s->max, Pre);
        loop invariant s->n >= \at(s->n, Pre) && s->n >= \at(s->n, LoopEntry);
        loop invariant s->n == 0 ==> s->n == before && bh_sys_counts(sys);
        loop invariant s->n == 0 ==> \forall integer b1; 0 <= b1 < sys->nboxes && b1 < BH_MAX_BOXES ==>
          sys->boxes[b1].nregions <= BH_MAX_REGIONS && sys->boxes[b1].nirqs <= BH_MAX_IRQS_PER_BOX;
        loop assigns g, s->n, s->errs[0 .. s->max - 1];
        loop variant BH_MAX_GATEWAYS - g; */
    for (uint16_t g = 0; g < sys->ngateways && g < BH_MAX_GATEWAYS; g++) {
        if (!terminated(sys->gateways[g].name)) {
            report(s, BH_V_NAME, BH_V_NONE, g, BH_V_NONE, BH_V_NONE);
        }
    }
    return s->n == before && terminated(sys->name);
}

size_t bh_validate(const bh_system_t *sys, bh_verr_t *errs, size_t max)
{
    verr_sink_t s = {errs, max, 0};
    if (!check_counts(sys, &s)) {
        if (s.n == 0u) {
            report(&s, BH_V_NAME, BH_V_NONE, BH_V_NONE, BH_V_NONE, BH_V_NONE);
        }
        return s.n;
    }
    check_ns(sys, &s);
    /*@ loop invariant 0 <= b <= sys->nboxes;
        loop invariant sink_ok(&s) && s.errs == errs && s.max == max && bh_sys_counts(sys);
        loop invariant s.n >= \at(s.n, LoopEntry);
        loop invariant boxes_regions: s.n == 0 ==> \forall integer b1, i; 0 <= b1 < b && 0 <= i < sys->boxes[b1].nregions ==>
          bh_region_ok(sys->boxes[b1].regions[i]) &&
          (\forall integer c, j; b1 <= c < sys->nboxes && 0 <= j < sys->boxes[c].nregions &&
             bh_after(b1, i, c, j) && bh_nowrap(sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size) ==>
             !bh_overlap(sys->boxes[b1].regions[i].base, sys->boxes[b1].regions[i].size,
                         sys->boxes[c].regions[j].base, sys->boxes[c].regions[j].size));
        loop invariant boxes_irqs: s.n == 0 ==> \forall integer b1, i; 0 <= b1 < b && 0 <= i < sys->boxes[b1].nirqs ==>
          sys->boxes[b1].irqs[i].signal < 30 && sys->boxes[b1].irqs[i].irq < sys->nirq_lines &&
          (\forall integer c, j; b1 <= c < sys->nboxes && 0 <= j < sys->boxes[c].nirqs &&
             bh_after(b1, i, c, j) ==> sys->boxes[b1].irqs[i].irq != sys->boxes[c].irqs[j].irq);
        loop assigns b, s.n, errs[0 .. max - 1];
        loop variant sys->nboxes - b; */
    for (uint16_t b = 0; b < sys->nboxes; b++) {
        check_box(sys, &s, b);
    }
    /*@ loop invariant 0 <= g <= sys->ngateways;
        loop invariant sink_ok(&s) && s.errs == errs && s.max == max && bh_sys_counts(sys);
        loop invariant s.n >= \at(s.n, LoopEntry);
        loop invariant gateways_ok: s.n == 0 ==> \forall integer g1; 0 <= g1 < g ==> bh_gateway_ok(sys, g1);
        loop assigns g, s.n, errs[0 .. max - 1];
        loop variant sys->ngateways - g; */
    for (uint16_t g = 0; g < sys->ngateways; g++) {
        check_gateway(sys, &s, g);
    }
    return s.n;
}

static const char *const verr_text[BH_V_CODE_COUNT] = {
    [0] = "no error",
    [BH_V_TOO_MANY_BOXES] = "too many boxes",
    [BH_V_TOO_MANY_GATEWAYS] = "too many gateways",
    [BH_V_TOO_MANY_REGIONS] = "box needs more MPU regions than the hardware has",
    [BH_V_REGION_EMPTY] = "region has size zero",
    [BH_V_REGION_ALIGN] = "region base or size is not aligned to the MPU granule",
    [BH_V_REGION_WRAP] = "region wraps past the end of the address space",
    [BH_V_REGION_WX] = "region is both writable and executable",
    [BH_V_REGION_OUTSIDE] = "region lies outside every board memory of its kind",
    [BH_V_REGION_RESERVED] = "region overlaps memory reserved for the kernel",
    [BH_V_REGION_OVERLAP] = "region overlaps another region",
    [BH_V_PERIPH_TWO_OWNERS] = "peripheral has two owners",
    [BH_V_LAYOUT] = "box code/ram/stack layout is inconsistent",
    [BH_V_IRQ_RANGE] = "IRQ number is beyond the board's interrupt lines",
    [BH_V_IRQ_TWO_OWNERS] = "IRQ has two owners",
    [BH_V_SIGNAL] = "signal bit reused or reserved",
    [BH_V_POLICY] = "unknown fault policy",
    [BH_V_GW_BOX] = "gateway served by a box that does not exist",
    [BH_V_GW_CALLER] = "gateway caller names a box that does not exist",
    [BH_V_GW_DOWNHILL] = "gateway caller does not have a strictly lower priority than the server",
    [BH_V_NOTIFY] = "notify target names a box that does not exist",
    [BH_V_COUNTS] = "a table count exceeds its array",
    [BH_V_NAME] = "name is not NUL-terminated",
    [BH_V_NS_BOX] = "ns.box does not name the non-secure box (the last box, flagged BH_BOXF_NONSECURE), "
                    "nor BH_NO_NS when there is none",
};

const char *bh_verr_str(uint16_t code)
{
    if (code < BH_V_CODE_COUNT && verr_text[code] != 0) {
        return verr_text[code];
    }
    return "unknown validation error";
}
