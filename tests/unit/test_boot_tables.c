/*
 * test_boot_tables.c — boot.c: the kernel refuses to boot on tables that
 * fail the shared validator.
 *
 * This executable links its own bh_system: five boxes, each with an
 * unknown fault policy (five errors, everything else valid). The real
 * bh_kernel_boot must print at most four of them, panic with the count
 * and reset, before any platform set-up, box start or tick.
 * Runs: host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kernel.h"
#include "sim.h"

#define NBOX 5u
#define BAD_POLICY 7u

#define BOX(i, nm)                                                                                     \
    {                                                                                                  \
        .name = nm, .priority = (uint8_t)(1u + (i)), .policy = BAD_POLICY, .nregions = 2,              \
        .code_base = 0x10008000u + (i) * 0x1000u, .code_size = 0x1000u,                                \
        .ram_base = 0x38008000u + (i) * 0x1000u, .ram_size = 0x1000u, .stack_size = 0x400u,            \
        .regions = {{0x10008000u + (i) * 0x1000u, 0x1000u, BH_ACC_R | BH_ACC_X, BH_RK_CODE, 0xFFFFu},  \
                    {0x38008000u + (i) * 0x1000u, 0x1000u, BH_ACC_R | BH_ACC_W, BH_RK_RAM, 0xFFFFu}}, \
    }

const bh_system_t bh_system = {
    .name = "rejected",
    .clock_hz = 1000000u,
    .nboxes = NBOX,
    .nmemories = 2,
    .nirq_lines = 32,
    .boxes = {BOX(0u, "a"), BOX(1u, "b"), BOX(2u, "c"), BOX(3u, "d"), BOX(4u, "e")},
    .memories = {{BH_SIM_CODE_BASE, BH_SIM_CODE_SIZE, BH_RK_CODE}, {BH_SIM_RAM_BASE, BH_SIM_RAM_SIZE, BH_RK_RAM}},
    .ns = {.box = BH_NO_NS},
};

static void fail_hook(const char *msg)
{
    fail_msg("%s", msg);
}

static void boot_fn(void *arg)
{
    (void)arg;
    bh_kernel_boot();
}

static int boot(void **state)
{
    (void)state;
    bh_sim_set_fail_hook(fail_hook);
    bh_sim_power_cycle();
    memset(&bh_k, 0, sizeof bh_k);
    return 0;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

static void test_boot_tables_rejected_tables_panic_and_reset(void **state)
{
    (void)state;
    assert_int_equal(bh_sim_run(boot_fn, NULL), BH_SIM_RESET);
    assert_true(bh_sim_console_has("[kernel] PANIC: system tables rejected 0x00000005"));
    assert_int_equal(bh_sim.resets, 1);
}

static void test_boot_tables_prints_at_most_four_errors(void **state)
{
    (void)state;
    bh_sim_run(boot_fn, NULL);
    assert_int_equal(count(bh_sim.console, "[kernel] table check: unknown fault policy\n"), 4);
}

static void test_boot_tables_rejected_tables_start_nothing(void **state)
{
    (void)state;
    bh_sim_run(boot_fn, NULL);
    assert_int_equal(bh_sim.platform_inits, 0);
    assert_int_equal(bh_sim.tick_starts, 0);
    assert_int_equal(bh_sim.starts, 0);
    assert_int_equal(bh_k.ready, 0);
    for (uint32_t i = 0; i < NBOX; i++) {
        assert_null(bh_k.boxes[i].desc);
        assert_int_equal(bh_k.boxes[i].generation, 0);
    }
    assert_false(bh_sim_console_has("started"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_boot_tables_rejected_tables_panic_and_reset, boot),
        cmocka_unit_test_setup(test_boot_tables_prints_at_most_four_errors, boot),
        cmocka_unit_test_setup(test_boot_tables_rejected_tables_start_nothing, boot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
