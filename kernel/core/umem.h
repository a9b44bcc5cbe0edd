/*
 * umem.h — the one user-memory check.
 *
 * bh_umem_check(box, addr, len, access) is the only way the kernel decides
 * whether a box may have the kernel read or write [addr, addr+len) on its
 * behalf. It allows exactly when the range lies wholly inside one CODE or
 * RAM region of the box that grants every requested access bit, with no
 * wrap-around. Device regions never qualify (the kernel does not copy to or
 * from peripherals on a box's behalf). An empty range is allowed. For the
 * non-secure world (BH_BOXF_NONSECURE) the range must in addition be
 * accessible to non-secure code as the TT instruction reports it
 * (bh_arch_ns_range_ok): the manifest's limits and the hardware's view.
 * The verdict is hardened: two far-apart constants, compare with ==.
 * Runs: privileged, host. Proof: the contract below, for every input
 * (bh_user_range in spec.h; scripts/prove).
 */
#ifndef BH_UMEM_H
#define BH_UMEM_H

#include <stdint.h>

#include "arch.h" /* bh_ns_range_ok, the TT answer */
#include "spec.h"
#include "system.h"

typedef enum { BH_ALLOW = 0x3CA5C35A, BH_DENY = 0x435A3CA5 } bh_verdict_t;

/*@ requires \valid_read(box);
    assigns \nothing;
    ensures \result == BH_ALLOW || \result == BH_DENY;
    ensures \result == BH_ALLOW <==> bh_user_range(box, addr, len, access) &&
                                     (len == 0 || (box->flags & BH_BOXF_NONSECURE) == 0 ||
                                      bh_ns_range_ok(addr, len, access)); */
__attribute__((warn_unused_result)) bh_verdict_t bh_umem_check(const bh_box_desc_t *box, uint32_t addr,
                                                               uint32_t len, uint32_t access);

#endif
