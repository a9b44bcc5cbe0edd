/*
 * The non-secure image of the attack system: at every boot, and after
 * every attack it survives, it asks the referee for the next attack, runs
 * it and reports what it saw. Attacks the hardware or the kernel answers
 * with a fault never return: the kernel restarts the non-secure world,
 * which boots here again and asks for the next one.
 * Runs: Non-secure world.
 */
#include <stdbool.h>

#include <bulkhead/ns.h>

#include "bh_ns.h"
#include "ns_attacks.h"

#define REG(a) (*reg(a))
#define SECURE_ALIAS 0x10000000u
#define SYST_CSR 0xE000E010u /* the non-secure world's own SysTick */
#define SYST_RVR 0xE000E014u
#define SYST_CVR 0xE000E018u
#define SCB_CPACR 0xE000ED88u
#define SCB_SHCSR 0xE000ED24u

typedef void (*fn_t)(void);

/* A register at an absolute address (laundered: some are near 0, which
 * GCC would otherwise take for a null-pointer offset). */
static volatile uint32_t *reg(uint32_t addr)
{
    volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)addr;
    __asm volatile("" : "+r"(p));
    return p;
}

static uint8_t buf[64];
static volatile int32_t reentry = 1;   /* what the SysTick handler's call got */
static volatile uint32_t systick_mode; /* 1: re-enter; 2: touch Secure memory */
static volatile uint32_t own_faults;
static volatile uint32_t timer_irqs;

#define TIMER0 BH_PERIPH_NS_BASE_TIMER0
#define NVIC_ISER 0xE000E100u
#define TIMER0_IRQ 3u /* boards/an505/board.yaml: timer0 (made Non-secure in NVIC_ITNS) */

void ns_irq_handler(uint32_t irq)
{
    if (irq == TIMER0_IRQ) {
        REG(TIMER0 + 0xCu) = 1u; /* INTCLEAR */
        REG(TIMER0) = 0u;        /* stop */
        timer_irqs++;
    }
}

/* Its own timer, through the NS alias, and its interrupt, in its vector table. */
static int32_t own_timer(void)
{
    timer_irqs = 0;
    REG(TIMER0 + 0x8u) = 2000u; /* RELOAD: 100 us at 20 MHz */
    REG(TIMER0 + 0x4u) = 2000u; /* VALUE */
    REG(NVIC_ISER + 4u * (TIMER0_IRQ / 32u)) = 1u << (TIMER0_IRQ % 32u);
    REG(TIMER0) = 1u | 8u;      /* enable, interrupt enable */
    for (uint32_t i = 0; i < 1000000u && timer_irqs == 0u; i++) {
    }
    return (int32_t)timer_irqs;
}

static uint32_t next(void)
{
    uint32_t a = 0xFFFFFFFFu;
    bh_iovec_t o = {&a, sizeof a};
    if (bh_ns_call(BH_GW_NEXT, 0, NULL, 0, &o, 1, NULL) != BH_OK) {
        for (;;) {
            __asm volatile("wfi");
        }
    }
    return a;
}

__attribute__((noinline)) static void report(uint32_t a, int32_t v)
{
    int32_t msg[2] = {(int32_t)a, v};
    bh_iovec_t in = {msg, sizeof msg};
    bh_ns_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL);
}

static int32_t echo(uint32_t in_base, uint32_t in_len, uint32_t out_base, uint32_t out_len)
{
    bh_iovec_t in = {(const void *)(uintptr_t)in_base, in_len}, out = {(const void *)(uintptr_t)out_base, out_len};
    return bh_ns_call(BH_GW_ECHO, 0, &in, 1, &out, 1, NULL);
}

static void call_at(uint32_t addr)
{
    fn_t fn = (fn_t)(uintptr_t)(addr | 1u);
    __asm volatile("" : "+r"(fn) : : "memory");
    fn();
}

void ns_systick_handler(void)
{
    if (systick_mode == 1u) {
        reentry = bh_ns_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, NULL);
    } else if (systick_mode == 2u) {
        (void)REG(BH_KERNEL_RAM_BASE); /* from a handler: the kernel must reset the system */
    }
    systick_mode = 0;
    REG(SYST_CSR) = 0;
}

