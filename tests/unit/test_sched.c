/*
 * test_sched.c — sched.c: the fixed-priority scheduler.
 *
 * bh_k.next is the READY box with the smallest priority number, the lowest
 * id among equals, except that a box that yielded gives way once to its
 * equal-priority peers (never to a lower priority); idle runs when nothing
 * is ready; READY <=> bit in bh_k.ready at every step.
 * Priorities of the unit-test system: super 1, server 2, stopper 2,
 * client 3, intruder 4, resetter 5, spare 6.
 * Runs: host.
 */
#include "ut.h"

/* Box id blocks in bh_wait(0, BH_FOREVER): it will never be woken. */
static void park(uint32_t id)
{
    ut_svc(id, BH_SYS_WAIT, 0, BH_FOREVER, 0, 0);
    assert_int_equal(ut_box(id)->state, BH_STATE_BLOCKED);
}

static void test_sched_picks_the_highest_priority_ready_box(void **state)
{
    (void)state;
    assert_ptr_equal(bh_k.next, ut_box(UT_SUPER));
    park(UT_SUPER);
    park(UT_SERVER);
    park(UT_STOPPER);
    assert_ptr_equal(bh_k.next, ut_box(UT_CLIENT));
    ut_assert_invariants();
}

static void test_sched_breaks_ties_by_lowest_id(void **state)
{
    (void)state;
    park(UT_SUPER);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER)); /* server (1) before stopper (4) */
    park(UT_SERVER);
    assert_ptr_equal(bh_k.next, ut_box(UT_STOPPER));
}

static void test_sched_yield_gives_way_to_equal_priority_peer_once(void **state)
{
    (void)state;
    park(UT_SUPER);
    bh_frame_t *f = ut_svc(UT_SERVER, BH_SYS_YIELD, 0, 0, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_OK);
    assert_ptr_equal(bh_k.next, ut_box(UT_STOPPER));
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    bh_sched_update(); /* the next decision: the yield is spent */
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    assert_int_equal(bh_k.yielded, 0);
}

static void test_sched_yield_without_equal_peer_keeps_running(void **state)
{
    (void)state;
    park(UT_SUPER);
    park(UT_SERVER);
    park(UT_STOPPER);
    ut_svc(UT_CLIENT, BH_SYS_YIELD, 0, 0, 0, 0);
    assert_ptr_equal(bh_k.next, ut_box(UT_CLIENT)); /* never to intruder (4) */
}

static void test_sched_yield_never_lets_lower_priority_run(void **state)
{
    (void)state;
    park(UT_SUPER);
    park(UT_STOPPER);
    ut_svc(UT_SERVER, BH_SYS_YIELD, 0, 0, 0, 0);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
}

static void test_sched_runs_idle_when_no_box_is_ready(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < UT_NBOXES; i++) {
        park(i);
    }
    assert_int_equal(bh_k.ready, 0);
    assert_ptr_equal(bh_k.next, &bh_k.idle);
    ut_assert_invariants();
}

static void test_sched_never_chooses_a_stopped_box(void **state)
{
    (void)state;
    ut_svc(UT_SUPER, BH_SYS_EXIT, 0, 0, 0, 0); /* policy stop */
    assert_int_equal(ut_box(UT_SUPER)->state, BH_STATE_STOPPED);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    ut_ticks(5);
    assert_ptr_equal(bh_k.next, ut_box(UT_SERVER));
    ut_assert_invariants();
}

static void test_sched_block_records_reason_and_deadline(void **state)
{
    (void)state;
    bh_box_t *b = ut_box(UT_CLIENT);
    bh_k.ticks = 500;
    bh_sched_block(b, BH_BLOCK_SLEEP, 10);
    assert_int_equal(b->state, BH_STATE_BLOCKED);
    assert_int_equal(b->block, BH_BLOCK_SLEEP);
    assert_true(b->has_deadline);
    assert_int_equal(b->deadline, 510);
    assert_false((bh_k.ready >> UT_CLIENT) & 1u);
    ut_assert_invariants();
}

static void test_sched_block_for_ever_has_no_deadline(void **state)
{
    (void)state;
    bh_box_t *b = ut_box(UT_CLIENT);
    bh_sched_block(b, BH_BLOCK_WAIT, BH_FOREVER);
    assert_false(b->has_deadline);
}

static void test_sched_ready_clears_block_and_deadline(void **state)
{
    (void)state;
    bh_box_t *b = ut_box(UT_CLIENT);
    bh_sched_block(b, BH_BLOCK_SLEEP, 10);
    bh_sched_ready(b);
    assert_int_equal(b->state, BH_STATE_READY);
    assert_int_equal(b->block, BH_BLOCK_NONE);
    assert_false(b->has_deadline);
    assert_true((bh_k.ready >> UT_CLIENT) & 1u);
    ut_assert_invariants();
}

static void test_sched_unready_drops_a_pending_yield(void **state)
{
    (void)state;
    bh_k.yielded = 1u << UT_CLIENT;
    bh_sched_unready(ut_box(UT_CLIENT));
    assert_int_equal(bh_k.yielded, 0);
    assert_false((bh_k.ready >> UT_CLIENT) & 1u);
}

static void test_sched_discard_current_forgets_the_running_box(void **state)
{
    (void)state;
    bh_k.current = ut_box(UT_CLIENT);
    bh_sched_discard_current();
    assert_null(bh_k.current);
}

#define T(fn) cmocka_unit_test_setup(fn, ut_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_sched_picks_the_highest_priority_ready_box),
        T(test_sched_breaks_ties_by_lowest_id),
        T(test_sched_yield_gives_way_to_equal_priority_peer_once),
        T(test_sched_yield_without_equal_peer_keeps_running),
        T(test_sched_yield_never_lets_lower_priority_run),
        T(test_sched_runs_idle_when_no_box_is_ready),
        T(test_sched_never_chooses_a_stopped_box),
        T(test_sched_block_records_reason_and_deadline),
        T(test_sched_block_for_ever_has_no_deadline),
        T(test_sched_ready_clears_block_and_deadline),
        T(test_sched_unready_drops_a_pending_yield),
        T(test_sched_discard_current_forgets_the_running_box),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
