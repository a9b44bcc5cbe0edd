/*
 * driver.c — the benchmarks every board runs, in a fixed order, each
 * announced on the console before it is measured:
 *
 *   BENCH <name> <bytes> <iterations> <ops per iteration>
 *
 * Each announcement is followed by exactly one bench_flush(), so
 * scripts/bench pairs the i-th line with bhcount's i-th result. Two
 * shapes of measurement (docs/benchmarks.md):
 *  - loop: one interval around BENCH_ITERS calls of an op; the same loop
 *    around op_nothing ("loop_overhead") is subtracted;
 *  - event: one interval per iteration, opened by an address outside the
 *    driver (the kernel's IRQ entry, the victim's faulting instruction)
 *    and closed here, so no loop code is inside it.
 * A board's driver/main.c includes this file and defines driver_main():
 * bench_common(), then the board's own measurements if it has any
 * (bench/an386: floating point), then bench_done(), which prints
 * "BENCH DONE". "BENCH FAIL <why>" stops the run when a call misbehaves.
 * Runs: unprivileged box (the lowest priority but pong's equal).
 */
#include <bulkhead/rt.h>

#include "bench.h"
#include "bench_board.h"
#include "bh_ids.h"

/* The markers: only their addresses matter (scripts/bench reads them with nm). */
__attribute__((noipa)) void bench_start(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noipa)) void bench_stop(void)
{
    __asm volatile("" ::: "memory");
}

__attribute__((noipa)) void bench_flush(void)
{
    __asm volatile("" ::: "memory");
}

static uint8_t in_buf[BENCH_MAX_BYTES], out_buf[BENCH_MAX_BYTES];
static uint32_t call_len; /* bytes in and out of op_call */

__attribute__((noreturn)) static void fail(const char *why)
{
    bh_printf("BENCH FAIL %s", why);
    for (;;) {
        bh_wait(0, BH_FOREVER);
    }
}

static void announce(const char *name, uint32_t bytes, uint32_t per)
{
    bh_printf("BENCH %s %lu %lu %lu", name, (unsigned long)bytes, (unsigned long)BENCH_ITERS, (unsigned long)per);
}

static void measure_loop(void (*op)(void))
{
    bench_start();
    bench_loop(op, BENCH_ITERS);
    bench_stop();
    bench_flush();
}

BENCH_NOIPA static void op_call(void)
{
    bh_iovec_t in = {in_buf, call_len};
    bh_iovec_t out = {out_buf, call_len};
    uint32_t n = call_len != 0u ? 1u : 0u;
    (void)bh_call(BH_GW_ECHO, 0, &in, n, &out, n, 0);
}

/* One checked call of size len: the server must echo every byte. */
static void check_echo(uint32_t len)
{
    for (uint32_t i = 0; i < len; i++) {
        in_buf[i] = (uint8_t)(i * 7u + len);
        out_buf[i] = 0;
    }
    bh_iovec_t in = {in_buf, len};
    bh_iovec_t out = {out_buf, len};
    int32_t status = -1;
    uint32_t n = len != 0u ? 1u : 0u;
    if (bh_call(BH_GW_ECHO, 0, &in, n, &out, n, &status) != BH_OK || status != (int32_t)len ||
        out.len != (n != 0u ? len : 0u)) {
        fail("echo call");
    }
    for (uint32_t i = 0; i < len; i++) {
        if (out_buf[i] != in_buf[i]) {
            fail("echo data");
        }
    }
}

/* The echo round trip of len bytes each way, announced as name. */
static void bench_gateway(const char *name, uint32_t len)
{
    check_echo(len);
    call_len = len;
    announce(name, len, 1);
    measure_loop(op_call);
    check_echo(len);
}

/* Yield ping-pong with pong (same priority): 2 yields per iteration.
 * Each call is one round of pong's (bench/common/pong.c), announced as name. */
static void bench_context_switch(const char *name)
{
    if (bh_notify(BH_BOX_PONG) != BH_OK) {
        fail("notify pong");
    }
    announce(name, 0, 2);
    measure_loop(op_yield);
    bh_yield(); /* let pong leave its loop and wait again */
}

/* Timer interrupt while everyone waits: kernel IRQ entry -> driver past bh_wait. */
static void bench_irq(void)
{
    announce("irq_to_box", 0, 1);
    for (uint32_t i = 0; i < BENCH_ITERS; i++) {
        bench_timer_arm();
        uint32_t got = bh_wait(BENCH_TIMER_SIG, 10);
        bench_stop();
        bench_timer_disarm();
        if ((got & BENCH_TIMER_SIG) == 0u) {
            fail("timer interrupt did not arrive");
        }
        bh_irq_enable(BENCH_TIMER_SIG);
    }
    bench_flush();
}

/* victim faults at bench_fault_insn -> restarted -> answers ping. */
static void bench_fault(void)
{
    announce("fault_to_restart", 0, 1);
    uint32_t bad = 0;
    for (uint32_t i = 0; i < BENCH_ITERS; i++) {
        int32_t crashed = bh_call(BH_GW_CRASH, 0, 0, 0, 0, 0, 0);
        int32_t pinged = bh_call(BH_GW_PING, 0, 0, 0, 0, 0, 0);
        bench_stop();
        bad |= (uint32_t)(crashed != BH_E_RESTARTED) | (uint32_t)(pinged != BH_OK);
    }
    bench_flush();
    if (bad != 0u) {
        fail("crash/ping calls");
    }
}

/* The figures every board reports (docs/benchmarks.md), in this order. */
static void bench_common(void)
{
    announce("loop_overhead", 0, 1);
    measure_loop(op_nothing);
    announce("null_syscall", 0, 1);
    measure_loop(op_yield);
    bench_context_switch("context_switch");
    static const uint32_t sizes[] = {0, 16, 64, 256};
    for (uint32_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        bench_gateway("gateway_round_trip", sizes[i]);
    }
    bench_irq();
    bench_fault();
}

/* The last line scripts/bench waits for. */
__attribute__((noreturn)) static void bench_done(void)
{
    bh_printf("BENCH DONE");
    for (;;) {
        bh_wait(0, BH_FOREVER);
    }
}
