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

#include "kernel.h"
#include "regs.h"
#include "umem.h"

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

void bh_arch_fault(const bh_frame_t *frame, uint32_t exc_return)
{
    uint32_t exc = ipsr(), cfsr = BH_REG(SCB_CFSR), sfsr = BH_ARCH_SECURITY ? BH_REG(SCB_SFSR) : 0u;
    bh_fault_report_t r = {kind_of(exc, cfsr), 0xFFFFFFFFu, 0, false, exc == 7u ? sfsr : cfsr};
    (void)exc_return;
    fill_address(&r, cfsr, sfsr);
    bh_box_t *b = bh_k.current;
    bool frame_ok = r.kind != BH_FAULT_STACK && b != 0 && b != &bh_k.idle &&
                    bh_umem_check(b->desc, (uint32_t)(uintptr_t)frame, sizeof *frame, BH_ACC_R) == BH_ALLOW;
    if (frame_ok) {
        r.pc = frame->pc;
    }
    BH_REG(SCB_CFSR) = cfsr;
    if (BH_ARCH_SECURITY) {
        BH_REG(SCB_SFSR) = sfsr;
    }
    BH_REG(SCB_HFSR) = BH_REG(SCB_HFSR);
    BH_REG(SCB_SHCSR) &= ~SHCSR_SVCALLPENDED;
    bh_kernel_fault(&r);
}

void bh_arch_kernel_fault(const bh_frame_t *frame, uint32_t exc_return)
{
    (void)exc_return;
    bh_kernel_panic("kernel fault", BH_REG(SCB_CFSR), frame->pc);
}
