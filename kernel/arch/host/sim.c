/*
 * sim.c (host) — simulated memories, hardware records and the escape from
 * noreturn hooks (see sim.h).
 *
 * The memories are static host buffers; AddressSanitizer puts redzones
 * around them, so an access running past the end of one is caught too.
 * Runs: host only (unit tests). Trusts: nothing; every address is checked.
 */
#include "sim.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/asan_interface.h>

#include "range.h"

typedef struct {
    uint32_t base, size;
    uint8_t *host;
} sim_mem_t;

static uint8_t code_mem[BH_SIM_CODE_SIZE] __attribute__((aligned(64)));
static uint8_t ram_mem[BH_SIM_RAM_SIZE] __attribute__((aligned(64)));
static uint8_t epitaph_area[BH_SIM_EPITAPH_SIZE] __attribute__((aligned(8)));

static const sim_mem_t mems[] = {
    {BH_SIM_CODE_BASE, BH_SIM_CODE_SIZE, code_mem},
    {BH_SIM_RAM_BASE, BH_SIM_RAM_SIZE, ram_mem},
};

bh_sim_record_t bh_sim;

static void (*fail_hook)(const char *msg);
static jmp_buf *escape_to; /* innermost bh_sim_run, or NULL */
static int escape_how;

void bh_sim_set_fail_hook(void (*hook)(const char *msg))
{
    fail_hook = hook;
}

void bh_sim_fail(const char *msg, uint32_t value)
{
    char text[160];
    snprintf(text, sizeof text, "host sim: %s (0x%08x)", msg, (unsigned)value);
    if (fail_hook != NULL) {
        fail_hook(text);
    }
    fprintf(stderr, "%s\n", text);
    abort();
}

static const sim_mem_t *find(uint32_t addr, uint32_t len)
{
    for (size_t i = 0; i < sizeof mems / sizeof mems[0]; i++) {
        if (bh_range_valid(addr, len) && bh_range_within(addr, len, mems[i].base, mems[i].size)) {
            return &mems[i];
        }
    }
    return NULL;
}

bool bh_sim_mapped(uint32_t addr, uint32_t len)
{
    return find(addr, len) != NULL;
}

uint8_t *bh_sim_mem(uint32_t addr, uint32_t len)
{
    const sim_mem_t *m = find(addr, len == 0u ? 1u : len);
    if (m == NULL) {
        bh_sim_fail("access to unmapped simulated address", addr);
    }
    return m->host + (addr - m->base);
}

void bh_sim_poison(uint32_t addr, uint32_t len)
{
    ASAN_POISON_MEMORY_REGION(bh_sim_mem(addr, len), len);
}

void bh_sim_unpoison(uint32_t addr, uint32_t len)
{
    ASAN_UNPOISON_MEMORY_REGION(bh_sim_mem(addr, len), len);
}

void bh_sim_reset(void)
{
    for (size_t i = 0; i < sizeof mems / sizeof mems[0]; i++) {
        ASAN_UNPOISON_MEMORY_REGION(mems[i].host, mems[i].size);
        memset(mems[i].host, 0, mems[i].size);
    }
    memset(&bh_sim, 0, sizeof bh_sim);
    bh_sim.test_arg = -1;
    escape_to = NULL;
}

void bh_sim_power_cycle(void)
{
    bh_sim_reset();
    bh_sim_epitaph_fill(0);
}

void bh_sim_epitaph_fill(uint8_t byte)
{
    memset(epitaph_area, byte, sizeof epitaph_area);
}

void *bh_sim_epitaph_area(uint32_t size)
{
    return size <= sizeof epitaph_area ? epitaph_area : NULL;
}

bool bh_sim_irq_is_enabled(uint32_t irq)
{
    return irq < BH_SIM_IRQ_LINES && (bh_sim.irq_enabled[irq / 32u] & (1u << (irq % 32u))) != 0u;
}

void bh_sim_console_clear(void)
{
    bh_sim.console_len = 0;
    bh_sim.console[0] = '\0';
    bh_sim.console_overflow = false;
}

bool bh_sim_console_has(const char *text)
{
    return strstr(bh_sim.console, text) != NULL;
}

int bh_sim_run(void (*fn)(void *), void *arg)
{
    jmp_buf env;
    jmp_buf *const outer = escape_to;
    escape_to = &env;
    if (setjmp(env) != 0) {
        escape_to = outer;
        return escape_how;
    }
    fn(arg);
    escape_to = outer;
    return BH_SIM_RETURNED;
}

void bh_sim_escape(int how)
{
    if (escape_to == NULL) {
        bh_sim_fail("reset/halt/start outside bh_sim_run", (uint32_t)how);
    }
    escape_how = how;
    longjmp(*escape_to, how);
}
