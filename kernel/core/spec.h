/*
 * spec.h — the named ACSL predicates of the kernel proofs, written once.
 *
 * Every contract in kernel/core states its promise with these predicates,
 * so one definition serves umem.c, validate.c, gateway.c, sched.c and the
 * rest. Nothing here is C code: gcc sees only comments; Frama-C WP
 * (scripts/prove, docs/proofs.md) reads them.
 *
 * It needs system.h only, so the files bhgen shares (range.h, validate.h)
 * can include it. Predicates over the kernel's run-time state (bh_kernel_t)
 * come with the proofs of the syscall paths (CAVEATS.md, "Proofs"); they
 * will sit in a second section of this file that kernel.h opens.
 * Runs: nowhere (logic only). Proof: these are the definitions.
 */
#ifndef BH_SPEC_SYSTEM
#define BH_SPEC_SYSTEM

#include "system.h"

/*@
  // ---- ranges: [base, base+size) over mathematical integers -------------

  // base + size does not pass 2^32 (an end of exactly 2^32 is allowed).
  predicate bh_nowrap(integer base, integer size) = base + size <= 0x100000000;

  // [a, a+an) lies wholly inside [b, b+bn).
  predicate bh_within(integer a, integer an, integer b, integer bn) =
    b <= a && a + an <= b + bn;

  // Two non-empty ranges share at least one address.
  predicate bh_overlap(integer a, integer an, integer b, integer bn) =
    an > 0 && bn > 0 && a < b + bn && b < a + an;

  // ---- the user-memory check (umem.h) ----------------------------------

  // Access bits a box may ask the kernel for: read, write, or both.
  predicate bh_acc_request(integer acc) = 1 <= acc <= (BH_ACC_R | BH_ACC_W);

  // Region r lets the kernel access [addr, addr+len) with 'acc' for its box:
  // memory (not a device), every requested bit granted, range inside.
  predicate bh_region_grants(bh_region_t r, integer addr, integer len, integer acc) =
    r.kind != BH_RK_DEVICE && (r.access & acc) == acc && bh_within(addr, len, r.base, r.size);

  // One region (among the first nregions, at most BH_MAX_REGIONS) grants it.
  predicate bh_box_grants{L}(bh_box_desc_t *d, integer addr, integer len, integer acc) =
    \exists integer i; 0 <= i < d->nregions && i < BH_MAX_REGIONS &&
      bh_region_grants(d->regions[i], addr, len, acc);

  // The verdict bh_umem_check must give "allowed" for, and for nothing else.
  predicate bh_user_range{L}(bh_box_desc_t *d, integer addr, integer len, integer acc) =
    len == 0 ||
    (bh_acc_request(acc) && bh_nowrap(addr, len) && bh_box_grants(d, addr, len, acc));

  // ---- system tables: what bh_validate() == 0 guarantees -----------------

  // Every count within its array.
  predicate bh_sys_counts{L}(bh_system_t *s) =
    s->nboxes <= BH_MAX_BOXES && s->ngateways <= BH_MAX_GATEWAYS &&
    s->nbus_grants <= BH_MAX_BUS_GRANTS && s->nreserved <= BH_MAX_RESERVED &&
    s->nmemories <= BH_MAX_MEMORIES &&
    (\forall integer b; 0 <= b < s->nboxes ==>
       s->boxes[b].nregions <= BH_MAX_REGIONS && s->boxes[b].nirqs <= BH_MAX_IRQS_PER_BOX);

  // A region: non-empty, not wrapping, never writable and executable.
  predicate bh_region_ok(bh_region_t r) =
    r.size > 0 && bh_nowrap(r.base, r.size) &&
    !((r.access & BH_ACC_W) != 0 && (r.access & BH_ACC_X) != 0);

  predicate bh_sys_regions_ok{L}(bh_system_t *s) =
    \forall integer b, i; 0 <= b < s->nboxes && 0 <= i < s->boxes[b].nregions ==>
      bh_region_ok(s->boxes[b].regions[i]);

  // Region (c, j) comes after (b, i) in table order: each pair once.
  predicate bh_after(integer b, integer i, integer c, integer j) = b < c || (b == c && i < j);

  // No two regions (of one box or of two boxes) share an address.
  predicate bh_sys_disjoint{L}(bh_system_t *s) =
    \forall integer b, i, c, j;
      0 <= b < s->nboxes && 0 <= i < s->boxes[b].nregions &&
      0 <= c < s->nboxes && 0 <= j < s->boxes[c].nregions && bh_after(b, i, c, j) ==>
      !bh_overlap(s->boxes[b].regions[i].base, s->boxes[b].regions[i].size,
                  s->boxes[c].regions[j].base, s->boxes[c].regions[j].size);

  // Each IRQ line is routed to at most one box, once; signals are free bits.
  predicate bh_sys_irqs_ok{L}(bh_system_t *s) =
    (\forall integer b, i; 0 <= b < s->nboxes && 0 <= i < s->boxes[b].nirqs ==>
       s->boxes[b].irqs[i].signal < 30 && s->boxes[b].irqs[i].irq < s->nirq_lines) &&
    (\forall integer b, i, c, j;
       0 <= b < s->nboxes && 0 <= i < s->boxes[b].nirqs &&
       0 <= c < s->nboxes && 0 <= j < s->boxes[c].nirqs && bh_after(b, i, c, j) ==>
       s->boxes[b].irqs[i].irq != s->boxes[c].irqs[j].irq);

  // Gateway g: served by an existing box, on a user signal bit; every
  // caller exists and has a strictly larger priority number (uphill).
  predicate bh_gateway_ok{L}(bh_system_t *s, integer g) =
    s->gateways[g].box < s->nboxes && s->gateways[g].signal < 30 &&
    (s->gateways[g].callers >> s->nboxes) == 0 &&
    (\forall integer c; 0 <= c < s->nboxes && ((s->gateways[g].callers >> c) & 1) == 1 ==>
       s->boxes[c].priority > s->boxes[s->gateways[g].box].priority);

  predicate bh_sys_gateways_ok{L}(bh_system_t *s) =
    \forall integer g; 0 <= g < s->ngateways ==> bh_gateway_ok(s, g);

  // ---- gateway calls (gateway.c) ----------------------------------------

  // Bytes in the first n vectors of a snapshot of lengths.
  logic integer bh_sum{L}(uint32_t *len, integer n) =
    n <= 0 ? 0 : bh_sum(len, n - 1) + len[n - 1];

  // Everything the validator promises (and the kernel relies on) at once.
  predicate bh_system_ok{L}(bh_system_t *s) =
    bh_sys_counts(s) && bh_sys_regions_ok(s) && bh_sys_disjoint(s) &&
    bh_sys_irqs_ok(s) && bh_sys_gateways_ok(s);
*/

#endif /* BH_SPEC_SYSTEM */
