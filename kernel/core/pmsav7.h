/*
 * pmsav7.h — the one rule for which address ranges an ARMv7-M (PMSAv7) MPU
 * region can cover exactly, and the RBAR/RASR fields that do it.
 *
 * A PMSAv7 region has a power-of-two size R (32 bytes to 4 GiB) and a base
 * aligned to R. When R >= 256 it is split into eight sub-regions of R/8,
 * each of which can be disabled (RASR.SRD); below 256 SRD must be 0. bhgen
 * gives every box slot exactly one region whose *enabled* bytes are the
 * slot [base, base+size), so a slot is representable when it is a
 * contiguous run of 1..8 sub-regions of one such region (or a whole region).
 *
 * bhgen's layout (tools/bhgen/layout_v7.c) only proposes slots this
 * function accepts, and the kernel's armv7m MPU code (kernel/arch/armv7m/
 * mpu.c) recomputes RBAR/RASR from the same base/size with it at boot and
 * refuses (panics on) a table it rejects. One source, compiled into both.
 * No C library, no host types, no pointers other than the two results.
 * Runs: host (bhgen, tests) and privileged (kernel boot, armv7m).
 * Proof: see scripts/prove; tests/bhgen/pmsav7_test.c also checks it
 * exhaustively against a decoder of every (region, SRD) pair over a
 * 16 KiB window.
 */
#ifndef BH_PMSAV7_H
#define BH_PMSAV7_H

#include <stdbool.h>
#include <stdint.h>

#define BH_PMSAV7_MIN_REGION 32u     /* RASR.SIZE = 4 */
#define BH_PMSAV7_MIN_SUBREGIONS 256u /* smallest region whose SRD may be non-zero */
#define BH_PMSAV7_SUBREGIONS 8u
#define BH_PMSAV7_RASR_SIZE_SHIFT 1u /* RASR.SIZE, bits [5:1]: R = 2^(SIZE+1) */
#define BH_PMSAV7_RASR_SRD_SHIFT 8u  /* RASR.SRD, bits [15:8]: bit i disables sub-region i */

/*
 * Decides whether [base, base+size) is exactly the enabled bytes of one
 * PMSAv7 region, and if so encodes it.
 *
 * Pre: none (every input is allowed; size 0 and ranges past 4 GiB are
 *      simply not representable).
 * Post, true: there is a region size R = 2^n, 5 <= n <= 32, such that
 *      *rbar_base is a multiple of R (the RBAR ADDR field; VALID and
 *      REGION bits left 0), *rasr_size_srd == (SRD << 8) | ((n - 1) << 1)
 *      (only RASR.SIZE and RASR.SRD; the caller adds ENABLE, AP, XN and
 *      the memory attributes), SRD == 0 when R < 256, and the sub-regions
 *      SRD leaves enabled are exactly [base, base+size). R is the smallest
 *      size that works, so the encoding is canonical.
 * Post, false: no region covers exactly that range; outputs unchanged.
 */
bool bh_pmsav7_encode(uint32_t base, uint32_t size, uint32_t *rbar_base, uint32_t *rasr_size_srd)
    __attribute__((warn_unused_result));

#endif
