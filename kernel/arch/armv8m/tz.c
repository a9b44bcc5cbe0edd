/*
 * tz.c (armv8m) — the Secure/Non-secure split and the non-secure world's
 * context.
 *
 * At boot (bh_arch_tz_init, from the platform set-up) the kernel programs
 * exactly what the generated tables say (bh_system.ns, computed by bhgen
 * from the manifest's `nonsecure:` section): the MPCs (which memory blocks
 * are Non-secure), the PPCs (which peripherals are Non-secure), NSCCFG and
 * the SAU (NS code, NS RAM, the NS peripheral window, the NSC veneer
 * window; everything else stays Secure), NVIC_ITNS (the NS world's
 * interrupts), NSACR (the NS world may use the FPU; the Secure side never
 * does) and AIRCR: PRIS = 1, so every Non-secure exception priority maps
 * into 0x80..0xFF and can never preempt the kernel (0x80) or a fault
 * handler (0x00), while still preempting Secure box code; BFHFNMINS = 0,
 * so BusFault, HardFault and NMI stay Secure; SYSRESETREQS = 1, so only
 * the Secure side can reset the system.
 *
 * The non-secure world is the box flagged BH_BOXF_NONSECURE, the lowest
 * priority of all: it runs whenever no Secure box is ready. Its context is
 * a Secure privileged thread on its own secure stack (bh_ns_stack) that
 * starts the NS image from its vector table (MSP_NS, VTOR_NS, BLXNS to the
 * reset handler) and through which every veneer call enters the kernel.
 * A restart resets the NS world's core state (CONTROL_NS, masks, SysTick_NS,
 * its interrupts) and boots the image again; NS memory is the image's own.
 * Runs: privileged.
 */
#include <arm_cmse.h>

#include "kernel.h"
#include "regs.h"

#define SAU_CTRL 0xE000EDD0u
#define SAU_TYPE 0xE000EDD4u
#define SAU_RNR 0xE000EDD8u
#define SAU_RBAR 0xE000EDDCu
#define SAU_RLAR 0xE000EDE0u
#define SAU_RLAR_NSC (1u << 1)
#define NVIC_ITNS 0xE000E380u
#define SCB_NSACR 0xE000ED8Cu
#define SCB_VTOR_NS 0xE002ED08u /* Non-secure alias of the SCB */
#define AIRCR_VECTKEY (0x05FAu << 16)
#define AIRCR_PRIS (1u << 14)
#define AIRCR_SYSRESETREQS (1u << 3)
#define SECCTL_NSCCFG 0x14u
#define MPC_CTRL 0x00u
#define MPC_BLK_CFG 0x14u
#define MPC_BLK_IDX 0x18u
#define MPC_BLK_LUT 0x1Cu
#define MPC_CTRL_AUTOINC (1u << 8)
#define CONTROL_NS_THREAD 2u /* Secure side: privileged, PSP */

typedef void __attribute__((cmse_nonsecure_call)) ns_reset_t(void);

/* The NS world's secure-side stack (ns_stack.c, linked with this file). */
extern uint32_t bh_ns_stack[];
extern const uint32_t bh_ns_stack_bytes;

void bh_nsc_reset(void);
void bh_arch_ctx_init(bh_arch_box_t *a, uint32_t stack_base, uint32_t stack_top, uint32_t pc, uint32_t control);

/* Marks [base, base+size) Non-secure in one MPC, a LUT word at a time. */
static void mpc_ns(const bh_mpc_ns_t *m, uint32_t block)
{
    BH_REG(m->ctl + MPC_CTRL) &= ~MPC_CTRL_AUTOINC; /* pitfall: every LUT access would advance BLK_IDX */
    uint32_t first = (m->base - m->mem_base) / block, n = m->size / block;
    for (uint32_t k = first; k < first + n; k++) {
        BH_REG(m->ctl + MPC_BLK_IDX) = k / 32u;
        BH_REG(m->ctl + MPC_BLK_LUT) |= 1u << (k % 32u);
    }
}

static void mpcs(const bh_ns_world_t *ns)
{
    for (uint32_t i = 0; i < ns->nmpc; i++) {
        uint32_t block = 1u << (BH_REG(ns->mpc[i].ctl + MPC_BLK_CFG) + 5u);
        if (block != ns->mpc_block) {
            bh_kernel_panic("MPC block size is not the one the tables assume", block, ns->mpc_block);
        }
        mpc_ns(&ns->mpc[i], block);
    }
}