/* UsageFault of its own (undefined instruction): counted and skipped here. */
void ns_fault_handler(uint32_t exception, uint32_t *frame)
{
    if (exception == 6u) {
        own_faults++;
        frame[6] += 2u; /* past the 16-bit UDF */
        return;
    }
    for (;;) {
        __asm volatile("wfi");
    }
}

static void systick_in(uint32_t mode, uint32_t instructions)
{
    systick_mode = mode;
    REG(SYST_RVR) = instructions;
    REG(SYST_CVR) = 0;
    REG(SYST_CSR) = 7u; /* processor clock, interrupt, enable */
}

static int32_t reenter(void)
{
    reentry = 1;
    systick_in(1u, 20000u); /* 1 ms: fires while the call below is in progress */
    int32_t v = bh_ns_call(BH_GW_SLOW, 0, NULL, 0, NULL, 0, NULL);
    return v == BH_OK && reentry == BH_E_BUSY ? 1 : -1000 + reentry;
}

__attribute__((noinline)) static int32_t flood(void)
{
    int32_t ok = 0;
    for (int32_t i = 0; i < FLOOD_CALLS; i++) {
        int32_t status = 0;
        ok += bh_ns_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, &status) == BH_OK && status == 1;
    }
    return ok;
}

/* Known values in r4-r11 and s0-s31, a call whose server replies with
 * Secure values in its registers, then every register read back: r0-r12
 * as the veneer returned them, and s0-s31. */
static int32_t registers_after_return(void)
{
    static uint32_t core[13], fp[32], fp_in[32];
    static uint32_t ctx[4];
    for (uint32_t i = 0; i < 32u; i++) {
        fp_in[i] = 0x4E500000u | i;
    }
    ctx[0] = (uint32_t)(uintptr_t)bh_nsc_secrets;
    ctx[1] = (uint32_t)(uintptr_t)core;
    ctx[2] = (uint32_t)(uintptr_t)fp;
    ctx[3] = (uint32_t)(uintptr_t)fp_in;
    register uint32_t *r0 __asm("r0") = ctx;
    __asm volatile(".fpu fpv5-sp-d16\n"
                   "push {r4-r11}\n"
                   "mov r12, r0\n"
                   "ldr r1, [r12, #12]\n"
                   "vldmia r1, {s0-s31}\n"
                   "push {r12}\n"
                   "movw r4, #4\n movt r4, #0x4E50\n"
                   "movw r5, #5\n movt r5, #0x4E50\n"
                   "movw r6, #6\n movt r6, #0x4E50\n"
                   "movw r7, #7\n movt r7, #0x4E50\n"
                   "movw r8, #8\n movt r8, #0x4E50\n"
                   "movw r9, #9\n movt r9, #0x4E50\n"
                   "movw r10, #10\n movt r10, #0x4E50\n"
                   "movw r11, #11\n movt r11, #0x4E50\n"
                   "ldr r12, [r12, #0]\n"
                   "movs r0, #0\n movs r1, #0\n movs r2, #0\n movs r3, #0\n"
                   "blx r12\n"
                   "push {r0-r12}\n"          /* as returned */
                   "ldr r0, [sp, #52]\n"      /* ctx */
                   "ldr r1, [r0, #4]\n"       /* core */
                   "ldmia sp!, {r2-r11}\n"    /* r0..r9 */
                   "stmia r1!, {r2-r11}\n"
                   "ldmia sp!, {r2-r4}\n"     /* r10..r12 */
                   "stmia r1!, {r2-r4}\n"
                   "ldr r0, [sp], #4\n"       /* ctx */
                   "ldr r1, [r0, #8]\n"       /* fp */
                   "vstmia r1, {s0-s31}\n"
                   "pop {r4-r11}\n"
                   : "+r"(r0)
                   :
                   : "r1", "r2", "r3", "r12", "lr", "memory", "cc");
    int32_t bad = 0;
    if (core[0] != BH_OK) {
        bad |= 1; /* the verdict */
    }
    for (uint32_t r = 0; r < 13u; r++) {
        if ((core[r] >> 16) == SECRET_TAG) {
            bad |= 2; /* a Secure value in r0-r12 */
        }
    }
    for (uint32_t r = 4; r < 12u; r++) {
        if (core[r] != (0x4E500000u | r)) {
            bad |= 4; /* its own r4-r11 changed */
        }
    }
    for (uint32_t i = 0; i < 32u; i++) {
        if (fp[i] != fp_in[i] || (fp[i] >> 16) == SECRET_TAG) {
            bad |= 8; /* its own FP registers changed, or Secure values appeared */
        }
    }
    return bad;
}

