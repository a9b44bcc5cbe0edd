/*
 * arch.c (Cortex-M) — contexts, interrupts, console, reset and platform
 * set-up, shared by ARMv8-M Mainline (Cortex-M33, Secure world) and
 * ARMv7-M (Cortex-M3, Cortex-M4F). What differs is chosen by the flags in
 * the architecture's arch_types.h (BH_ARCH_PSPLIM, BH_ARCH_SECURITY,
 * BH_ARCH_FPU, BH_ARCH_IRQ_LINES); the context switch and the MPU encoding
 * live in armv8m/ and armv7m/.
 *
 * Memory map choice (ADR 0002): the MPU runs with PRIVDEFENA = 1, so the
 * kernel uses the architectural default map; unprivileged box code sees
 * only its own 8 regions. Exception priorities: faults 0x00, every kernel
 * entry (SVC, PendSV, SysTick, IRQs) 0x80, so kernel entries never nest.
 * Floating point (Cortex-M4F only, ADR 0009): boxes may use the FPU; lazy
 * stacking is off so FP state is stacked eagerly and switch.S can keep it
 * per box. Elsewhere the FPU stays off and an FP instruction is a
 * UsageFault (NOCP).
 * Runs: privileged.
 */
#include <string.h>

#include "kernel.h"
#include "regs.h"

#define EXC_RETURN_THREAD_PSP 0xFFFFFFFDu /* Secure, thread, PSP, no FP frame */
#define CONTROL_BOX 3u                    /* nPRIV | SPSEL */
#define CONTROL_IDLE 2u                   /* SPSEL, privileged */
#define XPSR_THUMB 0x01000000u
#define KERNEL_PRIO 0x80u
#define IDLE_STACK_WORDS 64u

#define UART_DATA 0x0u
#define UART_STATE 0x4u
#define UART_CTRL 0x8u
#define UART_BAUDDIV 0x10u

static uint32_t idle_stack[IDLE_STACK_WORDS] __attribute__((aligned(8)));
static uint8_t epitaph_area[64] __attribute__((section(".noinit"), aligned(4)));

void bh_arch_idle_loop(void);
void bh_arch_mpu_empty(uint32_t mpu[2u * BH_MPU_SLOTS]);

uint8_t *bh_arch_ptr(uint32_t addr)
{
    return (uint8_t *)(uintptr_t)addr;
}

bh_frame_t *bh_arch_frame(struct bh_box *b)
{
    uint32_t psp = b->arch.psp;
    if (b == bh_k.current) {
        __asm volatile("mrs %0, psp" : "=r"(psp));
    }
    return (bh_frame_t *)(uintptr_t)psp;
}

void bh_arch_ctx_init(bh_arch_box_t *a, uint32_t stack_base, uint32_t stack_top, uint32_t pc, uint32_t control)
{
    bh_frame_t *f = (bh_frame_t *)(uintptr_t)(stack_top - sizeof(bh_frame_t));
    memset(f, 0, sizeof *f);
    f->pc = pc & ~1u;
    f->xpsr = XPSR_THUMB;
    a->psp = (uint32_t)(uintptr_t)f;
#if BH_ARCH_PSPLIM
    a->psplim = stack_base;
#else
    (void)stack_base; /* the MPU region's base is the limit */
#endif
    a->control = control;
    a->exc_return = EXC_RETURN_THREAD_PSP;
    memset(a->r4_r11, 0, sizeof a->r4_r11);
}

void bh_arch_box_init(struct bh_box *b, uint32_t entry)
{
    const bh_box_desc_t *d = b->desc;
    bh_arch_ctx_init(&b->arch, d->ram_base, d->ram_base + d->stack_size, entry, CONTROL_BOX);
}

void bh_arch_idle_init(struct bh_box *idle)
{
    uint32_t base = (uint32_t)(uintptr_t)idle_stack;
    bh_arch_ctx_init(&idle->arch, base, base + sizeof idle_stack, (uint32_t)(uintptr_t)bh_arch_idle_loop, CONTROL_IDLE);
    bh_arch_mpu_empty(idle->arch.mpu); /* idle is privileged: no box region stays */
    idle->state = BH_STATE_READY;
}

/*
 * Unmasks 'irq'. Its pending bit is cleared first: it was latched while the
 * line was masked and the box has since serviced the device. The devices
 * boxes own are level-triggered, so a line that is still asserted pends
 * again at once and nothing is lost; a stale pending bit would otherwise
 * deliver a second, empty interrupt.
 */