static void sau(const bh_ns_world_t *ns)
{
    if (ns->nsau > (BH_REG(SAU_TYPE) & 0xFFu)) {
        bh_kernel_panic("more SAU regions in the tables than the core has", ns->nsau, BH_REG(SAU_TYPE));
    }
    for (uint32_t i = 0; i < ns->nsau; i++) {
        const bh_sau_t *r = &ns->sau[i];
        BH_REG(SAU_RNR) = i;
        BH_REG(SAU_RBAR) = r->base & ~31u;
        BH_REG(SAU_RLAR) = ((r->base + r->size - 1u) & ~31u) | ((r->flags & BH_SAU_NSC) != 0u ? SAU_RLAR_NSC : 0u) | 1u;
    }
    BH_REG(SAU_CTRL) = 1u; /* ENABLE; ALLNS = 0: everything not listed stays Secure */
}

void bh_arch_tz_init(void)
{
    const bh_ns_world_t *ns = &bh_system.ns;
    if (ns->box >= bh_system.nboxes || (bh_system.boxes[ns->box].flags & BH_BOXF_NONSECURE) == 0u) {
        bh_kernel_panic("TrustZone kernel without a non-secure world in its tables", ns->box, 0);
    }
    mpcs(ns);
    for (uint32_t i = 0; i < ns->nppc; i++) {
        BH_REG(bh_system.bus_ctl_base + ns->ppc[i].reg) |= ns->ppc[i].mask;
    }
    BH_REG(bh_system.bus_ctl_base + SECCTL_NSCCFG) = ns->nsccfg;
    for (uint32_t i = 0; i < 4u; i++) {
        BH_REG(NVIC_ITNS + 4u * i) = ns->itns[i];
    }
    BH_REG(SCB_NSACR) |= (1u << 10) | (1u << 11); /* CP10, CP11: the NS world may use the FPU */
    BH_REG(SCB_AIRCR) = AIRCR_VECTKEY | AIRCR_PRIS | AIRCR_SYSRESETREQS; /* BFHFNMINS = 0 */
    sau(ns);
    __asm volatile("dsb\n isb" ::: "memory");
}

/* Secure-side thread of the NS world: boot the NS image; never returns. */
static void ns_boot(void)
{
    uint32_t vtor = bh_system.ns.vtor;
    uint32_t msp = *(volatile const uint32_t *)(uintptr_t)vtor;
    uint32_t reset = *(volatile const uint32_t *)(uintptr_t)(vtor + 4u);
    __asm volatile("msr msp_ns, %0\n msr psp_ns, %1\n msr control_ns, %1\n"
                   "msr primask_ns, %1\n msr basepri_ns, %1\n msr faultmask_ns, %1"
                   : : "r"(msp), "r"(0u) : "memory");
    BH_REG(SCB_VTOR_NS) = vtor;
    __asm volatile("dsb\n isb" ::: "memory");
    ns_reset_t *entry = (ns_reset_t *)cmse_nsfptr_create((ns_reset_t *)(uintptr_t)reset);
    entry(); /* BLXNS, every other register cleared by the compiler */
    __asm volatile("svc %[num]" : : [num] "I"(BH_SYS_EXIT) : "memory"); /* the NS image returned */
    for (;;) {
    }
}

void bh_arch_ns_init(struct bh_box *b)
{
    const bh_ns_world_t *ns = &bh_system.ns;
    /* SysTick_NS is left to the NS image's reset code: QEMU 7.2 refuses a
     * Secure write through its NS alias (0xE002E010) with a bus error. */
    for (uint32_t i = 0; i < 4u; i++) {
        BH_REG(NVIC_ICER + 4u * i) = ns->itns[i]; /* its interrupts off and not pending */
        BH_REG(NVIC_ICPR + 4u * i) = ns->itns[i];
    }
    bh_nsc_reset();
    uint32_t base = (uint32_t)(uintptr_t)bh_ns_stack;
    bh_arch_ctx_init(&b->arch, base, base + bh_ns_stack_bytes, (uint32_t)(uintptr_t)ns_boot, CONTROL_NS_THREAD);
}

int bh_arch_ns_range_ok(uint32_t addr, uint32_t len, uint32_t access)
{
    uint32_t control_ns;
    __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
    int flags = CMSE_NONSECURE | ((access & BH_ACC_W) != 0u ? CMSE_MPU_READWRITE : CMSE_MPU_READ);
    if ((control_ns & 1u) != 0u) {
        flags |= CMSE_MPU_UNPRIV; /* the NS thread runs unprivileged: its MPU view */
    }
    return cmse_check_address_range((void *)(uintptr_t)addr, len, flags) != 0;
}
