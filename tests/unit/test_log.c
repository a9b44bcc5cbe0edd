/*
 * test_log.c — log.c: bh_log, bounded and rate-limited box output.
 *
 * A line is printed as "[box] text\n", cut at 120 bytes, trailing newlines
 * dropped, every byte outside printable ASCII shown as '.', so a box can
 * neither forge another prefix nor drive the terminal. Each box has its
 * own 4096-byte budget refilled at 8 bytes/ms; a line costs its length
 * plus 16 (log.c BH_LOG_*); dropped bytes are reported with the next line
 * that gets through. The text must lie in the box.
 * Runs: host.
 */
#include "ut.h"

#include <string.h>

#define TEXT UT_SCRATCH(UT_CLIENT)
#define LINE 120u
#define BURST 4096u
#define RATE 8u     /* bytes per ms */
#define OVERHEAD 16u /* charged per line */
#define FULL_COST (LINE + OVERHEAD)
#define LEFT (BURST % FULL_COST) /* tokens left after exhaust_budget() */

static int32_t log_bytes(uint32_t id, uint32_t addr, const void *text, uint32_t len)
{
    ut_poke(addr, text, len);
    return (int32_t)ut_svc(id, BH_SYS_LOG, addr, len, 0, 0)->r0;
}

static int32_t log_str(const char *s)
{
    return log_bytes(UT_CLIENT, TEXT, s, (uint32_t)strlen(s));
}

static int setup(void **state)
{
    ut_setup(state);
    bh_sim_console_clear();
    return 0;
}

static void test_log_prints_line_with_box_prefix(void **state)
{
    (void)state;
    assert_int_equal(log_str("hello"), BH_OK);
    assert_string_equal(bh_sim.console, "[client] hello\n");
}

static void test_log_drops_trailing_newlines(void **state)
{
    (void)state;
    log_str("hi\n\n");
    assert_string_equal(bh_sim.console, "[client] hi\n");
}

static void test_log_replaces_non_printable_bytes(void **state)
{
    (void)state;
    const uint8_t raw[] = {'a', 0x00, 0x07, 0x1B, '[', '2', 'J', 0x7F, 0x80, 0xFF, '\t', '\r', '\n', ' ', '~', 'z'};
    log_bytes(UT_CLIENT, TEXT, raw, sizeof raw);
    assert_string_equal(bh_sim.console, "[client] a...[2J...... ~z\n");
}

static void test_log_cannot_forge_another_prefix(void **state)
{
    (void)state;
    log_str("x\n[kernel] PANIC: fake");
    assert_string_equal(bh_sim.console, "[client] x.[kernel] PANIC: fake\n");
    assert_false(bh_sim_console_has("\n[kernel]"));
}

static void test_log_truncates_at_120_bytes(void **state)
{
    (void)state;
    char text[200];
    memset(text, 'q', sizeof text);
    assert_int_equal(log_bytes(UT_CLIENT, TEXT, text, sizeof text), BH_OK);
    assert_int_equal(bh_sim.console_len, strlen("[client] ") + LINE + 1u);
    assert_int_equal(bh_sim.console[strlen("[client] ") + LINE], '\n');
}

static void test_log_prints_empty_line(void **state)
{
    (void)state;
    assert_int_equal(log_bytes(UT_CLIENT, TEXT, "", 0), BH_OK);
    assert_string_equal(bh_sim.console, "[client] \n");
}

/* As many full lines as the burst pays for; the next one is dropped. */
static void exhaust_budget(uint32_t id)
{
    char text[LINE];
    memset(text, 'r', sizeof text);
    for (uint32_t i = 0; i < BURST / FULL_COST; i++) {
        assert_int_equal(log_bytes(id, UT_SCRATCH(id), text, LINE), BH_OK);
    }
    assert_int_equal(log_bytes(id, UT_SCRATCH(id), text, LINE), BH_E_RATE);
}

static void test_log_rate_limit_drops_lines_over_the_burst(void **state)
{
    (void)state;
    exhaust_budget(UT_CLIENT);
    bh_sim_console_clear();
    assert_int_equal(log_str("9 bytes!!"), BH_E_RATE);
    assert_int_equal(bh_sim.console_len, 0);
    assert_int_equal(LEFT, OVERHEAD);
    assert_int_equal(log_str(""), BH_OK); /* an empty line costs exactly what is left */
}

