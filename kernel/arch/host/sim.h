/*
 * sim.h (host) — the simulated machine behind the host arch hooks, and
 * what unit tests may observe or drive of it.
 *
 * Memory: two fixed simulated memories of the unit-test system, each one
 * host buffer (CODE at BH_SIM_CODE_BASE, RAM at BH_SIM_RAM_BASE). Box
 * addresses stay 32-bit integers; bh_arch_ptr() is the only mapping from
 * such an address to a host pointer and it fails the test for an address
 * outside both memories (the core may only touch addresses it checked).
 * Tests may poison parts of the memories (AddressSanitizer), so that a
 * kernel access there (e.g. kernel-reserved or unowned memory) aborts.
 * Devices are not simulated: no device address is mapped.
 *
 * Records: every hook that stands for hardware (IRQ enable/disable, console,
 * platform init, tick start, MPU image) leaves a record in bh_sim; the
 * test-run argument (bh_arch_test_arg) is read from bh_sim.test_arg.
 * bh_arch_reset / bh_arch_halt / bh_arch_start never return: they unwind to
 * the innermost bh_sim_run(), which reports how the code ended. Called
 * outside bh_sim_run() they fail the test.
 * Failures go through a hook (default: print and abort()); tests install
 * one that fails the current test case instead.
 * Runs: host only (unit tests). Not thread-safe.
 */
#ifndef BH_SIM_H
#define BH_SIM_H

#include <stdbool.h>
#include <stdint.h>

#define BH_SIM_CODE_BASE 0x10000000u
#define BH_SIM_CODE_SIZE 0x40000u /* 256 KiB */
#define BH_SIM_RAM_BASE 0x38000000u
#define BH_SIM_RAM_SIZE 0x40000u /* 256 KiB */
#define BH_SIM_IRQ_LINES 128u
#define BH_SIM_CONSOLE_MAX 65536u
#define BH_SIM_EPITAPH_SIZE 64u
#define BH_SIM_XPSR_THUMB 0x01000000u

/* How the code run by bh_sim_run() ended. */
enum bh_sim_exit { BH_SIM_RETURNED = 0, BH_SIM_RESET = 1, BH_SIM_HALT = 2, BH_SIM_STARTED = 3 };

typedef struct {
    uint32_t irq_enabled[BH_SIM_IRQ_LINES / 32u]; /* NVIC enable bits */
    uint32_t irq_enables[BH_SIM_IRQ_LINES];       /* calls per line */
    uint32_t irq_disables[BH_SIM_IRQ_LINES];
    char console[BH_SIM_CONSOLE_MAX + 1u]; /* always NUL-terminated */
    uint32_t console_len;
    bool console_overflow; /* output beyond BH_SIM_CONSOLE_MAX was lost */
    uint32_t platform_inits;
    uint32_t tick_starts, tick_clock_hz, tick_hz;
    uint32_t idle_inits;
    uint32_t resets, halts, starts;
    int halt_code;
    int32_t test_arg; /* what bh_arch_test_arg returns; -1 (none) after reset */
    int ns_range_ok;  /* what bh_arch_ns_range_ok answers (0 after reset) */
} bh_sim_record_t;

extern bh_sim_record_t bh_sim;

/* Warm reset of the machine: memories zeroed and unpoisoned, records and
 * bh_sim_run nesting cleared; the epitaph area survives. */
void bh_sim_reset(void);
/* Power cycle: bh_sim_reset() and the epitaph area is lost (zeroed). */
void bh_sim_power_cycle(void);
/* Fills the epitaph area with 'byte' (what RAM holds after power-on). */
void bh_sim_epitaph_fill(uint8_t byte);

/* True when [addr, addr+len) lies wholly in one simulated memory. */
bool bh_sim_mapped(uint32_t addr, uint32_t len);
/* Test view of [addr, addr+len); fails the test when not mapped. */
uint8_t *bh_sim_mem(uint32_t addr, uint32_t len);
/* AddressSanitizer: make the kernel (and the test) abort on any access. */
void bh_sim_poison(uint32_t addr, uint32_t len);
void bh_sim_unpoison(uint32_t addr, uint32_t len);

bool bh_sim_irq_is_enabled(uint32_t irq);
void bh_sim_console_clear(void);
/* True when 'text' was written to the console since the last clear. */
bool bh_sim_console_has(const char *text);

/* Runs fn(arg); returns BH_SIM_RETURNED, or how reset/halt/start ended it. */
int bh_sim_run(void (*fn)(void *), void *arg);

/* Called on a simulation failure; must not return (default: abort()). */
void bh_sim_set_fail_hook(void (*hook)(const char *msg));
__attribute__((noreturn)) void bh_sim_fail(const char *msg, uint32_t value);

/* Used by arch.c: the epitaph area (NULL when size does not fit), and the
 * unwinding to the innermost bh_sim_run with 'how'. */
void *bh_sim_epitaph_area(uint32_t size);
__attribute__((noreturn)) void bh_sim_escape(int how);

#endif
