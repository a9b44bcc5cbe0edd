/*
 * bulkhead/bh.h — the box API: everything a box may ask of the kernel.
 *
 * Each call is one SVC; the immediate is the syscall number (abi.h).
 * Arguments travel in r0-r3 (and r12 for bh_call's vector counts); results
 * come back in r0 (and r1 for bh_call's reply status). Nothing here is
 * trusted by the kernel: every argument is checked there.
 * See docs/syscalls.md for Arguments / Returns / Faults of each call.
 * Runs: unprivileged, inside a box.
 */
#ifndef BULKHEAD_BH_H
#define BULKHEAD_BH_H

#include <stddef.h>
#include <stdint.h>

#include <bulkhead/abi.h>

_Static_assert(sizeof(bh_iovec_t) == 8, "iovec ABI: 8 bytes");

#define BH_SVC2(n, a, b)                                                                  \
    ({                                                                                    \
        register uint32_t r0_ __asm("r0") = (uint32_t)(a);                                \
        register uint32_t r1_ __asm("r1") = (uint32_t)(b);                                \
        __asm volatile("svc %[num]" : "+r"(r0_), "+r"(r1_) : [num] "I"(n) : "memory");    \
        r0_;                                                                              \
    })

#define BH_SVC4(n, a, b, c, d)                                                            \
    ({                                                                                    \
        register uint32_t r0_ __asm("r0") = (uint32_t)(a);                                \
        register uint32_t r1_ __asm("r1") = (uint32_t)(b);                                \
        register uint32_t r2_ __asm("r2") = (uint32_t)(c);                                \
        register uint32_t r3_ __asm("r3") = (uint32_t)(d);                                \
        __asm volatile("svc %[num]" : "+r"(r0_), "+r"(r1_), "+r"(r2_), "+r"(r3_)          \
                       : [num] "I"(n) : "memory");                                        \
        r0_;                                                                              \
    })

/*
 * Calls gateway 'gw' with operation 'op'. Blocks until the server replies,
 * the gateway's deadline passes, or the server restarts / stops.
 * Returns the kernel's verdict (BH_OK or a negative bh_err); on BH_OK,
 * *status (if not NULL) holds the server's reply status, unchanged, and
 * each outvec[i].len holds the bytes the server wrote.
 */
static inline int32_t bh_call(uint32_t gw, int32_t op, const bh_iovec_t *in, uint32_t n_in, bh_iovec_t *out,
                              uint32_t n_out, int32_t *status)
{
    register uint32_t r0 __asm("r0") = gw;
    register uint32_t r1 __asm("r1") = (uint32_t)op;
    register uint32_t r2 __asm("r2") = (uint32_t)(uintptr_t)in;
    register uint32_t r3 __asm("r3") = (uint32_t)(uintptr_t)out;
    register uint32_t r12 __asm("r12") = n_in | (n_out << 8);
    __asm volatile("svc %[num]" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r12)
                   : [num] "I"(BH_SYS_CALL) : "memory");
    if (status != NULL) {
        *status = (int32_t)r1;
    }
    return (int32_t)r0;
}

/* Waits until a signal in 'mask' is pending; returns those signals, or 0
 * when timeout_ms passed first (BH_FOREVER: no deadline; 0: poll). */
static inline uint32_t bh_wait(uint32_t mask, uint32_t timeout_ms)
{
    return BH_SVC2(BH_SYS_WAIT, mask, timeout_ms);
}

/* Takes the next call waiting on gateway signal 'signal' into *msg. */
static inline int32_t bh_get(uint32_t signal, bh_msg_t *msg)
{
    return (int32_t)BH_SVC2(BH_SYS_GET, signal, msg);
}

/* Copies up to len bytes of input vector i; returns bytes copied (0 at end). */
static inline int32_t bh_read(uint32_t handle, uint32_t i, void *buf, uint32_t len)
{
    return (int32_t)BH_SVC4(BH_SYS_READ, handle, i, buf, len);
}

/* Appends len bytes to output vector i; BH_E_FULL (nothing written) if no room. */
static inline int32_t bh_write(uint32_t handle, uint32_t i, const void *buf, uint32_t len)
{
    return (int32_t)BH_SVC4(BH_SYS_WRITE, handle, i, buf, len);
}

/* Completes the call: the caller gets BH_OK and 'status', unchanged. */
static inline int32_t bh_reply(uint32_t handle, int32_t status)
{
    return (int32_t)BH_SVC2(BH_SYS_REPLY, handle, status);
}

/* Raises BH_SIG_NOTIFY in box 'box' (if the manifest allows it). */
static inline int32_t bh_notify(uint32_t box)
{
    return (int32_t)BH_SVC2(BH_SYS_NOTIFY, box, 0);
}

static inline int32_t bh_sleep(uint32_t ms)
{
    return (int32_t)BH_SVC2(BH_SYS_SLEEP, ms, 0);
}

/* Unmasks the interrupt behind IRQ signal 'signal' after servicing it. */
static inline int32_t bh_irq_enable(uint32_t signal)
{
    return (int32_t)BH_SVC2(BH_SYS_IRQ_ENABLE, signal, 0);
}

static inline int32_t bh_yield(void)
{
    return (int32_t)BH_SVC2(BH_SYS_YIELD, 0, 0);
}

/* One console line "[box] text" (cut at 120 bytes, rate-limited). */
static inline int32_t bh_log(const char *text, uint32_t len)
{
    return (int32_t)BH_SVC2(BH_SYS_LOG, text, len);
}

/* Fault record of box 'box' (own, or any for the supervisor). Returns the
 * box's state (enum bh_box_state) or a negative error. */
static inline int32_t bh_fault_info(uint32_t box, bh_fault_t *rec)
{
    return (int32_t)BH_SVC2(BH_SYS_FAULT_INFO, box, rec);
}

static inline int32_t bh_self(bh_self_t *s)
{
    return (int32_t)BH_SVC2(BH_SYS_SELF, s, 0);
}

/* Ends the box; its fault policy decides what happens next. */
__attribute__((noreturn)) static inline void bh_exit(void)
{
    BH_SVC2(BH_SYS_EXIT, 0, 0);
    __builtin_unreachable();
}

/* Test systems only (BH_E_NOSYS in product kernels). */
static inline int32_t bh_test(uint32_t op, uint32_t a, uint32_t b)
{
    register uint32_t r0 __asm("r0") = op;
    register uint32_t r1 __asm("r1") = a;
    register uint32_t r2 __asm("r2") = b;
    __asm volatile("svc %[num]" : "+r"(r0), "+r"(r1), "+r"(r2) : [num] "I"(BH_SYS_TEST) : "memory");
    return (int32_t)r0;
}

#endif