static void test_log_rate_limit_refills_8_bytes_per_ms(void **state)
{
    (void)state;
    char text[LINE];
    memset(text, 's', sizeof text);
    exhaust_budget(UT_CLIENT);
    uint32_t ms = (FULL_COST - LEFT + RATE - 1u) / RATE; /* until a full line fits again */
    ut_ticks(ms - 1u);
    assert_int_equal(log_bytes(UT_CLIENT, TEXT, text, LINE), BH_E_RATE);
    ut_ticks(1);
    assert_int_equal(log_bytes(UT_CLIENT, TEXT, text, LINE), BH_OK);
}

static void test_log_reports_dropped_bytes_with_next_line(void **state)
{
    (void)state;
    exhaust_budget(UT_CLIENT);                         /* 120 dropped */
    assert_int_equal(log_str("9 bytes!!"), BH_E_RATE); /* 9 more */
    bh_sim_console_clear();
    ut_ticks(100);
    assert_int_equal(log_str("back"), BH_OK);
    assert_string_equal(bh_sim.console, "[kernel] 129 log bytes dropped by rate limit\n[client] back\n");
    bh_sim_console_clear();
    log_str("again");
    assert_string_equal(bh_sim.console, "[client] again\n");
}

static void test_log_budget_is_per_box(void **state)
{
    (void)state;
    exhaust_budget(UT_CLIENT);
    assert_int_equal(log_bytes(UT_INTRUDER, UT_SCRATCH(UT_INTRUDER), "mine", 4), BH_OK);
}

static void test_log_restart_refills_the_budget(void **state)
{
    (void)state;
    exhaust_budget(UT_CLIENT);
    ut_svc(UT_CLIENT, BH_SYS_EXIT, 0, 0, 0, 0);
    assert_int_equal(log_str("fresh"), BH_OK);
}

static void test_log_text_outside_box_is_a_fault(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_LOG, UT_DATA(UT_SUPER), 8, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_BADPTR);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 2);
    assert_false(bh_sim_console_has("[client]"));
}

static void test_log_text_running_past_box_end_is_a_fault(void **state)
{
    (void)state;
    uint32_t end = UT_RAM_BASE(UT_CLIENT) + UT_RAM_SIZE;
    ut_svc(UT_CLIENT, BH_SYS_LOG, end - 100u, 200, 0, 0); /* only 120 would print */
    assert_int_equal(ut_box(UT_CLIENT)->fault.kind, BH_FAULT_BADPTR);
    ut_svc(UT_CLIENT, BH_SYS_LOG, end - 100u, 0xFFFFFFFFu, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 3);
    assert_false(bh_sim_console_has("[client]"));
}

/*
 * An empty line is allowed at any address (an empty range needs no
 * check), so the kernel must not touch that address at all. Fails today:
 * log.c bh_sys_log calls bh_copy_in(line, f->r0, 0), and bh_copy_in /
 * bh_copy_out (syscall.c) turn the unchecked address into a pointer
 * (bh_arch_ptr) even for 0 bytes; bh_copy guards len == 0, they do not.
 */
static void test_log_empty_line_touches_no_memory(void **state)
{
    (void)state;
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_LOG, 0xE000ED00u, 0, 0, 0); /* SCB: not box memory */
    assert_int_equal((int32_t)f->r0, BH_OK);
    ut_assert_console("[client] \n");
}

#define T(fn) cmocka_unit_test_setup(fn, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_log_prints_line_with_box_prefix),
        T(test_log_drops_trailing_newlines),
        T(test_log_replaces_non_printable_bytes),
        T(test_log_cannot_forge_another_prefix),
        T(test_log_truncates_at_120_bytes),
        T(test_log_prints_empty_line),
        T(test_log_rate_limit_drops_lines_over_the_burst),
        T(test_log_rate_limit_refills_8_bytes_per_ms),
        T(test_log_reports_dropped_bytes_with_next_line),
        T(test_log_budget_is_per_box),
        T(test_log_restart_refills_the_budget),
        T(test_log_text_outside_box_is_a_fault),
        T(test_log_text_running_past_box_end_is_a_fault),
        T(test_log_empty_line_touches_no_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
