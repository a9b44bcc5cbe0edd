/*
 * test_timer.c — timer.c (and bh_sleep): kernel time and deadlines.
 *
 * A timeout of N ms ends after exactly N ticks, with the result its
 * syscall defines (sleep: BH_OK, wait: 0 signals, call: BH_E_TIMEOUT);
 * long timeouts saturate; comparisons survive the 32-bit tick wrap; a box
 * woken early keeps no stale deadline.
 * Runs: host.
 */
#include "ut.h"

#include "timer.h"

#define MAX_TIMEOUT 0x3FFFFFFFu

static void test_timer_deadline_is_now_plus_timeout(void **state)
{
    (void)state;
    bh_k.ticks = 1000;
    assert_int_equal(bh_timer_deadline(0), 1000);
    assert_int_equal(bh_timer_deadline(250), 1250);
}

static void test_timer_deadline_saturates_long_timeouts(void **state)
{
    (void)state;
    bh_k.ticks = 7;
    assert_int_equal(bh_timer_deadline(MAX_TIMEOUT), 7u + MAX_TIMEOUT);
    assert_int_equal(bh_timer_deadline(MAX_TIMEOUT + 1u), 7u + MAX_TIMEOUT);
    assert_int_equal(bh_timer_deadline(0xFFFFFFFEu), 7u + MAX_TIMEOUT);
}

static void test_timer_expiry_survives_tick_wrap(void **state)
{
    (void)state;
    bh_k.ticks = 0xFFFFFFF0u;
    uint32_t d = bh_timer_deadline(0x20); /* wraps to 0x10 */
    assert_false(bh_timer_expired(d));
    bh_k.ticks = 0xFFFFFFFFu;
    assert_false(bh_timer_expired(d));
    bh_k.ticks = 0x0Fu;
    assert_false(bh_timer_expired(d));
    bh_k.ticks = 0x10u;
    assert_true(bh_timer_expired(d));
    bh_k.ticks = 0x11u;
    assert_true(bh_timer_expired(d));
}

static void test_timer_tick_advances_time(void **state)
{
    (void)state;
    uint32_t t = bh_k.ticks;
    ut_ticks(3);
    assert_int_equal(bh_k.ticks, t + 3u);
}

static void test_timer_sleep_wakes_after_exactly_its_timeout(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_SLEEP, 5, 0, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->block, BH_BLOCK_SLEEP);
    ut_ticks(4);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    ut_ticks(1);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r0, BH_OK);
    ut_assert_invariants();
}

static void test_timer_sleep_zero_returns_at_once(void **state)
{
    (void)state;
    bh_frame_t *f = ut_svc(UT_CLIENT, BH_SYS_SLEEP, 0, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_OK);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
}

static void test_timer_sleep_for_ever_is_capped(void **state)
{
    (void)state;
    bh_k.ticks = 100;
    ut_svc(UT_CLIENT, BH_SYS_SLEEP, BH_FOREVER, 0, 0, 0);
    assert_true(ut_box(UT_CLIENT)->has_deadline);
    assert_int_equal(ut_box(UT_CLIENT)->deadline, 100u + MAX_TIMEOUT);
}

static void test_timer_sleep_survives_tick_wrap(void **state)
{
    (void)state;
    bh_k.ticks = 0xFFFFFFFEu;
    ut_svc(UT_CLIENT, BH_SYS_SLEEP, 5, 0, 0, 0);
    ut_ticks(4);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    ut_ticks(1);
    assert_int_equal(bh_k.ticks, 3);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
}

static void test_timer_wait_timeout_returns_no_signals(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_WAIT, BH_SIG_NOTIFY, 10, 0, 0);
    ut_ticks(9);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_BLOCKED);
    ut_ticks(1);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SERVER)->r0, 0);
}

static void test_timer_call_timeout_returns_timeout(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, 0, 0);
    ut_ticks(UT_ECHO_TIMEOUT);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r0, BH_E_TIMEOUT);
    ut_assert_invariants();
}

static void test_timer_box_woken_early_keeps_no_deadline(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_WAIT, BH_SIG_NOTIFY, 10, 0, 0);
    ut_ticks(3);
    ut_svc(UT_CLIENT, BH_SYS_NOTIFY, UT_SERVER, 0, 0, 0);
    assert_false(ut_box(UT_SERVER)->has_deadline);
    ut_ticks(20);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SERVER)->r0, BH_SIG_NOTIFY); /* not overwritten with 0 */
}

static void test_timer_tick_reschedules_the_woken_box(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_WAIT, 0, 2, 0, 0);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    ut_ticks(2);
    assert_ptr_equal(bh_k.next, ut_box(UT_SUPER));
}

static void test_timer_wakes_every_box_due_in_one_tick(void **state)
{
    (void)state;
    ut_svc(UT_CLIENT, BH_SYS_WAIT, 0, 3, 0, 0);
    ut_svc(UT_INTRUDER, BH_SYS_WAIT, 0, 3, 0, 0);
    ut_svc(UT_SPARE, BH_SYS_WAIT, 0, 4, 0, 0);
    ut_ticks(3);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_INTRUDER)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_SPARE)->state, BH_STATE_BLOCKED);
    ut_assert_invariants();
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_timer_deadline_is_now_plus_timeout),
        T(test_timer_deadline_saturates_long_timeouts),
        T(test_timer_expiry_survives_tick_wrap),
        T(test_timer_tick_advances_time),
        T(test_timer_sleep_wakes_after_exactly_its_timeout),
        T(test_timer_sleep_zero_returns_at_once),
        T(test_timer_sleep_for_ever_is_capped),
        T(test_timer_sleep_survives_tick_wrap),
        T(test_timer_wait_timeout_returns_no_signals),
        T(test_timer_call_timeout_returns_timeout),
        T(test_timer_box_woken_early_keeps_no_deadline),
        T(test_timer_tick_reschedules_the_woken_box),
        T(test_timer_wakes_every_box_due_in_one_tick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
