/*
 * umem.c — the user-memory check (see umem.h). Pure; no globals.
 * Runs: privileged, host.
 */
#include "umem.h"

#include "arch.h"
#include "range.h"

/*@ requires \valid_read(box);
    assigns \nothing;
    ensures \result == BH_ALLOW || \result == BH_DENY;
    ensures \result == BH_ALLOW <==> bh_user_range(box, addr, len, access); */
static inline bh_verdict_t regions_grant(const bh_box_desc_t *box, uint32_t addr, uint32_t len, uint32_t access)
{
    bh_verdict_t v = BH_DENY;
    if (len == 0u) {
        return BH_ALLOW;
    }
    if (!bh_range_valid(addr, len) || access == 0u || access > (BH_ACC_R | BH_ACC_W)) {
        return BH_DENY;
    }
    /*@ loop invariant 0 <= i <= BH_MAX_REGIONS;
        loop invariant v == BH_ALLOW || v == BH_DENY;
        loop invariant v == BH_ALLOW <==> \exists integer k; 0 <= k < i && k < box->nregions &&
                                          bh_region_grants(box->regions[k], addr, len, access);
        loop assigns i, v;
        loop variant BH_MAX_REGIONS - i; */
    for (uint32_t i = 0; i < box->nregions && i < BH_MAX_REGIONS; i++) {
        const bh_region_t *r = &box->regions[i];
        if (r->kind != BH_RK_DEVICE && (r->access & access) == access &&
            bh_range_within(addr, len, r->base, r->size)) {
            v = BH_ALLOW;
        }
    }
    return v;
}

/* The non-secure world: the manifest's regions, then the TT instruction. */
/*@ requires \valid_read(box);
    assigns \nothing;
    ensures \result == BH_ALLOW || \result == BH_DENY;
    ensures \result == BH_ALLOW <==> bh_user_range(box, addr, len, access) &&
                                     (len == 0 || bh_ns_range_ok(addr, len, access)); */
static __attribute__((noinline)) bh_verdict_t ns_grant(const bh_box_desc_t *box, uint32_t addr, uint32_t len,
                                                       uint32_t access)
{
    bh_verdict_t v = regions_grant(box, addr, len, access);
    if (v == BH_ALLOW && len != 0u && bh_arch_ns_range_ok(addr, len, access) == 0) {
        v = BH_DENY;
    }
    return v;
}

bh_verdict_t bh_umem_check(const bh_box_desc_t *box, uint32_t addr, uint32_t len, uint32_t access)
{
    if ((box->flags & BH_BOXF_NONSECURE) != 0u) {
        return ns_grant(box, addr, len, access);
    }
    return regions_grant(box, addr, len, access);
}
