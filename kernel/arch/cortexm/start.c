/*
 * start.c (Cortex-M) — the vector table and the reset handler.
 *
 * The table sits at the start of the kernel code range, where VTOR points
 * at reset (0x10000000 on an505, 0 on an385/an386). Every external interrupt goes to
 * one entry that routes by IPSR; every fault class to one fault entry.
 * Runs: privileged, from reset.
 */
#include <stdint.h>
#include <string.h>

#include "kernel.h"

#define BH_VECTOR_IRQS BH_ARCH_IRQ_LINES

extern uint32_t __kstack_top[], __kstack_bottom[];
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[];

void SVC_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);
void bh_arch_irq_entry(void);
void bh_arch_fault_entry(void);
void bh_arch_console_init(void);
void bh_reset_handler(void);

static void nmi_handler(void)
{
    bh_kernel_panic("NMI", 0, 0);
}

typedef void (*bh_vector_t)(void);

__attribute__((section(".vectors"), used)) static const bh_vector_t vectors[16u + BH_VECTOR_IRQS] = {
    [0] = (bh_vector_t)(uintptr_t)__kstack_top,
    [1] = bh_reset_handler,
    [2] = nmi_handler,
    [3] = bh_arch_fault_entry, /* HardFault */
    [4] = bh_arch_fault_entry, /* MemManage */
    [5] = bh_arch_fault_entry, /* BusFault */
    [6] = bh_arch_fault_entry, /* UsageFault */
#if BH_ARCH_SECURITY
    [7] = bh_arch_fault_entry, /* SecureFault */
#endif
    [11] = SVC_Handler,
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
    [16 ... 16u + BH_VECTOR_IRQS - 1u] = bh_arch_irq_entry,
};

void bh_reset_handler(void)
{
    __asm volatile("cpsid i" ::: "memory");
#if BH_ARCH_PSPLIM
    __asm volatile("msr msplim, %0" : : "r"(__kstack_bottom));
#endif
    memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
    memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
    bh_arch_console_init();
    bh_kernel_boot();
}
