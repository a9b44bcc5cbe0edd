/*
 * tester — runs the kernel API checks in order and ends the run.
 * Every check prints "ok: <property>"; the first failure ends the run
 * with a non-zero exit code (BH_CHECK).
 */
#include <stdint.h>
#include <string.h>

#include <bulkhead/rt.h>

#include "bh_ids.h"

static uint8_t in_buf[300], out_buf[300];

static uint32_t now(void)
{
    bh_self_t s;
    bh_self(&s);
    return s.ticks;
}

static int32_t call0(uint32_t gw, int32_t op, int32_t *status)
{
    return bh_call(gw, op, NULL, 0, NULL, 0, status);
}

static void ok(const char *what)
{
    bh_printf("ok: %s", what);
}

static void test_gateway_round_trip_sizes(void)
{
    static const uint32_t sizes[] = {0, 1, 16, 64, 255, 256};
    for (uint32_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        uint32_t n = sizes[k];
        for (uint32_t i = 0; i < n; i++) {
            in_buf[i] = (uint8_t)(i * 7u + n);
        }
        memset(out_buf, 0xEE, sizeof out_buf);
        bh_iovec_t in = {in_buf, n}, out = {out_buf, 256};
        int32_t status = -1;
        BH_CHECK(bh_call(BH_GW_ECHO, 0, &in, 1, &out, 1, &status) == BH_OK);
        BH_CHECK(status == (int32_t)n && out.len == n);
        BH_CHECK(memcmp(in_buf, out_buf, n) == 0 && out_buf[n] == 0xEE);
    }
    ok("gateway round trip with 0, 1, 16, 64, 255, 256 bytes in and out");
}

static void test_gateway_vectors(void)
{
    for (uint32_t i = 0; i < 60u; i++) {
        in_buf[i] = (uint8_t)(i + 1u);
    }
    bh_iovec_t in[4] = {{in_buf, 10}, {in_buf + 10, 20}, {in_buf + 30, 30}, {in_buf + 60, 0}};
    bh_iovec_t out[2] = {{out_buf, 32}, {out_buf + 100, 28}};
    int32_t status = 0;
    BH_CHECK(bh_call(BH_GW_ECHO, 0, in, 4, out, 2, &status) == BH_OK && status == 60);
    BH_CHECK(out[0].len == 32 && out[1].len == 28);
    BH_CHECK(memcmp(out_buf, in_buf, 32) == 0 && memcmp(out_buf + 100, in_buf + 32, 28) == 0);
    ok("gateway with 4 input and 2 output vectors");
}

static void test_gateway_limits(void)
{
    bh_iovec_t in = {in_buf, 257}, out = {out_buf, 256};
    BH_CHECK(bh_call(BH_GW_ECHO, 0, &in, 1, &out, 1, NULL) == BH_E_TOO_BIG);
    bh_iovec_t two[2] = {{in_buf, 200}, {in_buf + 200, 57}};
    BH_CHECK(bh_call(BH_GW_ECHO, 0, two, 2, &out, 1, NULL) == BH_E_TOO_BIG);
    bh_iovec_t big_out = {out_buf, 257};
    in.len = 1;
    BH_CHECK(bh_call(BH_GW_ECHO, 0, &in, 1, &big_out, 1, NULL) == BH_E_TOO_BIG);
    bh_iovec_t five[5] = {{in_buf, 1}, {in_buf, 1}, {in_buf, 1}, {in_buf, 1}, {in_buf, 1}};
    BH_CHECK(bh_call(BH_GW_ECHO, 0, five, 5, NULL, 0, NULL) == BH_E_TOO_BIG);
    bh_iovec_t a = {in_buf, 32}, b = {in_buf + 16, 32};
    BH_CHECK(bh_call(BH_GW_ECHO, 0, &a, 1, &b, 1, NULL) == BH_E_OVERLAP);
    ok("limits: 257 bytes, 5 vectors, overlapping buffers refused");
}

static void test_status_pass_through(void)
{
    static const int32_t values[] = {0, 1, -1, INT32_MIN, INT32_MAX, (int32_t)0x80000001u, -7};
    for (uint32_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        int32_t status = 12345;
        BH_CHECK(call0(BH_GW_STATUS, values[i], &status) == BH_OK);
        BH_CHECK(status == values[i]);
    }
    ok("reply status passes through unchanged (0, 1, -1, INT32_MIN, INT32_MAX, ...)");
}

static void test_acl(void)
{
    BH_CHECK(call0(BH_GW_PRIVATE, 0, NULL) == BH_E_DENIED);
    BH_CHECK(call0(BH_GW_HOLD, 0, NULL) == BH_E_DENIED);
    BH_CHECK(call0(1000, 0, NULL) == BH_E_NO_GATEWAY);
    ok("gateways not granted are refused; unknown gateway ids too");
}

