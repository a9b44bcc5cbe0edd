/*
 * mpu.c (armv7m) — PMSAv7 encoding of box regions.
 *
 * Each box's 8 regions are encoded once at boot into RBAR/RASR pairs kept
 * in its context; the context switch only copies them into the MPU. A
 * region's base and size come from the tables as plain ranges; the one
 * rule that turns a range into a power-of-two region with sub-regions,
 * bh_pmsav7_encode() (kernel/core/pmsav7.c), is the one bhgen used to lay
 * the ranges out. A range it cannot represent exactly would give the box
 * more (or less) than its manifest says, so the kernel refuses to boot.
 * Attributes: code normal write-through, read-only, executable; RAM normal
 * write-back, read-write, execute-never; devices shareable Device,
 * read-write, execute-never. W^X holds by construction (asserted below).
 * Unused slots are written disabled, so nothing of the previous box stays.
 * Runs: privileged.
 */
#include "kernel.h"
#include "pmsav7.h"
#include "regs.h"

#define RBAR_VALID (1u << 4)
#define RASR_ENABLE 1u
#define RASR_XN (1u << 28)
#define RASR_AP_RW_ANY (3u << 24) /* privileged and unprivileged read-write */
#define RASR_AP_RO_ANY (6u << 24) /* privileged and unprivileged read-only */
#define RASR_NORMAL_WT (1u << 17)                           /* TEX 000, C 1, B 0 */
#define RASR_NORMAL_WB ((1u << 19) | (1u << 17) | (1u << 16)) /* TEX 001, C 1, B 1 */
#define RASR_DEVICE (1u << 16)                              /* TEX 000, C 0, B 1: shareable device */

void bh_arch_mpu_init(void)
{
    for (uint32_t i = 0; i < BH_MPU_SLOTS; i++) {
        BH_REG(MPU_RBAR) = RBAR_VALID | i;
        BH_REG(MPU_RASR) = 0;
    }
    BH_REG(MPU_CTRL) = 1u | 4u; /* ENABLE | PRIVDEFENA */
    __asm volatile("dsb\n isb" ::: "memory");
}

static void encode(const bh_region_t *r, uint32_t slot, uint32_t *rbar, uint32_t *rasr)
{
    bool exec = (r->access & BH_ACC_X) != 0u;
    bool write = (r->access & BH_ACC_W) != 0u;
    uint32_t base = 0, size_srd = 0;
    if (exec && write) {
        bh_kernel_panic("W^X violated in region table", r->base, r->access);
    }
    if (!bh_pmsav7_encode(r->base, r->size, &base, &size_srd)) {
        bh_kernel_panic("region is not one PMSAv7 region", r->base, r->size);
    }
    uint32_t attr = r->kind == BH_RK_DEVICE ? RASR_DEVICE : exec ? RASR_NORMAL_WT : RASR_NORMAL_WB;
    *rbar = base | RBAR_VALID | slot;
    *rasr = size_srd | attr | (write ? RASR_AP_RW_ANY : RASR_AP_RO_ANY) | (exec ? 0u : RASR_XN) | RASR_ENABLE;
}

/* An MPU image with every region disabled (the idle context). */
void bh_arch_mpu_empty(uint32_t mpu[2u * BH_MPU_SLOTS])
{
    for (uint32_t i = 0; i < BH_MPU_SLOTS; i++) {
        mpu[2u * i] = RBAR_VALID | i;
        mpu[2u * i + 1u] = 0;
    }
}

void bh_arch_mpu_prepare(struct bh_box *b)
{
    for (uint32_t i = 0; i < BH_MPU_SLOTS; i++) {
        uint32_t rbar = RBAR_VALID | i, rasr = 0;
        if (i < b->desc->nregions) {
            encode(&b->desc->regions[i], i, &rbar, &rasr);
        }
        b->arch.mpu[2u * i] = rbar;
        b->arch.mpu[2u * i + 1u] = rasr;
    }
}
