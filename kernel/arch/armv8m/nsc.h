/*
 * nsc.h (armv8m) — what the generated non-secure callable veneers
 * (nsc_veneers.c, one cmse_nonsecure_entry function per gateway granted to
 * `nonsecure`, plus bh_nsc_log) call. Each returns the kernel's verdict in
 * the low 32 bits and the server's status in the high 32 bits.
 * Runs: Secure state, on behalf of the non-secure world (thread mode: the
 * non-secure world's secure-side thread; handler mode: refused).
 */
#ifndef BH_ARMV8M_NSC_H
#define BH_ARMV8M_NSC_H

#include <stdint.h>

int64_t bh_nsc_enter(uint32_t gw, int32_t op, uint32_t in, uint32_t counts, uint32_t out);
int64_t bh_nsc_log_enter(uint32_t text, uint32_t len);

#endif