static void test_deadline_and_stale_handle(void)
{
    uint32_t t0 = now();
    BH_CHECK(call0(BH_GW_SLOW, 0, NULL) == BH_E_TIMEOUT);
    uint32_t dt = now() - t0;
    BH_CHECK(dt >= 20u && dt <= 22u);
    int32_t status = 0;
    BH_CHECK(call0(BH_GW_PROBE, 0, &status) == BH_OK);
    BH_CHECK(status == BH_E_STALE);
    ok("gateway deadline: caller gets BH_E_TIMEOUT after 20 ms; the late reply is stale");
}

static void test_notify_and_preemption(void)
{
    int32_t count = -1;
    BH_CHECK(bh_notify(BH_BOX_HIGH) == BH_OK);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_HIGH, 0) == BH_STATE_BLOCKED);
    BH_CHECK(call0(BH_GW_HIGH_COUNT, 0, &count) == BH_OK && count == 1);
    BH_CHECK(bh_notify(BH_BOX_SERVER) == BH_E_DENIED);
    BH_CHECK(bh_notify(99) == BH_E_DENIED);
    ok("notify wakes a higher-priority box at once; undeclared targets refused");
}

static void test_time(void)
{
    BH_CHECK(bh_notify(BH_BOX_SPINNER) == BH_OK);
    uint32_t t0 = now();
    BH_CHECK(bh_sleep(15) == BH_OK);
    uint32_t dt = now() - t0;
    BH_CHECK(dt >= 15u && dt <= 16u);
    t0 = now();
    BH_CHECK(bh_wait(BH_SIG_NOTIFY, 10) == 0u);
    dt = now() - t0;
    BH_CHECK(dt >= 10u && dt <= 11u);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_SPINNER, 0) == BH_STATE_READY);
    ok("sleep and wait deadlines hold while a lower-priority box spins");
}

static void test_irq(void)
{
    int32_t status = 0;
    BH_CHECK(call0(BH_GW_TIMER_RUN, 5, &status) == BH_OK);
    BH_CHECK((status & 0xFFFF) == 5);
    BH_CHECK((status >> 16) == 1);
    ok("timer1 IRQ delivered 5 times as a signal; masked until bh_irq_enable");
}

static void test_restart_semantics(void)
{
    int32_t st = 0;
    BH_CHECK(call0(BH_GW_BUMP, 0, NULL) == BH_OK);
    BH_CHECK(call0(BH_GW_STATE, 0, &st) == BH_OK && st == ((43 << 16) | 1));
    BH_CHECK(bh_notify(BH_BOX_OTHER) == BH_OK);
    bh_sleep(2); /* other calls server.hold, which stays in flight */
    bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_SERVER, BH_FAULT_MEMMANAGE);
    BH_CHECK(call0(BH_GW_CRASH, 0, NULL) == BH_E_RESTARTED);
    BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_SERVER, 0) == 2);
    BH_CHECK(bh_wait(BH_SIG_REPORT, 100) == BH_SIG_REPORT);
    bh_msg_t m;
    int32_t other_saw = 0;
    BH_CHECK(bh_get(BH_SIG_REPORT, &m) == BH_OK);
    BH_CHECK(bh_read(m.handle, 0, &other_saw, sizeof other_saw) == 4);
    bh_reply(m.handle, 0);
    BH_CHECK(other_saw == BH_E_RESTARTED);
    BH_CHECK(call0(BH_GW_STATE, 0, &st) == BH_OK && st == (42 << 16));
    ok("restart: in-flight calls fail with BH_E_RESTARTED, generation 2, data/bss re-initialised");
}

static void test_stop_policy(void)
{
    bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_FRAGILE, BH_FAULT_MEMMANAGE);
    BH_CHECK(call0(BH_GW_FRAGILE_CRASH, 0, NULL) == BH_E_STOPPED);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_FRAGILE, 0) == BH_STATE_STOPPED);
    BH_CHECK(call0(BH_GW_FRAGILE_CRASH, 0, NULL) == BH_E_STOPPED);
    ok("stop policy: in-flight and later calls fail with BH_E_STOPPED");
}

void tester_main(void)
{
    bh_self_t me;
    BH_CHECK(bh_self(&me) == BH_OK && me.id == BH_BOX_TESTER && me.generation == 1u);
    test_gateway_round_trip_sizes();
    test_gateway_vectors();
    test_gateway_limits();
    test_status_pass_through();
    test_acl();
    test_deadline_and_stale_handle();
    test_notify_and_preemption();
    test_irq();
    test_restart_semantics();
    test_stop_policy();
    test_time(); /* last: from here on the spinner never blocks */
    BH_CHECK(bh_test(BH_TEST_EXPECTED_SEEN, 0, 0) == 2);
    bh_printf("all kernel API checks passed");
    bh_test_exit(0);
}