static int32_t run(uint32_t a)
{
    uint32_t nsc = ((uint32_t)(uintptr_t)bh_nsc_heartbeat) & ~1u;
    switch (a) {
    case N_READ_SECURE_RAM: return (int32_t)REG(BH_KERNEL_RAM_BASE);
    case N_WRITE_SECURE_RAM: REG(BH_RAM_BASE_VICTIM + 0x100u) = 0xBADu; return 0;
    case N_READ_SECURE_RAM_NS_ALIAS: return (int32_t)REG(BH_RAM_BASE_VICTIM + BH_STACK_SIZE_VICTIM - SECURE_ALIAS);
    case N_READ_SECURE_CODE: return (int32_t)REG(BH_KERNEL_CODE_BASE + 0x100u);
    case N_READ_SECURE_CODE_NS_ALIAS: return (int32_t)REG(BH_KERNEL_CODE_BASE + 0x100u - SECURE_ALIAS);
    case N_WRITE_SECURE_PERIPH: REG(BH_PERIPH_BASE_UART1 + 8u) = 0x7Fu; return 0;
    case N_WRITE_SECURE_PERIPH_NS_ALIAS:
        REG(BH_PERIPH_BASE_UART1 - SECURE_ALIAS + 8u) = 0x7Fu; /* the PPC drops it ... */
        return (int32_t)REG(BH_PERIPH_BASE_UART1 - SECURE_ALIAS + 8u); /* ... and reads 0 */
    case N_CALL_SECURE_MID_FUNCTION: call_at(BH_KERNEL_CODE_BASE + 0x200u); return 0;
    case N_CALL_NSC_NOT_SG: call_at(nsc + 4u); return 0;
    case N_PTR_SECURE: return echo(BH_RAM_BASE_VICTIM, 16, (uint32_t)(uintptr_t)buf, 16);
    case N_PTR_NOT_OWNED: return echo(BH_NS_RAM_BASE + BH_NS_RAM_SIZE, 16, (uint32_t)(uintptr_t)buf, 16);
    case N_PTR_WRAPS: return echo(0xFFFFFFF0u, 0x20, (uint32_t)(uintptr_t)buf, 16);
    case N_PTR_TOO_LONG: return echo((uint32_t)(uintptr_t)buf, 0xFFFFFFFFu, (uint32_t)(uintptr_t)buf + 32u, 16);
    case N_OUT_IN_OWN_CODE: return echo((uint32_t)(uintptr_t)buf, 8, BH_NS_CODE_BASE, 8);
    case N_IOVEC_ARRAY_SECURE:
        return bh_ns_call(BH_GW_ECHO, 0, (const bh_iovec_t *)(uintptr_t)BH_KERNEL_RAM_BASE, 1, NULL, 0, NULL);
    case N_GATEWAY_NOT_GRANTED: return bh_ns_call(BH_GW_PRIVATE, 0, NULL, 0, NULL, 0, NULL);
    case N_REENTER: return reenter();
    case N_FLOOD: return flood();
    case N_REGISTERS_AFTER_RETURN: return registers_after_return();
    case N_OWN_FAULT_STAYS_NONSECURE:
        own_faults = 0;
        __asm volatile("udf #9");
        return (int32_t)own_faults;
    case N_OWN_PERIPHERAL_AND_IRQ: return own_timer();
    case N_FAULT_IN_NS_HANDLER:
        systick_in(2u, 20000u);
        for (;;) {
            __asm volatile("wfi");
        }
    default: return -1;
    }
}

void ns_main(void)
{
    REG(SCB_CPACR) |= 0xFu << 20;  /* its FPU (NSACR grants CP10/CP11) */
    REG(SCB_SHCSR) |= 1u << 18;    /* its own UsageFault handler */
    __asm volatile("dsb\n isb");
    for (;;) {
        uint32_t a = next();
        ns_printf("attack %lu", (unsigned long)a);
        int32_t v = run(a);
        report(a, v);
    }
}
