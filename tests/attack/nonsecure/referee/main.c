/*
 * referee — drives the non-secure attacks and checks containment. The
 * non-secure world asks `next` at every boot and after every reported
 * result; before answering, the referee judges the attack it handed out
 * last:
 *  - a fault attack must have ended in exactly one fault of the
 *    non-secure world, of the expected kind, and a restart (generation + 1);
 *    the test kernel fails the run on any fault not declared expected;
 *  - a value attack must have reported the expected value (`report`);
 * and after every attack the Secure side must be unaffected: the victim
 * answers, its secret and UART1's CTRL are unchanged, no Secure box was
 * restarted, and the ticker kept counting.
 * Test argument: an attack number (alone), none = all in one boot;
 * N_FAULT_IN_NS_HANDLER = the attack that must reset the system.
 */
#include <stdbool.h>

#include <bulkhead/rt.h>

#include "bh_ids.h"
#include "ns_attacks.h"

#define NONE 0xFFFFFFFFu

static uint32_t base_sum, base_ctrl, ticks_before;
static uint32_t pending = NONE; /* attack handed out, not yet judged */
static int32_t reported;
static bool have_report;

static void victim_state(uint32_t *s, uint32_t *ctrl)
{
    uint32_t out[2] = {0, 0};
    bh_iovec_t o = {out, sizeof out};
    BH_CHECK(bh_call(BH_GW_CHECKSUM, 0, NULL, 0, &o, 1, NULL) == BH_OK);
    *s = out[0];
    *ctrl = out[1];
}

static uint32_t ticks(void)
{
    uint32_t t = 0;
    bh_iovec_t o = {&t, sizeof t};
    BH_CHECK(bh_call(BH_GW_TICKS, 0, NULL, 0, &o, 1, NULL) == BH_OK);
    return t;
}

static void secure_side_fine(uint32_t a)
{
    int32_t status = 0;
    uint32_t s, ctrl;
    BH_CHECK(bh_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, &status) == BH_OK && status == 1);
    victim_state(&s, &ctrl);
    BH_CHECK(s == base_sum);
    BH_CHECK(ctrl == base_ctrl);
    BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_VICTIM, 0) == 1);
    BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_TICKER, 0) == 1);
    uint32_t t = ticks(); /* the ticker answers ... */
    BH_CHECK(t >= ticks_before);
    if (a == N_FLOOD || a == N_REENTER) {
        BH_CHECK(t >= ticks_before + 4u); /* ... and kept running through a long attack */
    }
}

static void judge(uint32_t a, int32_t gen_before)
{
    const struct ns_attack *t = &ns_attacks[a];
    if (t->fault != 0u) {
        bh_fault_t f;
        BH_CHECK(bh_fault_info(BH_BOX_NONSECURE, &f) >= 0);
        if (f.kind != t->fault) {
            bh_printf("attack %lu: fault kind %lu, expected %lu", (unsigned long)a, (unsigned long)f.kind,
                      (unsigned long)t->fault);
        }
        BH_CHECK(f.kind == t->fault && f.generation == (uint32_t)gen_before);
        BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_NONSECURE, 0) == gen_before + 1);
        BH_CHECK(f.addr_valid == 0u || (f.addr >= BH_NS_RAM_BASE && f.addr < BH_NS_RAM_BASE + BH_NS_RAM_SIZE));
    } else {
        BH_CHECK(have_report);
        if (reported != t->value) {
            bh_printf("attack %lu: reported %ld, expected %ld", (unsigned long)a, (long)reported, (long)t->value);
        }
        BH_CHECK(reported == t->value);
        BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_NONSECURE, 0) == gen_before);
    }
    secure_side_fine(a);
    bh_printf("attack %lu (%s): contained, %s; Secure side unaffected", (unsigned long)a, t->what,
              t->fault != 0u ? "non-secure world faulted and was restarted" : "expected outcome reported");
}

static uint32_t next_attack(int32_t only, uint32_t last)
{
    if (only >= 0) {
        return last == NONE ? (uint32_t)only : NONE;
    }
    return last == NONE ? 0u : (last + 1u < N_COUNT ? last + 1u : NONE);
}

void referee_main(void)
{
    int32_t only = bh_test(BH_TEST_ARG, 0, 0);
    if (only == (int32_t)N_FAULT_IN_NS_HANDLER && bh_test(BH_TEST_BOOTS, 0, 0) >= 2) {
        bh_printf("second boot after the non-secure handler fault: the reset contained it");
        bh_test_exit(0);
    }
    victim_state(&base_sum, &base_ctrl);
    uint32_t last = NONE;
    int32_t gen_before = 1;
    for (;;) {
        uint32_t sig = bh_wait(BH_SIG_NEXT | BH_SIG_REPORT | BH_SIG_FAULT, BH_FOREVER);
        bh_msg_t m;
        if ((sig & BH_SIG_REPORT) != 0u && bh_get(BH_SIG_REPORT, &m) == BH_OK) {
            int32_t msg[2] = {0, 0};
            BH_CHECK(bh_read(m.handle, 0, msg, sizeof msg) == (int32_t)sizeof msg);
            BH_CHECK(pending != NONE && (uint32_t)msg[0] == pending);
            reported = msg[1];
            have_report = true;
            bh_reply(m.handle, 0);
        }
        if ((sig & BH_SIG_NEXT) == 0u || bh_get(BH_SIG_NEXT, &m) != BH_OK) {
            continue;
        }
        if (pending != NONE) {
            judge(pending, gen_before);
            last = pending;
            pending = NONE;
        }
        uint32_t a = next_attack(only, last);
        if (a == NONE) {
            bh_printf("all non-secure attacks contained");
            bh_test_exit(0);
        }
        if (a == N_FAULT_IN_NS_HANDLER) {
            bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_NONSECURE, N_HANDLER_FAULT_KIND);
        } else if (ns_attacks[a].fault != 0u) {
            bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_NONSECURE, ns_attacks[a].fault);
        }
        pending = a;
        have_report = false;
        gen_before = bh_test(BH_TEST_GENERATION, BH_BOX_NONSECURE, 0);
        ticks_before = ticks();
        bh_write(m.handle, 0, &a, sizeof a);
        bh_reply(m.handle, 0);
    }
}
