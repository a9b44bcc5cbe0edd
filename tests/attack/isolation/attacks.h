/*
 * attacks.h — the attack catalogue shared by attacker and controller.
 * Each entry: what the attacker tries, and how the kernel must answer:
 * a fault of the given kind (box restarted), or a kernel error code.
 */
#ifndef ATTACKS_H
#define ATTACKS_H

#include <bulkhead/abi.h>

struct attack {
    const char *what;
    uint32_t fault;  /* expected enum bh_fault_kind, or 0 */
    int32_t error;   /* expected bh_err when fault == 0 */
};

enum {
    A_READ_KERNEL, A_WRITE_KERNEL, A_READ_VICTIM_DATA, A_WRITE_VICTIM_STACK, A_EXEC_OWN_DATA,
    A_EXEC_OWN_STACK, A_JUMP_VICTIM_CODE, A_TOUCH_UART1, A_TOUCH_CONSOLE, A_WRITE_MPU, A_WRITE_SCB_VTOR,
    A_WRITE_NVIC, A_GATEWAY_NOT_GRANTED, A_GATEWAY_UNKNOWN, A_BUF_IN_KERNEL, A_BUF_IN_VICTIM,
    A_BUF_WRAPS, A_LEN_OVERFLOWS, A_IOVEC_ARRAY_IN_KERNEL, A_OUTBUF_IN_CODE, A_TOO_MANY_VECTORS,
    A_TOO_MANY_BYTES, A_OVERLAPPING_BUFFERS, A_BAD_SYSCALL, A_LOG_KERNEL_MEMORY, A_FORGED_REPLY,
    A_FAULT_INFO_OTHER, A_NOTIFY_NOT_ALLOWED, A_IRQ_NOT_OWNED, A_SERVER_NEVER_REPLIES, A_STACK_OVERFLOW,
    A_UNDEFINED_INSTRUCTION, A_DIVIDE_BY_ZERO, A_BREAKPOINT, A_READ_PAST_OWN_RAM, A_COUNT
};

static const struct attack attacks[A_COUNT] = {
    [A_READ_KERNEL] = {"read kernel memory", BH_FAULT_MEMMANAGE, 0},
    [A_WRITE_KERNEL] = {"write kernel memory", BH_FAULT_MEMMANAGE, 0},
    [A_READ_VICTIM_DATA] = {"read another box's data", BH_FAULT_MEMMANAGE, 0},
    [A_WRITE_VICTIM_STACK] = {"write another box's stack", BH_FAULT_MEMMANAGE, 0},
    [A_EXEC_OWN_DATA] = {"execute from own data", BH_FAULT_MEMMANAGE, 0},
    [A_EXEC_OWN_STACK] = {"execute from own stack", BH_FAULT_MEMMANAGE, 0},
    [A_JUMP_VICTIM_CODE] = {"jump into another box's code", BH_FAULT_MEMMANAGE, 0},
    [A_TOUCH_UART1] = {"touch a peripheral it does not own (uart1)", BH_FAULT_MEMMANAGE, 0},
    [A_TOUCH_CONSOLE] = {"touch the kernel console (uart0)", BH_FAULT_MEMMANAGE, 0},
    [A_WRITE_MPU] = {"write MPU registers", BH_FAULT_BUS, 0},
    [A_WRITE_SCB_VTOR] = {"write SCB VTOR", BH_FAULT_BUS, 0},
    [A_WRITE_NVIC] = {"write NVIC enable registers", BH_FAULT_BUS, 0},
    [A_GATEWAY_NOT_GRANTED] = {"call a gateway it is not granted", 0, BH_E_DENIED},
    [A_GATEWAY_UNKNOWN] = {"call a gateway id that does not exist", 0, BH_E_NO_GATEWAY},
    [A_BUF_IN_KERNEL] = {"call with an input buffer in kernel memory", BH_FAULT_BADPTR, 0},
    [A_BUF_IN_VICTIM] = {"call with an input buffer in another box", BH_FAULT_BADPTR, 0},
    [A_BUF_WRAPS] = {"call with a buffer wrapping past 4 GiB", BH_FAULT_BADPTR, 0},
    [A_LEN_OVERFLOWS] = {"call with a length that overflows", BH_FAULT_BADPTR, 0},
    [A_IOVEC_ARRAY_IN_KERNEL] = {"call with the vector array in kernel memory", BH_FAULT_BADPTR, 0},
    [A_OUTBUF_IN_CODE] = {"call with an output buffer in its own code", BH_FAULT_BADPTR, 0},
    [A_TOO_MANY_VECTORS] = {"call with more vectors than allowed", 0, BH_E_TOO_BIG},
    [A_TOO_MANY_BYTES] = {"call with more bytes than the gateway allows", 0, BH_E_TOO_BIG},
    [A_OVERLAPPING_BUFFERS] = {"call with overlapping input and output", 0, BH_E_OVERLAP},
    [A_BAD_SYSCALL] = {"invalid syscall number", BH_FAULT_SYSCALL, 0},
    [A_LOG_KERNEL_MEMORY] = {"log kernel memory to the console", BH_FAULT_BADPTR, 0},
    [A_FORGED_REPLY] = {"reply with a forged message handle", 0, BH_E_STALE},
    [A_FAULT_INFO_OTHER] = {"read another box's fault record", 0, BH_E_DENIED},
    [A_NOTIFY_NOT_ALLOWED] = {"notify a box it may not notify", 0, BH_E_DENIED},
    [A_IRQ_NOT_OWNED] = {"enable an interrupt it does not own", 0, BH_E_INVALID},
    [A_SERVER_NEVER_REPLIES] = {"call a server that never replies", 0, BH_E_TIMEOUT},
    [A_STACK_OVERFLOW] = {"overflow its stack", BH_FAULT_STACK, 0},
    [A_UNDEFINED_INSTRUCTION] = {"execute an undefined instruction", BH_FAULT_USAGE, 0},
    [A_DIVIDE_BY_ZERO] = {"divide by zero", BH_FAULT_USAGE, 0},
    [A_BREAKPOINT] = {"execute a breakpoint (escalates to HardFault)", BH_FAULT_HARD, 0},
    /* On ARMv7-M the attacker's RAM is a run of sub-regions of one MPU
       region (checked at build time by subregion_check.sh): the bytes just
       past it are a disabled sub-region of that same region. */
    [A_READ_PAST_OWN_RAM] = {"read the first byte past its own RAM", BH_FAULT_MEMMANAGE, 0},
};

#define SLOT_SINK_LATE_REPLY 100u /* referee slot: the sink's reply after the timeout */

#endif
