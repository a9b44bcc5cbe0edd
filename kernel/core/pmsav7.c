/*
 * pmsav7.c — PMSAv7 region representability and encoding (see pmsav7.h).
 * Runs: anywhere (no C library, no division: sizes are powers of two, so
 * shifts and masks). Region ends are computed in 64 bits, so a range
 * ending at exactly 4 GiB is handled and nothing wraps.
 */
#include "pmsav7.h"

#define BH_PMSAV7_SPACE 0x100000000ull /* 4 GiB: the largest region */

bool bh_pmsav7_encode(uint32_t base, uint32_t size, uint32_t *rbar_base, uint32_t *rasr_size_srd)
{
    uint64_t end = (uint64_t)base + size;
    if (size == 0u || end > BH_PMSAV7_SPACE) {
        return false;
    }
    for (uint32_t n = 5u; n <= 32u; n++) {
        uint64_t r = 1ull << n;
        uint64_t rb = (uint64_t)base & ~(r - 1u);
        uint64_t sub_mask = (r >> 3) - 1u; /* sub-region size R/8, minus one */
        bool whole = rb == base && size == r;
        bool run = r >= BH_PMSAV7_MIN_SUBREGIONS && end <= rb + r && ((base - rb) & sub_mask) == 0u &&
                   (size & sub_mask) == 0u;
        if (whole || run) {
            uint32_t first = (uint32_t)((base - rb) >> (n - 3u));
            uint32_t count = (uint32_t)((uint64_t)size >> (n - 3u));
            uint32_t srd = ~(((1u << count) - 1u) << first) & 0xFFu;
            *rbar_base = (uint32_t)rb;
            *rasr_size_srd = (srd << BH_PMSAV7_RASR_SRD_SHIFT) | ((n - 1u) << BH_PMSAV7_RASR_SIZE_SHIFT);
            return true;
        }
    }
    return false;
}
