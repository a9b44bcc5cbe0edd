/*
 * fault.c (Cortex-M) — decode a fault taken from thread mode into a
 * bh_fault_report_t for kernel/core, and handle faults of the kernel.
 *
 * The exception number tells the class; CFSR/SFSR/HFSR tell the cause.
 * A stacking error or a stack-limit violation means the box's stack is
 * gone: the PC is then unknown and the frame is not read. Status bits are
 * cleared (write-one-to-clear) so the next fault starts clean, and an SVC
 * left pending by a failed stacking is dropped: it belonged to the box
 * that is about to be restarted or stopped.
 * Runs: privileged, fault handler priority.
 */
#include <bulkhead/abi.h>

#include "fault.h"
#include "kernel.h"
#include "regs.h"
#include "umem.h"

#define EXC_RETURN_S (1u << 6)     /* the exception was taken from Secure state (always 1 on v7-M) */
#define EXC_RETURN_THREAD (1u << 3)

static uint32_t ipsr(void)
{
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    return v & 0x1FFu;
}

static uint32_t kind_of(uint32_t exc, uint32_t cfsr)
{
    if ((cfsr & (CFSR_STKOF | CFSR_MSTKERR | CFSR_STKERR)) != 0u) {
        return BH_FAULT_STACK;
    }
    switch (exc) {
    case 4: return BH_FAULT_MEMMANAGE;
    case 5: return BH_FAULT_BUS;
    case 6: return BH_FAULT_USAGE;
    case 7: return BH_FAULT_SECURE;
    default: return BH_FAULT_HARD;
    }
}

static void fill_address(bh_fault_report_t *r, uint32_t cfsr, uint32_t sfsr)
{
    if ((cfsr & CFSR_MMARVALID) != 0u) {
        r->addr = BH_REG(SCB_MMFAR);
        r->addr_valid = true;
    } else if ((cfsr & CFSR_BFARVALID) != 0u) {
        r->addr = BH_REG(SCB_BFAR);
        r->addr_valid = true;
    } else if (BH_ARCH_SECURITY && (sfsr & SFSR_SFARVALID) != 0u) {
        r->addr = BH_REG(SCB_SFAR);
        r->addr_valid = true;
    }
}

static void clear_status(uint32_t cfsr, uint32_t sfsr)
{
    BH_REG(SCB_CFSR) = cfsr;
    if (BH_ARCH_SECURITY) {
        BH_REG(SCB_SFSR) = sfsr;
    }
    BH_REG(SCB_HFSR) = BH_REG(SCB_HFSR);
    BH_REG(SCB_SHCSR) &= ~SHCSR_SVCALLPENDED;
}

#if BH_ARCH_SECURITY
/*
 * A fault taken from Non-secure state (a SecureFault, or a BusFault: both
 * target Secure, BFHFNMINS = 0) is the non-secure world's, whatever box
 * the kernel last scheduled: an NS exception handler can run on top of
 * any box. Taken from NS thread mode, the NS world is current and its
 * policy applies. Taken from an NS handler, the NS world cannot be
 * restarted alone (its handler stays active in the NVIC): reset.
 */
static void ns_fault(bh_fault_report_t *r, uint32_t exc_return)
{
    if (bh_system.ns.box >= bh_system.nboxes) {
        bh_kernel_panic("fault from Non-secure state without a non-secure world", r->kind, exc_return);
    }
    bh_box_t *ns = &bh_k.boxes[bh_system.ns.box];
    /* The frame is on the NS stack: PSP_NS if the NS thread had CONTROL_NS.SPSEL
     * set, else MSP_NS (EXC_RETURN.SPSEL describes the Secure side's stack). */
    uint32_t sp, control_ns;
    __asm volatile("mrs %0, control_ns" : "=r"(control_ns));
    if ((exc_return & EXC_RETURN_THREAD) != 0u && (control_ns & 2u) != 0u) {
        __asm volatile("mrs %0, psp_ns" : "=r"(sp));
    } else {
        __asm volatile("mrs %0, msp_ns" : "=r"(sp));
    }
    if (bh_umem_check(ns->desc, sp, sizeof(bh_frame_t), BH_ACC_R) == BH_ALLOW) {
        r->pc = ((const bh_frame_t *)(uintptr_t)sp)->pc;
    }
    if ((exc_return & EXC_RETURN_THREAD) == 0u) {
        bh_fault_box_fatal(ns, r);
    }
    if (ns != bh_k.current) {
        bh_kernel_panic("fault from Non-secure thread mode while another box runs", r->kind, exc_return);
    }
    bh_fault_box(ns, r);
}
#endif

void bh_arch_fault(const bh_frame_t *frame, uint32_t exc_return)
{
    uint32_t exc = ipsr(), cfsr = BH_REG(SCB_CFSR), sfsr = BH_ARCH_SECURITY ? BH_REG(SCB_SFSR) : 0u;
    bh_fault_report_t r = {kind_of(exc, cfsr), 0xFFFFFFFFu, 0, false, exc == 7u ? sfsr : cfsr};
    fill_address(&r, cfsr, sfsr);
#if BH_ARCH_SECURITY
    if ((exc_return & EXC_RETURN_S) == 0u) {
        clear_status(cfsr, sfsr);
        ns_fault(&r, exc_return);
        return;
    }
#else
    (void)exc_return;
#endif
    bh_box_t *b = bh_k.current;
    bool frame_ok = r.kind != BH_FAULT_STACK && b != 0 && b != &bh_k.idle &&
                    bh_umem_check(b->desc, (uint32_t)(uintptr_t)frame, sizeof *frame, BH_ACC_R) == BH_ALLOW;
    if (frame_ok) {
        r.pc = frame->pc;
    }
    clear_status(cfsr, sfsr);
    bh_kernel_fault(&r);
}

void bh_arch_kernel_fault(const bh_frame_t *frame, uint32_t exc_return)
{
    (void)exc_return;
    bh_kernel_panic("kernel fault", BH_REG(SCB_CFSR), frame->pc);
}
