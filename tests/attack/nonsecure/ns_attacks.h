/*
 * ns_attacks.h — the non-secure attack catalogue, shared by the referee
 * (Secure) and the non-secure image. Each entry: what the non-secure world
 * tries and how it must end: a fault of the non-secure world of the given
 * kind (the kernel restarts it), or a value the non-secure world reports.
 */
#ifndef NS_ATTACKS_H
#define NS_ATTACKS_H

#include <bulkhead/abi.h>

struct ns_attack {
    const char *what;
    uint32_t fault; /* expected enum bh_fault_kind of the NS world, or 0 */
    int32_t value;  /* expected reported value when fault == 0 */
};

enum {
    N_READ_SECURE_RAM, N_WRITE_SECURE_RAM, N_READ_SECURE_RAM_NS_ALIAS, N_READ_SECURE_CODE,
    N_READ_SECURE_CODE_NS_ALIAS, N_WRITE_SECURE_PERIPH, N_WRITE_SECURE_PERIPH_NS_ALIAS,
    N_CALL_SECURE_MID_FUNCTION, N_CALL_NSC_NOT_SG, N_PTR_SECURE, N_PTR_NOT_OWNED, N_PTR_WRAPS,
    N_PTR_TOO_LONG, N_OUT_IN_OWN_CODE, N_IOVEC_ARRAY_SECURE, N_GATEWAY_NOT_GRANTED, N_REENTER,
    N_FLOOD, N_REGISTERS_AFTER_RETURN, N_OWN_FAULT_STAYS_NONSECURE, N_OWN_PERIPHERAL_AND_IRQ, N_COUNT,
    N_FAULT_IN_NS_HANDLER = N_COUNT /* resets the system: its own test, not in the all-in-one run */
};

/* The fault a Secure-memory read from an NS exception handler is recorded
 * as: QEMU 7.2 escalates it to a (Secure) HardFault. */
enum {
    N_HANDLER_FAULT_KIND = BH_FAULT_HARD
};

#define FLOOD_CALLS 10000 /* about 11 ms of calls */
#define SECRET_TAG 0x5EC0u /* victim's registers hold 0x5EC0_00nn while it replies to 'secrets' */
#define SLOW_MS 5u

static const struct ns_attack ns_attacks[N_COUNT] = {
    [N_READ_SECURE_RAM] = {"read Secure SRAM (Secure alias)", BH_FAULT_SECURE, 0},
    [N_WRITE_SECURE_RAM] = {"write another box's Secure RAM (Secure alias)", BH_FAULT_SECURE, 0},
    /* The NS alias of Secure memory is outside every SAU NS region, so the
       SAU refuses it before the MPC (Secure block) would: both layers agree. */
    [N_READ_SECURE_RAM_NS_ALIAS] = {"read Secure SRAM through its Non-secure alias", BH_FAULT_SECURE, 0},
    [N_READ_SECURE_CODE] = {"read Secure code (Secure alias)", BH_FAULT_SECURE, 0},
    [N_READ_SECURE_CODE_NS_ALIAS] = {"read Secure code through its Non-secure alias", BH_FAULT_SECURE, 0},
    [N_WRITE_SECURE_PERIPH] = {"write a Secure peripheral (UART1, Secure alias)", BH_FAULT_SECURE, 0},
    [N_WRITE_SECURE_PERIPH_NS_ALIAS] = {"write a Secure peripheral through its Non-secure alias (PPC)", 0, 0},
    [N_CALL_SECURE_MID_FUNCTION] = {"branch into Secure code outside the veneers", BH_FAULT_SECURE, 0},
    [N_CALL_NSC_NOT_SG] = {"branch into the NSC window past an SG instruction", BH_FAULT_SECURE, 0},
    [N_PTR_SECURE] = {"call with an input buffer in Secure memory", BH_FAULT_BADPTR, 0},
    [N_PTR_NOT_OWNED] = {"call with a buffer in Non-secure memory it does not own", BH_FAULT_BADPTR, 0},
    [N_PTR_WRAPS] = {"call with a buffer wrapping past 4 GiB", BH_FAULT_BADPTR, 0},
    [N_PTR_TOO_LONG] = {"call with a length of 0xFFFFFFFF", BH_FAULT_BADPTR, 0},
    [N_OUT_IN_OWN_CODE] = {"call with an output buffer in its own code", BH_FAULT_BADPTR, 0},
    [N_IOVEC_ARRAY_SECURE] = {"call with the vector array in Secure memory", BH_FAULT_BADPTR, 0},
    [N_GATEWAY_NOT_GRANTED] = {"call a gateway not granted to nonsecure", 0, BH_E_DENIED},
    [N_REENTER] = {"re-enter from an interrupt handler while a call is in progress", 0, 1},
    [N_FLOOD] = {"flood a gateway with calls", 0, FLOOD_CALLS},
    [N_REGISTERS_AFTER_RETURN] = {"look for Secure values in core and FP registers after a call", 0, 0},
    [N_OWN_FAULT_STAYS_NONSECURE] = {"take an undefined-instruction fault of its own", 0, 1},
    /* Not an attack: what the manifest gives it (timer0, PPC port NS, its
       IRQ in NVIC_ITNS) works from the non-secure side. */
    [N_OWN_PERIPHERAL_AND_IRQ] = {"use its own peripheral (timer0) and take its interrupt", 0, 1},
};

#endif
