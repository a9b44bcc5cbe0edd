/*
 * ns.h — the non-secure runtime (nsrt): what a non-secure image built from
 * a system's `nonsecure/` directory gets besides the generated bh_ns.h
 * (bh_ns_call, bh_ns_log and one veneer per gateway granted to it).
 *
 * The image starts at ns_reset (its vector table is the first thing in its
 * code slot; the Secure kernel loads MSP_NS and VTOR_NS from it and jumps
 * there), which copies .data, clears .bss and calls ns_main(). Exception
 * handlers are weak: define ns_systick_handler, ns_irq_handler or
 * ns_fault_handler to take them over.
 * Runs: Non-secure world (privileged thread unless the image drops it).
 */
#ifndef BULKHEAD_NS_H
#define BULKHEAD_NS_H

#include <stdint.h>

/* The image's main function; returning from it stops the NS world. */
void ns_main(void);

/* printf-style line to the kernel console as "[nonsecure] ..." (bh_ns_log,
 * rate-limited like every box's bh_log). Returns the kernel's verdict. */
int32_t ns_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Weak handlers (defaults: SysTick and IRQs ignored; a fault spins). They
 * run in handler mode, where every veneer answers BH_E_BUSY: no logging or
 * gateway calls from them. */
void ns_systick_handler(void);
void ns_irq_handler(uint32_t irq);
/* exception: IPSR (3 HardFault, 4 MemManage, 6 UsageFault, ...); frame:
 * the stacked r0, r1, r2, r3, r12, lr, pc, xpsr (a handler may move pc). */
void ns_fault_handler(uint32_t exception, uint32_t *frame);

/* The log veneer (the import library of the Secure image defines it). */
int64_t bh_nsc_log(const char *text, uint32_t len);

#endif
