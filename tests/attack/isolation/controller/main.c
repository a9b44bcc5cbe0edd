/*
 * controller — drives the attacks and checks containment after each:
 * a fault-type attack must end in exactly the expected fault and one
 * restart of the attacker (nothing else faults: the test kernel fails the
 * run on any unexpected fault); an error-type attack must get exactly its
 * error code back. After every attack the victim must still answer its
 * heartbeat and its secret must be unchanged. As the supervisor, it also
 * checks each fault record: right kind and generation, and no address
 * unless the address is the attacker's own.
 * Test argument (qemu-run --arg): an attack number, or none for all.
 */
#include <stdbool.h>

#include <bulkhead/rt.h>

#include "attacks.h"
#include "bh_ids.h"

#define ATTACK_LOOPER A_COUNT

static uint32_t secret_sum;

static int32_t call_u32(uint32_t gw, uint32_t in, uint32_t *out)
{
    int32_t status = -1;
    bh_iovec_t i = {&in, sizeof in}, o = {out, sizeof *out};
    int32_t err = bh_call(gw, 0, &i, 1, &o, out != NULL, &status);
    return err == BH_OK ? status : err;
}

static uint32_t checksum(void)
{
    uint32_t c = 0;
    bh_iovec_t o = {&c, sizeof c};
    BH_CHECK(bh_call(BH_GW_CHECKSUM, 0, NULL, 0, &o, 1, NULL) == BH_OK);
    return c;
}

static void check_others_fine(void)
{
    int32_t status = 0;
    BH_CHECK(bh_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, &status) == BH_OK && status == 1);
    BH_CHECK(checksum() == secret_sum);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_VICTIM, 0) != BH_STATE_STOPPED);
    BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_VICTIM, 0) == 1);
}

/* Polls (1 ms steps, up to 'ms') until slot has a result; returns it. */
static int32_t await_result(uint32_t slot, uint32_t ms)
{
    for (uint32_t t = 0; t < ms; t++) {
        uint32_t r = 0;
        if (call_u32(BH_GW_RESULT, slot, &r) == 1) {
            return (int32_t)r;
        }
        bh_sleep(1);
    }
    bh_printf("no result for slot %lu", (unsigned long)slot);
    bh_test_exit(1);
}

static void await_seen(int32_t want, uint32_t ms)
{
    for (uint32_t t = 0; t < ms && bh_test(BH_TEST_EXPECTED_SEEN, 0, 0) < want; t++) {
        bh_sleep(1);
    }
    BH_CHECK(bh_test(BH_TEST_EXPECTED_SEEN, 0, 0) == want);
}

/* Addresses an attack touches that are the attacker's own (may be reported). */
static bool own_address_attack(uint32_t a)
{
    return a == A_EXEC_OWN_DATA || a == A_EXEC_OWN_STACK;
}

/* The fault record says what happened and leaks nothing of other boxes. */
static void check_record(uint32_t a, int32_t gen)
{
    bh_fault_t f;
    BH_CHECK(bh_fault_info(BH_BOX_ATTACKER, &f) >= 0);
    BH_CHECK(f.box == BH_BOX_ATTACKER && f.kind == attacks[a].fault && f.generation == (uint32_t)gen);
    if (own_address_attack(a)) {
        BH_CHECK(f.addr_valid == 1u && f.addr >= BH_RAM_BASE_ATTACKER);
    } else {
        BH_CHECK(f.addr_valid == 0u && f.addr == 0u);
    }
    BH_CHECK(f.pc_offset == 0xFFFFFFFFu || f.pc_offset < 0x4000u);
}

static void run_attack(uint32_t a)
{
    const struct attack *t = &attacks[a];
    int32_t gen = bh_test(BH_TEST_GENERATION, BH_BOX_ATTACKER, 0);
    int32_t seen = bh_test(BH_TEST_EXPECTED_SEEN, 0, 0);
    if (t->fault != 0u) {
        bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_ATTACKER, t->fault);
    }
    BH_CHECK(call_u32(BH_GW_ARM, a, NULL) == 0);
    BH_CHECK(bh_notify(BH_BOX_ATTACKER) == BH_OK);
    if (t->fault != 0u) {
        await_seen(seen + 1, 1000);
        BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_ATTACKER, 0) == gen + 1);
        check_record(a, gen);
    } else {
        int32_t r = await_result(a, 1000);
        if (r != t->error) {
            bh_printf("attack %lu: kernel said %ld, expected %ld", (unsigned long)a, (long)r, (long)t->error);
        }
        BH_CHECK(r == t->error);
        BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_ATTACKER, 0) == gen);
    }
    if (a == A_SERVER_NEVER_REPLIES) {
        BH_CHECK(await_result(SLOT_SINK_LATE_REPLY, 1000) == BH_E_STALE);
    }
    check_others_fine();
    bh_printf("attack %lu (%s): contained, %s; victim answers, secret intact", (unsigned long)a, t->what,
              t->fault != 0u ? "attacker faulted and was restarted" : "kernel refused with the expected error");
}

static void run_looper(void)
{
    int32_t seen = bh_test(BH_TEST_EXPECTED_SEEN, 0, 0);
    bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_LOOPER, BH_FAULT_MEMMANAGE | (4u << 16));
    BH_CHECK(bh_notify(BH_BOX_LOOPER) == BH_OK);
    await_seen(seen + 4, 1000);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_LOOPER, 0) == BH_STATE_STOPPED);
    BH_CHECK(bh_call(BH_GW_LOOPER_SVC, 0, NULL, 0, NULL, 0, NULL) == BH_E_STOPPED);
    check_others_fine();
    bh_printf("crash loop: 4 faults in 10 s exceeded the budget of 3 restarts; looper stopped, others fine");
}

void controller_main(void)
{
    secret_sum = checksum();
    int32_t only = bh_test(BH_TEST_ARG, 0, 0);
    for (uint32_t a = 0; a <= ATTACK_LOOPER; a++) {
        if (only >= 0 && (uint32_t)only != a) {
            continue;
        }
        if (a == ATTACK_LOOPER) {
            run_looper();
        } else {
            run_attack(a);
        }
    }
    bh_printf("all attacks contained");
    bh_test_exit(0);
}
