/*
 * umem.c — the user-memory check (see umem.h). Pure; no globals.
 * Runs: privileged, host.
 */
#include "umem.h"

#include "range.h"

bh_verdict_t bh_umem_check(const bh_box_desc_t *box, uint32_t addr, uint32_t len, uint32_t access)
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
