/*
 * start.c (nsrt) — vector table and reset handler of a non-secure image.
 * Symbols from the generated nonsecure.ld: __ns_stack_top, __ns_data_load,
 * __ns_data_start, __ns_data_end, __ns_bss_start, __ns_bss_end.
 * Runs: Non-secure world, from the Secure kernel's BLXNS to ns_reset.
 */
#include <stdint.h>
#include <string.h>

#include <bulkhead/ns.h>

#define NS_VECTOR_IRQS 124u

extern uint32_t __ns_stack_top[];
extern uint32_t __ns_data_load[], __ns_data_start[], __ns_data_end[], __ns_bss_start[], __ns_bss_end[];

void ns_reset(void);

__attribute__((weak)) void ns_systick_handler(void)
{
}

__attribute__((weak)) void ns_irq_handler(uint32_t irq)
{
    (void)irq;
}

/* Handlers cannot log (a veneer refuses calls from handler mode). */
__attribute__((weak)) void ns_fault_handler(uint32_t exception, uint32_t *frame)
{
    (void)exception;
    (void)frame;
    for (;;) {
        __asm volatile("wfi");
    }
}

static uint32_t ipsr_now(void)
{
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    return v;
}

/* Passes the exception number and the stacked frame (r0-r3, r12, lr, pc, xpsr). */
__attribute__((naked)) static void fault_entry(void)
{
    __asm volatile("tst lr, #4\n"
                   "ite eq\n"
                   "mrseq r1, msp\n"
                   "mrsne r1, psp\n"
                   "mrs r0, ipsr\n"
                   "b ns_fault_handler\n");
}

static void systick_entry(void)
{
    ns_systick_handler();
}

static void irq_entry(void)
{
    ns_irq_handler((ipsr_now() & 0x1FFu) - 16u);
}

typedef void (*ns_vector_t)(void);

__attribute__((section(".vectors"), used)) static const ns_vector_t ns_vectors[16u + NS_VECTOR_IRQS] = {
    [0] = (ns_vector_t)(uintptr_t)__ns_stack_top,
    [1] = ns_reset,
    [2 ... 7] = fault_entry, /* NMI (NS), HardFault, MemManage, BusFault, UsageFault, SecureFault (reserved) */
    [11] = fault_entry,      /* SVCall: the NS image has no use for it */
    [14] = fault_entry,      /* PendSV */
    [15] = systick_entry,
    [16 ... 16u + NS_VECTOR_IRQS - 1u] = irq_entry,
};

void ns_reset(void)
{
    memcpy(__ns_data_start, __ns_data_load, (size_t)((uintptr_t)__ns_data_end - (uintptr_t)__ns_data_start));
    memset(__ns_bss_start, 0, (size_t)((uintptr_t)__ns_bss_end - (uintptr_t)__ns_bss_start));
    ns_main();
}
