/*
 * mpu.c (armv8m) — PMSAv8 encoding of box regions.
 *
 * Each box's 8 regions are encoded once at boot into RBAR/RLAR pairs kept
 * in its context; the context switch only copies them into the MPU.
 * Attributes: MAIR index 0 = normal memory, index 1 = Device-nGnRE.
 * Code: read-only, executable, any privilege. RAM and devices: read-write,
 * execute-never. W^X holds by construction (asserted below); the
 * validator already refused any table that asks for it.
 * Runs: privileged.
 */
#include "kernel.h"
#include "regs.h"

#define AP_RW_ANY (1u << 1)
#define AP_RO_ANY (3u << 1)
#define RBAR_XN 1u
#define RLAR_EN 1u
#define ATTR_NORMAL 0u
#define ATTR_DEVICE 1u

void bh_arch_mpu_init(void)
{
    BH_REG(MPU_MAIR0) = 0xFFu | (0x04u << 8);
    BH_REG(MPU_CTRL) = 1u | 4u; /* ENABLE | PRIVDEFENA */
    __asm volatile("dsb\n isb" ::: "memory");
}

static void encode(const bh_region_t *r, uint32_t *rbar, uint32_t *rlar)
{
    bool exec = (r->access & BH_ACC_X) != 0u;
    bool write = (r->access & BH_ACC_W) != 0u;
    if (exec && write) {
        bh_kernel_panic("W^X violated in region table", r->base, r->access);
    }
    uint32_t attr = r->kind == BH_RK_DEVICE ? ATTR_DEVICE : ATTR_NORMAL;
    *rbar = (r->base & ~31u) | (write ? AP_RW_ANY : AP_RO_ANY) | (exec ? 0u : RBAR_XN);
    *rlar = ((r->base + r->size - 1u) & ~31u) | (attr << 1) | RLAR_EN;
}

/* An MPU image with every region disabled (the idle context). */
void bh_arch_mpu_empty(uint32_t mpu[2u * BH_MPU_SLOTS])
{
    for (uint32_t i = 0; i < 2u * BH_MPU_SLOTS; i++) {
        mpu[i] = 0;
    }
}

void bh_arch_mpu_prepare(struct bh_box *b)
{
    if ((b->desc->flags & BH_BOXF_NONSECURE) != 0u) {
        bh_arch_mpu_empty(b->arch.mpu); /* its secure-side thread is privileged kernel code */
        return;
    }
    for (uint32_t i = 0; i < BH_MPU_SLOTS; i++) {
        uint32_t rbar = 0, rlar = 0;
        if (i < b->desc->nregions) {
            encode(&b->desc->regions[i], &rbar, &rlar);
        }
        b->arch.mpu[2u * i] = rbar;
        b->arch.mpu[2u * i + 1u] = rlar;
    }
}
