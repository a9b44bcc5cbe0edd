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
    if (!bh_range_valid(addr, len) || access == 0u || (access & ~(BH_ACC_R | BH_ACC_W)) != 0u) {
        return BH_DENY;
    }
    for (uint32_t i = 0; i < box->nregions && i < BH_MAX_REGIONS; i++) {
        const bh_region_t *r = &box->regions[i];
        if (r->kind != BH_RK_DEVICE && (r->access & access) == access &&
            bh_range_within(addr, len, r->base, r->size)) {
            v = BH_ALLOW;
        }
    }
    return v;
}