void bh_arch_irq_enable(uint32_t irq)
{
    BH_REG(NVIC_ICPR + 4u * (irq / 32u)) = 1u << (irq % 32u);
    BH_REG(NVIC_ISER + 4u * (irq / 32u)) = 1u << (irq % 32u);
}

void bh_arch_irq_disable(uint32_t irq)
{
    BH_REG(NVIC_ICER + 4u * (irq / 32u)) = 1u << (irq % 32u);
    __asm volatile("dsb\n isb" ::: "memory");
}

void bh_arch_console_init(void)
{
    uint32_t u = bh_system.console_base;
    BH_REG(u + UART_BAUDDIV) = 16u;
    BH_REG(u + UART_CTRL) = 1u; /* TX enable before any write (QEMU pitfall 12) */
}

void bh_arch_console_write(const char *s, uint32_t n)
{
    uint32_t u = bh_system.console_base;
    for (uint32_t i = 0; i < n; i++) {
        while ((BH_REG(u + UART_STATE) & 1u) != 0u) {
        }
        BH_REG(u + UART_DATA) = (uint8_t)s[i];
    }
}

void *bh_arch_epitaph(uint32_t size)
{
    return size <= sizeof epitaph_area ? epitaph_area : 0;
}

void bh_arch_reset(void)
{
    __asm volatile("dsb" ::: "memory");
    BH_REG(SCB_AIRCR) = 0x05FA0004u;
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}


static uint32_t semihost(uint32_t op, void *block)
{
    register uint32_t r0 __asm("r0") = op;
    register uint32_t r1 __asm("r1") = (uint32_t)(uintptr_t)block;
    __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

int32_t bh_arch_test_arg(void)
{
    char line[16] = {0};
    uint32_t block[2] = {(uint32_t)(uintptr_t)line, sizeof line - 1u};
    if (semihost(0x15u, block) != 0u || line[0] < '0' || line[0] > '9') { /* SYS_GET_CMDLINE */
        return -1;
    }
    int32_t v = 0;
    for (uint32_t i = 0; i < sizeof line && line[i] >= '0' && line[i] <= '9'; i++) {
        v = v * 10 + (line[i] - '0');
    }
    return v;
}

void bh_arch_halt(int code)
{
    uint32_t block[2] = {0x20026u, (uint32_t)code}; /* ADP_Stopped_ApplicationExit */
    semihost(0x20u, block);                          /* SYS_EXIT_EXTENDED */
    for (;;) {
    }
}

static void set_priorities(void)
{
    BH_REG(SCB_SHPR1) = 0;                                   /* MemManage, Bus, Usage, (Secure) */
    BH_REG(SCB_SHPR2) = KERNEL_PRIO << 24;                   /* SVCall */
    BH_REG(SCB_SHPR3) = (KERNEL_PRIO << 24) | (KERNEL_PRIO << 16); /* SysTick, PendSV */
    for (uint32_t i = 0; i < BH_ARCH_IRQ_LINES; i++) {
        BH_REG8(NVIC_IPR + i) = (uint8_t)KERNEL_PRIO;
    }
}

void bh_arch_mpu_init(void);
void bh_arch_tz_init(void);

void bh_arch_platform_init(void)
{
    for (uint32_t i = 0; i < bh_system.nbus_grants; i++) {
        BH_REG(bh_system.bus_ctl_base + bh_system.bus_grants[i].reg) |= bh_system.bus_grants[i].mask;
    }
    set_priorities();
    BH_REG(SCB_CCR) |= 1u << 4;                                /* DIV_0_TRP */
    BH_REG(SCB_SHCSR) |= (1u << 16) | (1u << 17) | (1u << 18) | (BH_ARCH_SECURITY ? 1u << 19 : 0u);
#if BH_ARCH_FPU
    BH_REG(FPU_FPCCR) = FPCCR_ASPEN;                           /* eager FP stacking, LSPEN = 0 */
    BH_REG(SCB_CPACR) |= 0xFu << 20;                           /* CP10, CP11: full access */
    __asm volatile("dsb\n isb" ::: "memory");
#endif
    bh_arch_tz_init(); /* armv8m/tz.c with a non-secure world, else cortexm/tz_off.c */
    bh_arch_mpu_init();
}

void bh_arch_tick_start(uint32_t clock_hz, uint32_t hz)
{
    BH_REG(SYST_RVR) = clock_hz / hz - 1u;
    BH_REG(SYST_CVR) = 0;
    BH_REG(SYST_CSR) = 7u; /* processor clock, interrupt, enable */
}
