/*
 * nsc.c (armv8m) — the one path from a non-secure callable veneer into the
 * kernel.
 *
 * A veneer (SG in the NSC window, then its cmse_nonsecure_entry function)
 * runs in Secure state on the non-secure world's secure-side thread: the
 * NONSECURE box's context, privileged, on its own secure stack. It enters
 * the kernel with SVC like any box, so the gateway path, its checks (the
 * manifest's ACL and limits, bh_umem_check with the TT instruction for
 * every non-secure pointer) and the scheduler are the ones every box
 * uses. The compiler-generated epilogue of the veneer clears every
 * caller-saved register but the result and returns with BXNS.
 *
 * Refused with BH_E_BUSY, without entering the kernel:
 *  - a call from a non-secure exception handler (IPSR != 0): it runs on
 *    top of whatever the kernel last scheduled and may not block;
 *  - a second call while one is in progress (a non-secure scheduler that
 *    switched threads during a call).
 * Runs: Secure, privileged (thread mode of the NONSECURE box).
 */
#include "nsc.h"

#include <bulkhead/abi.h>

static volatile uint32_t ns_busy; /* a non-secure call is in progress */

static uint32_t ipsr(void)
{
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    return v & 0x1FFu;
}

static int64_t pack(int32_t verdict, int32_t status)
{
    return (int64_t)(((uint64_t)(uint32_t)status << 32) | (uint32_t)verdict);
}

static int enter(void)
{
    if (ipsr() != 0u || ns_busy != 0u) {
        return 0;
    }
    ns_busy = 1u;
    return 1;
}

int64_t bh_nsc_enter(uint32_t gw, int32_t op, uint32_t in, uint32_t counts, uint32_t out)
{
    if (!enter()) {
        return pack(BH_E_BUSY, 0);
    }
    register uint32_t r0 __asm("r0") = gw;
    register uint32_t r1 __asm("r1") = (uint32_t)op;
    register uint32_t r2 __asm("r2") = in;
    register uint32_t r3 __asm("r3") = out;
    register uint32_t r12 __asm("r12") = counts;
    __asm volatile("svc %[num]" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r12)
                   : [num] "I"(BH_SYS_CALL) : "memory");
    ns_busy = 0u;
    return pack((int32_t)r0, (int32_t)r1);
}

int64_t bh_nsc_log_enter(uint32_t text, uint32_t len)
{
    if (!enter()) {
        return pack(BH_E_BUSY, 0);
    }
    register uint32_t r0 __asm("r0") = text;
    register uint32_t r1 __asm("r1") = len;
    __asm volatile("svc %[num]" : "+r"(r0), "+r"(r1) : [num] "I"(BH_SYS_LOG) : "memory");
    ns_busy = 0u;
    return pack((int32_t)r0, 0);
}

/* A restarted non-secure world starts with no call in progress. */
void bh_nsc_reset(void)
{
    ns_busy = 0u;
}
