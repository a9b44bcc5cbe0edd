/*
 * tz_off.c (Cortex-M) — the TrustZone hooks of a system without a
 * non-secure world (every ARMv7-M system, and an505 systems whose manifest
 * has no `nonsecure:` section): nothing to split, the whole machine stays
 * Secure, and no non-secure code or secure stack is linked in. A system
 * with a non-secure world links armv8m/tz.c, nsc.c and ns_stack.c instead
 * (bh_system in cmake/bulkhead.cmake chooses; the same pattern as
 * testhook.c / testhook_off.c, ADR 0007).
 * Runs: privileged.
 */
#include "kernel.h"

void bh_arch_tz_init(void)
{
}

/* Only a box flagged BH_BOXF_NONSECURE gets here; the validator allows
 * one only as the last box, and bhgen makes one only from `nonsecure:`. */
void bh_arch_ns_init(struct bh_box *b)
{
    bh_kernel_panic("non-secure world in a kernel built without one", b->id, 0);
}

int bh_arch_ns_range_ok(uint32_t addr, uint32_t len, uint32_t access)
{
    (void)addr;
    (void)len;
    (void)access;
    return 0;
}
