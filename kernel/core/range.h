/*
 * range.h — overflow-safe arithmetic on address ranges [base, base+size).
 *
 * Every range comparison in the kernel and in bhgen goes through these.
 * An empty range (size 0) is valid and overlaps nothing.
 * Runs: anywhere. Proof: each function's contract states its result exactly,
 * for every input, as a predicate of spec.h over mathematical integers
 * (WP, scripts/prove).
 */
#ifndef BH_RANGE_H
#define BH_RANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "spec.h"

/* True when base + size does not wrap past 4 GiB (end == 2^32 is allowed). */
/*@ assigns \nothing;
    ensures \result <==> bh_nowrap(base, size); */
static inline bool bh_range_valid(uint32_t base, uint32_t size)
{
    return size == 0u || size - 1u <= UINT32_MAX - base;
}

/* True when [a, a+an) lies wholly inside [b, b+bn). Exact for every input
 * (a wrapping [a, a+an) is never inside a non-wrapping [b, b+bn)). */
/*@ assigns \nothing;
    ensures \result <==> bh_within(a, an, b, bn); */
static inline bool bh_range_within(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    return a >= b && an <= bn && a - b <= bn - an;
}

/* True when the two non-empty ranges share at least one byte. */
/*@ assigns \nothing;
    ensures \result <==> bh_overlap(a, an, b, bn); */
static inline bool bh_range_overlap(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
    if (an == 0u || bn == 0u) {
        return false;
    }
    return (a >= b) ? (a - b < bn) : (b - a < an);
}

#endif
