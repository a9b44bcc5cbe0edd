/*
 * attacker — a malicious box. On each go from the controller it asks the
 * referee which attack to run and runs it. Attacks that the hardware or
 * kernel answers with a fault never return (the box is restarted and waits
 * for the next go); attacks the kernel answers with an error code report
 * that code to the referee.
 */
#include <string.h>

#include <bulkhead/rt.h>

#include "attacks.h"
#include "bh_ids.h"

#define KERNEL_RAM BH_KERNEL_RAM_BASE

extern const uint8_t __bh_ram_end[]; /* first byte after this box's RAM (its linker script) */
#define REG(a) (*(volatile uint32_t *)(uintptr_t)(a))

typedef void (*fn_t)(void);

static volatile uint16_t code_in_data[4] = {0x4770, 0x4770, 0x4770, 0x4770}; /* bx lr */
static char buf[64];
static volatile uint32_t divisor_zero, divisor_one = 1;

static int32_t call_echo(const void *in_base, uint32_t in_len, void *out_base, uint32_t out_len)
{
    bh_iovec_t in = {in_base, in_len}, out = {out_base, out_len};
    return bh_call(BH_GW_ECHO, 0, &in, 1, &out, 1, NULL);
}

static int32_t raw_call(uint32_t gw, uint32_t invec_addr, uint32_t n_in)
{
    return bh_call(gw, 0, (const bh_iovec_t *)(uintptr_t)invec_addr, n_in, NULL, 0, NULL);
}

/* Calls 'code' (Thumb) through a pointer the compiler cannot see through. */
static void call_code(const volatile uint16_t *code)
{
    fn_t fn = (fn_t)((uintptr_t)code | 1u);
    __asm volatile("" : "+r"(fn) : : "memory");
    fn();
}

static void exec_from_stack(void)
{
    volatile uint16_t code[4] = {0x4770, 0x4770, 0x4770, 0x4770}; /* bx lr */
    call_code(code);
}

static volatile uint32_t depth_limit = 0xFFFFFFFFu; /* never reached: the stack ends first */

static uint32_t recurse(uint32_t n)
{
    volatile uint8_t pad[128];
    pad[0] = (uint8_t)n;
    return n >= depth_limit ? n : recurse(n + 1u) + pad[0];
}

static int32_t memory_attack(uint32_t a)
{
    switch (a) {
    case A_READ_KERNEL: return (int32_t)REG(KERNEL_RAM + 0x100u);
    case A_WRITE_KERNEL: REG(KERNEL_RAM + 0x100u) = 0xBADu; return 0;
    case A_READ_VICTIM_DATA: return (int32_t)REG(BH_RAM_BASE_VICTIM + BH_STACK_SIZE_VICTIM);
    case A_WRITE_VICTIM_STACK: REG(BH_RAM_BASE_VICTIM + BH_STACK_SIZE_VICTIM - 64u) = 0xBADu; return 0;
    case A_EXEC_OWN_DATA: call_code(code_in_data); return 0;
    case A_EXEC_OWN_STACK: exec_from_stack(); return 0;
    case A_JUMP_VICTIM_CODE: ((fn_t)(uintptr_t)(BH_CODE_BASE_VICTIM + 0x41u))(); return 0;
    case A_TOUCH_UART1: return (int32_t)REG(BH_PERIPH_BASE_UART1 + 4u);
    case A_TOUCH_CONSOLE: REG(BH_PERIPH_BASE_UART0) = 'X'; return 0;
    case A_WRITE_MPU: REG(0xE000ED94u) = 0; return 0;
    case A_WRITE_SCB_VTOR: REG(0xE000ED08u) = BH_RAM_BASE_ATTACKER; return 0;
    case A_WRITE_NVIC: REG(0xE000E180u) = 0xFFFFFFFFu; return 0;
    case A_STACK_OVERFLOW: return (int32_t)recurse(0);
    case A_UNDEFINED_INSTRUCTION: __asm volatile("udf #7"); return 0;
    case A_DIVIDE_BY_ZERO: return (int32_t)(divisor_one / divisor_zero);
    case A_BREAKPOINT: __asm volatile("bkpt #1"); return 0;
    case A_READ_PAST_OWN_RAM: return *(const volatile uint8_t *)__bh_ram_end;
    default: return 1;
    }
}

static int32_t gateway_attack(uint32_t a)
{
    static bh_iovec_t five[5];
    switch (a) {
    case A_GATEWAY_NOT_GRANTED: return bh_call(BH_GW_PRIVATE, 0, NULL, 0, NULL, 0, NULL);
    case A_GATEWAY_UNKNOWN: return bh_call(200, 0, NULL, 0, NULL, 0, NULL);
    case A_BUF_IN_KERNEL: return call_echo((const void *)(uintptr_t)(KERNEL_RAM + 0x100u), 16, buf, 16);
    case A_BUF_IN_VICTIM: return call_echo((const void *)(uintptr_t)BH_RAM_BASE_VICTIM, 16, buf, 16);
    case A_BUF_WRAPS: return call_echo((const void *)(uintptr_t)0xFFFFFFF0u, 0x20, buf, 16);
    case A_LEN_OVERFLOWS: return call_echo(buf, 0xFFFFFFFFu, buf + 32, 16);
    case A_IOVEC_ARRAY_IN_KERNEL: return raw_call(BH_GW_ECHO, KERNEL_RAM + 0x100u, 1);
    case A_OUTBUF_IN_CODE: return call_echo(buf, 8, (void *)(uintptr_t)BH_CODE_BASE_ATTACKER, 8);
    case A_TOO_MANY_VECTORS: return bh_call(BH_GW_ECHO, 0, five, 5, NULL, 0, NULL);
    case A_TOO_MANY_BYTES: return call_echo(buf, 65, buf, 0);
    case A_OVERLAPPING_BUFFERS: return call_echo(buf, 32, buf + 16, 32);
    case A_SERVER_NEVER_REPLIES: return bh_call(BH_GW_BLACKHOLE, 0, NULL, 0, NULL, 0, NULL);
    default: return 1;
    }
}

static int32_t syscall_attack(uint32_t a)
{
    bh_fault_t rec;
    switch (a) {
    case A_BAD_SYSCALL: __asm volatile("svc 99" ::: "memory"); return 0;
    case A_LOG_KERNEL_MEMORY: return bh_log((const char *)(uintptr_t)KERNEL_RAM, 64);
    case A_FORGED_REPLY: return bh_reply((BH_BOX_CONTROLLER << 24) | 1u, 0);
    case A_FAULT_INFO_OTHER: return bh_fault_info(BH_BOX_VICTIM, &rec);
    case A_NOTIFY_NOT_ALLOWED: return bh_notify(BH_BOX_CONTROLLER);
    case A_IRQ_NOT_OWNED: return bh_irq_enable(1u << 5);
    default: return memory_attack(a);
    }
}

void attacker_main(void)
{
    for (;;) {
        bh_wait(BH_SIG_NOTIFY, BH_FOREVER);
        uint32_t a = 0xFFFFFFFFu;
        bh_iovec_t out = {&a, sizeof a};
        bh_call(BH_GW_NEXT, 0, NULL, 0, &out, 1, NULL);
        if (a >= A_COUNT) {
            continue;
        }
        bh_printf("attack %lu: %s", (unsigned long)a, attacks[a].what);
        int32_t r = (a >= A_GATEWAY_NOT_GRANTED && a <= A_OVERLAPPING_BUFFERS) || a == A_SERVER_NEVER_REPLIES
                        ? gateway_attack(a)
                        : syscall_attack(a);
        uint32_t report[2] = {a, (uint32_t)r};
        bh_iovec_t in = {report, sizeof report};
        bh_call(BH_GW_REPORT, 0, &in, 1, NULL, 0, NULL);
    }
}
