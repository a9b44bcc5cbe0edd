/*
 * test_gateway.c — gateway.c: bh_call / bh_get / bh_read / bh_write /
 * bh_reply and their failure paths.
 *
 * The client (and intruder) call the server's "echo" (max 64/64 bytes,
 * 100 ms deadline) and "big" (4096/4096, no deadline) gateways. Vectors are
 * written into the caller's simulated RAM as {base, len} word pairs.
 * Properties: the ACL and limits are checked before anything changes; a
 * bad pointer is a fault of the caller (restarted) and leaves the server
 * byte-for-byte untouched; data moves exactly between the two boxes'
 * memories; the reply status passes through unchanged; a handle dies with
 * its call (reply, timeout, restart).
 * Runs: host.
 */
#include "ut.h"

#include <string.h>

#include "box.h"

/* Client scratch RAM. */
#define C UT_SCRATCH(UT_CLIENT)
#define INV (C + 0x000u)  /* invec array */
#define OUTV (C + 0x040u) /* outvec array */
#define IN0 (C + 0x100u)
#define IN1 (C + 0x180u)
#define OUT0 (C + 0x200u)
#define OUT1 (C + 0x280u)
#define BIG_IN (C + 0x400u)   /* 4096 bytes */
#define BIG_OUT (C + 0x1400u) /* 4096 bytes */
/* Server scratch RAM. */
#define S UT_SCRATCH(UT_SERVER)
#define MSG (S + 0x000u)
#define SBUF (S + 0x100u) /* 4096 bytes */
/* Intruder scratch RAM. */
#define I UT_SCRATCH(UT_INTRUDER)

#define ECHO_SIGS (UT_SIG_ECHO | UT_SIG_BIG)

static void fill_pattern(uint32_t addr, uint32_t len, uint8_t seed)
{
    uint8_t *p = bh_sim_mem(addr, len);
    for (uint32_t i = 0; i < len; i++) {
        p[i] = (uint8_t)(seed + i * 7u);
    }
}

static bool has_pattern(uint32_t addr, uint32_t len, uint8_t seed)
{
    const uint8_t *p = bh_sim_mem(addr, len);
    for (uint32_t i = 0; i < len; i++) {
        if (p[i] != (uint8_t)(seed + i * 7u)) {
            return false;
        }
    }
    return true;
}

static int32_t r0_of(uint32_t id)
{
    return (int32_t)ut_frame(id)->r0;
}

/* The server blocks in bh_wait on both its gateway signals. */
static void server_waits(void)
{
    ut_svc(UT_SERVER, BH_SYS_WAIT, ECHO_SIGS, BH_FOREVER, 0, 0);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_BLOCKED);
}

/* Client calls echo with one input (IN0, in_len) and one output (OUT0, out_len). */
static void client_calls_echo(uint32_t in_len, uint32_t out_len)
{
    ut_put_iov(INV, 0, IN0, in_len);
    ut_put_iov(OUTV, 0, OUT0, out_len);
    ut_call(UT_CLIENT, UT_GW_ECHO, 7, INV, 1, OUTV, 1);
}

static bh_msg_t server_gets(uint32_t sig)
{
    bh_frame_t *f = ut_svc(UT_SERVER, BH_SYS_GET, sig, MSG, 0, 0);
    assert_int_equal((int32_t)f->r0, BH_OK);
    bh_msg_t m;
    ut_peek(&m, MSG, sizeof m);
    return m;
}

static int32_t srv(uint32_t sysno, uint32_t handle, uint32_t i, uint32_t buf, uint32_t len)
{
    return (int32_t)ut_svc(UT_SERVER, sysno, handle, i, buf, len)->r0;
}

static int32_t srv_reply(uint32_t handle, int32_t status)
{
    return (int32_t)ut_svc(UT_SERVER, BH_SYS_REPLY, handle, (uint32_t)status, 0, 0)->r0;
}

/* Everything of the server: kernel record, frame, RAM, gateway states. */
typedef struct {
    bh_box_t box;
    bh_frame_t frame;
    bh_gw_state_t gw[UT_NGATEWAYS];
    uint8_t ram[UT_RAM_SIZE];
} server_snap_t;

static server_snap_t snap;

static void snap_server(server_snap_t *s)
{
    memcpy(&s->box, ut_box(UT_SERVER), sizeof s->box);
    memcpy(&s->frame, ut_frame(UT_SERVER), sizeof s->frame);
    memcpy(s->gw, bh_k.gw, sizeof s->gw);
    ut_peek(s->ram, UT_RAM_BASE(UT_SERVER), UT_RAM_SIZE);
}

static void assert_server_untouched(void)
{
    static server_snap_t now;
    snap_server(&now);
    assert_memory_equal(&now.box, &snap.box, sizeof now.box);
    assert_memory_equal(&now.frame, &snap.frame, sizeof now.frame);
    assert_memory_equal(now.gw, snap.gw, sizeof now.gw);
    assert_memory_equal(now.ram, snap.ram, sizeof now.ram);
}

/* The client broke the rules in bh_call: it was restarted, nothing else. */
static void assert_client_faulted_in_call(void)
{
    const bh_box_t *c = ut_box(UT_CLIENT);
    assert_int_equal(c->state, BH_STATE_READY);
    assert_int_equal(c->generation, 2);
    assert_int_equal(c->fault.kind, BH_FAULT_BADPTR);
    assert_int_equal(c->fault.detail, BH_SYS_CALL);
    assert_server_untouched();
    ut_assert_invariants();
}

/* An error verdict: the client got 'err' and is still running, nothing else changed. */
static void assert_call_refused(int32_t err)
{
    assert_int_equal(r0_of(UT_CLIENT), err);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 1);
    assert_server_untouched();
    ut_assert_invariants();
}

static int setup(void **state)
{
    ut_setup(state);
    fill_pattern(IN0, 64, 0x11);
    fill_pattern(IN1, 64, 0x55);
    ut_fill(OUT0, 0xEE, 0x80);
    ut_fill(OUT1, 0xEE, 0x80);
    snap_server(&snap);
    return 0;
}

/* The same, with the server blocked in bh_wait: a refused or faulting call
 * must not even wake it. */
static int setup_waiting(void **state)
{
    setup(state);
    server_waits();
    snap_server(&snap);
    return 0;
}

/* ---------------- ACL and limits: error, nothing changes ---------------- */

static void test_gateway_denies_box_not_listed_as_caller(void **state)
{
    (void)state;
    uint32_t seq = ut_box(UT_INTRUDER)->call.seq;
    ut_put_iov(I, 0, I + 0x100u, 8);
    ut_call(UT_INTRUDER, UT_GW_BIG, 1, I, 1, 0, 0);
    assert_int_equal(r0_of(UT_INTRUDER), BH_E_DENIED);
    assert_int_equal(ut_box(UT_INTRUDER)->state, BH_STATE_READY);
    assert_int_equal(ut_box(UT_INTRUDER)->call.seq, seq);
    assert_server_untouched();
    ut_assert_invariants();
}

static void test_gateway_denies_supervisor_not_listed_as_caller(void **state)
{
    (void)state;
    ut_call(UT_SUPER, UT_GW_ECHO, 1, 0, 0, 0, 0);
    assert_int_equal(r0_of(UT_SUPER), BH_E_DENIED);
    assert_server_untouched();
}

static void test_gateway_rejects_unknown_gateway_id(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_NGATEWAYS, 1, 0, 0, 0, 0);
    assert_call_refused(BH_E_NO_GATEWAY);
    ut_call(UT_CLIENT, 0xFFFFFFFFu, 1, 0, 0, 0, 0);
    assert_call_refused(BH_E_NO_GATEWAY);
}

static void test_gateway_rejects_more_than_4_vectors(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 5; i++) {
        ut_put_iov(INV, i, IN0, 1);
        ut_put_iov(OUTV, i, OUT0, 1);
    }
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 5, 0, 0);
    assert_call_refused(BH_E_TOO_BIG);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, OUTV, 5);
    assert_call_refused(BH_E_TOO_BIG);
    ut_svc12(UT_CLIENT, BH_SYS_CALL, UT_GW_ECHO, 1, INV, OUTV, 1u | (1u << 8) | (1u << 16));
    assert_call_refused(BH_E_TOO_BIG);
}

static void test_gateway_rejects_input_bytes_over_max_in(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 40);
    ut_put_iov(INV, 1, IN1, 25);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, 0, 0);
    assert_call_refused(BH_E_TOO_BIG);
}

static void test_gateway_rejects_output_bytes_over_max_out(void **state)
{
    (void)state;
    ut_put_iov(OUTV, 0, OUT0, 64);
    ut_put_iov(OUTV, 1, OUT1, 1);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, OUTV, 2);
    assert_call_refused(BH_E_TOO_BIG);
}

static void test_gateway_accepts_exactly_max_bytes(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 40);
    ut_put_iov(INV, 1, IN1, 24);
    ut_put_iov(OUTV, 0, OUT0, 64);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, OUTV, 1);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    ut_assert_invariants();
}

static void test_gateway_rejects_overlapping_in_and_out(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 16);
    ut_put_iov(OUTV, 0, IN0 + 15u, 16); /* one byte shared */
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 1, OUTV, 1);
    assert_call_refused(BH_E_OVERLAP);
    ut_put_iov(INV, 1, OUT0, 4); /* second input inside second output */
    ut_put_iov(INV, 0, IN0, 4);
    ut_put_iov(OUTV, 0, IN1, 4);
    ut_put_iov(OUTV, 1, OUT0 - 4u, 16);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, OUTV, 2);
    assert_call_refused(BH_E_OVERLAP);
}

static void test_gateway_accepts_adjacent_and_empty_vectors(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 16);
    ut_put_iov(INV, 1, IN0 + 16u, 0); /* empty, at the output's address */
    ut_put_iov(OUTV, 0, IN0 + 16u, 16);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, OUTV, 1);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
}

static void test_gateway_call_to_stopped_server_fails_stopped(void **state)
{
    (void)state;
    ut_svc(UT_STOPPER, BH_SYS_COUNT, 0, 0, 0, 0); /* invalid syscall: policy stop */
    assert_int_equal(ut_box(UT_STOPPER)->state, BH_STATE_STOPPED);
    ut_call(UT_CLIENT, UT_GW_LAST, 1, 0, 0, 0, 0);
    assert_call_refused(BH_E_STOPPED);
    assert_int_equal(bh_k.gw[UT_GW_LAST].pending, 0);
}

/* ---------------- bad pointers: the caller's fault ---------------- */

static void call_with_in(uint32_t base, uint32_t len)
{
    ut_put_iov(INV, 0, base, len);
    ut_put_iov(OUTV, 0, OUT0, 8);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 1, OUTV, 1);
}

static void call_with_out(uint32_t base, uint32_t len)
{
    ut_put_iov(INV, 0, IN0, 8);
    ut_put_iov(OUTV, 0, base, len);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 1, OUTV, 1);
}

static void test_gateway_rejects_buffer_outside_caller(void **state)
{
    (void)state;
    call_with_in(UT_GAP(UT_CLIENT), 8); /* unowned RAM right after the client */
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_buffer_straddling_caller_end(void **state)
{
    (void)state;
    call_with_in(UT_RAM_BASE(UT_CLIENT) + UT_RAM_SIZE - 4u, 8);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_input_in_another_box(void **state)
{
    (void)state;
    call_with_in(SBUF, 8);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_output_in_another_box(void **state)
{
    (void)state;
    call_with_out(SBUF, 8);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_buffer_in_kernel(void **state)
{
    (void)state;
    call_with_in(UT_KERNEL_RAM + 0x100u, 8);
    assert_client_faulted_in_call();
    call_with_out(UT_KERNEL_RAM + 0x100u, 8);
    assert_int_equal(ut_box(UT_CLIENT)->generation, 3);
    assert_server_untouched();
}

static void test_gateway_rejects_buffer_wrapping_past_4gib(void **state)
{
    (void)state;
    call_with_in(0xFFFFFF00u, 0x200u);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_overflowing_length(void **state)
{
    (void)state;
    call_with_in(IN0, 0xFFFFFFFFu);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_vector_array_outside_caller(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, SBUF, 1, 0, 0);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_output_array_in_read_only_memory(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, 0, 0, UT_RO_BASE, 1); /* reply writes lengths there */
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_output_in_read_only_memory(void **state)
{
    (void)state;
    call_with_out(UT_RO_BASE, 8);
    assert_client_faulted_in_call();
}

static void test_gateway_rejects_buffer_in_caller_device_region(void **state)
{
    (void)state;
    call_with_in(UT_DEV_BASE, 8);
    assert_client_faulted_in_call();
}

static void test_gateway_accepts_input_from_read_only_and_code_memory(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, UT_RO_BASE, 8);
    ut_put_iov(INV, 1, UT_CODE_BASE(UT_CLIENT), 8);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, 0, 0);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
}

/* ---------------- the round trip ---------------- */

static void test_gateway_call_blocks_caller_and_wakes_server(void **state)
{
    (void)state;
    server_waits();
    client_calls_echo(5, 64);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    assert_int_equal(ut_box(UT_CLIENT)->block, BH_BLOCK_CALL);
    assert_int_equal(ut_box(UT_SERVER)->state, BH_STATE_READY);
    assert_int_equal(ut_frame(UT_SERVER)->r0, UT_SIG_ECHO);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 1u << UT_CLIENT);
    ut_assert_invariants();
}

static void test_gateway_get_describes_the_call(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 5);
    ut_put_iov(INV, 1, IN1, 9);
    ut_put_iov(OUTV, 0, OUT0, 32);
    ut_call(UT_CLIENT, UT_GW_ECHO, -42, INV, 2, OUTV, 1);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(m.handle, (UT_CLIENT << 24) | ut_box(UT_CLIENT)->call.seq);
    assert_int_equal(m.op, -42);
    assert_int_equal(m.caller, UT_CLIENT);
    assert_int_equal(m.in_len[0], 5);
    assert_int_equal(m.in_len[1], 9);
    assert_int_equal(m.in_len[2], 0);
    assert_int_equal(m.out_len[0], 32);
    assert_int_equal(m.out_len[1], 0);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].received, 1u << UT_CLIENT);
    assert_int_equal(ut_box(UT_SERVER)->signals & UT_SIG_ECHO, 0);
    ut_assert_invariants();
}

static void test_gateway_round_trip_passes_reply_status_and_lengths(void **state)
{
    (void)state;
    client_calls_echo(5, 64);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 64), 5);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 5), BH_OK);
    assert_int_equal(srv_reply(m.handle, 1234), BH_OK);
    bh_frame_t *cf = ut_frame(UT_CLIENT);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal((int32_t)cf->r0, BH_OK);
    assert_int_equal((int32_t)cf->r1, 1234);
    assert_int_equal(ut_iov_len(OUTV, 0), 5);
    assert_true(has_pattern(OUT0, 5, 0x11));
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].received, 0);
    ut_assert_invariants();
}

static void test_gateway_reply_status_passes_through_unchanged(void **state)
{
    (void)state;
    const int32_t statuses[] = {0, 1, -1, INT32_MIN, INT32_MAX, BH_E_STALE};
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        client_calls_echo(0, 0);
        bh_msg_t m = server_gets(UT_SIG_ECHO);
        assert_int_equal(srv_reply(m.handle, statuses[i]), BH_OK);
        assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r0, BH_OK);
        assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r1, statuses[i]);
    }
}

static void test_gateway_copies_data_exactly_between_boxes(void **state)
{
    (void)state;
    ut_fill(SBUF - 16u, 0xC3, 64 + 32);
    client_calls_echo(64, 64);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 64), 64);
    assert_true(has_pattern(SBUF, 64, 0x11));
    assert_true(ut_all(SBUF - 16u, 0xC3, 16));
    assert_true(ut_all(SBUF + 64u, 0xC3, 16));
    fill_pattern(SBUF, 64, 0x99);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 64), BH_OK);
    assert_true(has_pattern(OUT0, 64, 0x99));
    assert_true(ut_all(OUT0 + 64u, 0xEE, 0x40)); /* nothing past the vector */
    assert_true(has_pattern(IN0, 64, 0x11));     /* input untouched */
}

static void test_gateway_keeps_a_position_per_vector(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 10);
    ut_put_iov(INV, 1, IN1, 20);
    ut_put_iov(OUTV, 0, OUT0, 16);
    ut_put_iov(OUTV, 1, OUT1, 16);
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 2, OUTV, 2);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 1, SBUF, 8), 8);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF + 8u, 4), 4);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 1, SBUF + 12u, 100), 12);
    assert_true(has_pattern(SBUF, 8, 0x55));
    assert_true(has_pattern(SBUF + 8u, 4, 0x11));
    assert_true(has_pattern(SBUF + 12u, 12, (uint8_t)(0x55 + 8 * 7)));
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 1, SBUF, 3), BH_OK);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 1, SBUF + 3u, 4), BH_OK);
    assert_int_equal(srv_reply(m.handle, 0), BH_OK);
    assert_int_equal(ut_iov_len(OUTV, 0), 0);
    assert_int_equal(ut_iov_len(OUTV, 1), 7);
    assert_true(has_pattern(OUT1, 7, 0x55));
}

static void test_gateway_read_past_end_returns_zero(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    ut_fill(SBUF, 0xC3, 16);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 5), 5);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF + 5u, 8), 0);
    assert_true(ut_all(SBUF + 5u, 0xC3, 11));
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 0), 0);
}

static void test_gateway_rejects_vector_index_beyond_the_call(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 1, SBUF, 4), BH_E_INVALID);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 1, SBUF, 4), BH_E_INVALID);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0xFFFFFFFFu, SBUF, 4), BH_E_INVALID);
}

static void test_gateway_write_past_room_is_full_and_writes_nothing(void **state)
{
    (void)state;
    client_calls_echo(0, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    fill_pattern(SBUF, 16, 0x21);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 9), BH_E_FULL);
    assert_true(ut_all(OUT0, 0xEE, 16));
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 6), BH_OK);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF + 6u, 3), BH_E_FULL);
    assert_true(ut_all(OUT0 + 6u, 0xEE, 10));
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF + 6u, 2), BH_OK);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 1), BH_E_FULL);
    assert_int_equal(srv_reply(m.handle, 0), BH_OK);
    assert_int_equal(ut_iov_len(OUTV, 0), 8);
    assert_true(has_pattern(OUT0, 8, 0x21));
    assert_true(ut_all(OUT0 + 8u, 0xEE, 8));
}

static void test_gateway_transfers_zero_bytes(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_ECHO, 3, 0, 0, 0, 0);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(m.in_len[0], 0);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 0), BH_E_INVALID);
    assert_int_equal(srv_reply(m.handle, 5), BH_OK);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r1, 5);
    client_calls_echo(0, 0); /* one empty vector each way */
    m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 16), 0);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 0), BH_OK);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 1), BH_E_FULL);
    assert_int_equal(srv_reply(m.handle, 0), BH_OK);
    assert_int_equal(ut_iov_len(OUTV, 0), 0);
}

static void test_gateway_transfers_max_bytes(void **state)
{
    (void)state;
    fill_pattern(BIG_IN, 4096, 0x3C);
    ut_fill(BIG_OUT, 0, 4096);
    ut_put_iov(INV, 0, BIG_IN, 4096);
    ut_put_iov(OUTV, 0, BIG_OUT, 4096);
    ut_call(UT_CLIENT, UT_GW_BIG, 1, INV, 1, OUTV, 1);
    bh_msg_t m = server_gets(UT_SIG_BIG);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 4096), 4096);
    assert_true(has_pattern(SBUF, 4096, 0x3C));
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 4096), BH_OK);
    assert_int_equal(srv_reply(m.handle, 0), BH_OK);
    assert_int_equal(ut_iov_len(OUTV, 0), 4096);
    assert_true(has_pattern(BIG_OUT, 4096, 0x3C));
}

/* ---------------- bh_get ---------------- */

static void test_gateway_get_without_call_is_no_msg(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_WAIT, ECHO_SIGS, 0, 0, 0); /* poll: wakes it */
    assert_int_equal((int32_t)ut_svc(UT_SERVER, BH_SYS_GET, UT_SIG_ECHO, MSG, 0, 0)->r0, BH_E_NO_MSG);
}

static void test_gateway_get_on_signal_of_no_own_gateway_is_invalid(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_WAIT, ECHO_SIGS, 0, 0, 0);
    assert_int_equal((int32_t)ut_svc(UT_SERVER, BH_SYS_GET, 1u << 5, MSG, 0, 0)->r0, BH_E_INVALID);
    assert_int_equal((int32_t)ut_svc(UT_SERVER, BH_SYS_GET, ECHO_SIGS, MSG, 0, 0)->r0, BH_E_INVALID);
    assert_int_equal((int32_t)ut_svc(UT_STOPPER, BH_SYS_GET, UT_SIG_BIG, UT_SCRATCH(UT_STOPPER), 0, 0)->r0,
                     BH_E_INVALID);
}

static void test_gateway_signal_stays_set_while_a_call_waits(void **state)
{
    (void)state;
    client_calls_echo(0, 0);
    ut_call(UT_INTRUDER, UT_GW_ECHO, 2, 0, 0, 0, 0);
    bh_msg_t m1 = server_gets(UT_SIG_ECHO);
    assert_int_equal(m1.caller, UT_CLIENT); /* lowest id first */
    assert_int_equal(ut_box(UT_SERVER)->signals & UT_SIG_ECHO, UT_SIG_ECHO);
    bh_msg_t m2 = server_gets(UT_SIG_ECHO);
    assert_int_equal(m2.caller, UT_INTRUDER);
    assert_int_equal(m2.op, 2);
    assert_int_equal(ut_box(UT_SERVER)->signals & UT_SIG_ECHO, 0);
    ut_assert_invariants();
}

static void test_gateway_handles_differ_between_calls(void **state)
{
    (void)state;
    client_calls_echo(0, 0);
    bh_msg_t m1 = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv_reply(m1.handle, 0), BH_OK);
    client_calls_echo(0, 0);
    bh_msg_t m2 = server_gets(UT_SIG_ECHO);
    assert_int_not_equal(m1.handle, m2.handle);
    assert_int_equal(srv_reply(m1.handle, 0), BH_E_STALE);
    assert_int_equal(srv_reply(m2.handle, 0), BH_OK);
}

/* ---------------- stale handles ---------------- */

static void test_gateway_handle_is_stale_after_reply(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    assert_int_equal(srv_reply(m.handle, 0), BH_OK);
    assert_int_equal(srv_reply(m.handle, 0), BH_E_STALE);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 4), BH_E_STALE);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 4), BH_E_STALE);
}

static void test_gateway_stale_handle_after_timeout(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    ut_ticks(UT_ECHO_TIMEOUT);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_TIMEOUT);
    ut_fill(SBUF, 0x77, 8);
    assert_int_equal(srv(BH_SYS_READ, m.handle, 0, SBUF, 4), BH_E_STALE);
    assert_true(ut_all(SBUF, 0x77, 8));
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 4), BH_E_STALE);
    assert_true(ut_all(OUT0, 0xEE, 8));
    assert_int_equal(srv_reply(m.handle, 9), BH_E_STALE);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_TIMEOUT); /* the late reply changed nothing */
    ut_assert_invariants();
}

static void test_gateway_deadline_ends_call_with_timeout(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    ut_ticks(UT_ECHO_TIMEOUT - 1u);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    ut_ticks(1);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_READY);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_TIMEOUT);
    assert_int_equal(ut_frame(UT_CLIENT)->r1, 0);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
    assert_int_equal(ut_box(UT_SERVER)->signals & UT_SIG_ECHO, 0); /* nothing left to get */
    ut_assert_invariants();
}

static void test_gateway_without_deadline_waits_for_ever(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 4);
    ut_call(UT_CLIENT, UT_GW_BIG, 1, INV, 1, 0, 0);
    ut_ticks(20000);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
    assert_false(ut_box(UT_CLIENT)->has_deadline);
}

static void test_gateway_rejects_handle_not_yet_taken(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    uint32_t forged = (UT_CLIENT << 24) | ut_box(UT_CLIENT)->call.seq;
    assert_int_equal(srv(BH_SYS_READ, forged, 0, SBUF, 4), BH_E_STALE);
    assert_int_equal(srv_reply(forged, 0), BH_E_STALE);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
}

static void test_gateway_rejects_forged_handles(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    const uint32_t forged[] = {
        m.handle + 1u,                              /* another sequence */
        (UT_INTRUDER << 24) | (m.handle & 0xFFFFFFu), /* another caller */
        (UT_NBOXES << 24) | (m.handle & 0xFFFFFFu), /* no such box */
        0xFFFFFFFFu,
    };
    for (size_t i = 0; i < sizeof forged / sizeof forged[0]; i++) {
        assert_int_equal(srv(BH_SYS_READ, forged[i], 0, SBUF, 4), BH_E_STALE);
        assert_int_equal(srv_reply(forged[i], 0), BH_E_STALE);
    }
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
}

static void test_gateway_other_server_cannot_use_a_handle(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    uint32_t sbuf = UT_SCRATCH(UT_STOPPER);
    assert_int_equal((int32_t)ut_svc(UT_STOPPER, BH_SYS_READ, m.handle, 0, sbuf, 4)->r0, BH_E_STALE);
    assert_int_equal((int32_t)ut_svc(UT_STOPPER, BH_SYS_REPLY, m.handle, 0, 0, 0)->r0, BH_E_STALE);
    assert_int_equal(ut_box(UT_CLIENT)->state, BH_STATE_BLOCKED);
}

/* ---------------- server-side bad pointers and server failure ---------------- */

static void test_gateway_get_into_memory_outside_server_faults_it(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    ut_svc(UT_SERVER, BH_SYS_GET, UT_SIG_ECHO, UT_SCRATCH(UT_CLIENT), 0, 0);
    assert_int_equal(ut_box(UT_SERVER)->generation, 2);
    assert_int_equal(ut_box(UT_SERVER)->fault.kind, BH_FAULT_BADPTR);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_RESTARTED);
    assert_true(ut_all(OUT0, 0xEE, 8));
    ut_assert_invariants();
}

static void test_gateway_read_cannot_target_caller_memory(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    srv(BH_SYS_READ, m.handle, 0, OUT0, 5); /* server names the client's buffer */
    assert_int_equal(ut_box(UT_SERVER)->generation, 2);
    assert_int_equal(ut_box(UT_SERVER)->fault.kind, BH_FAULT_BADPTR);
    assert_true(ut_all(OUT0, 0xEE, 0x80));
    assert_int_equal(r0_of(UT_CLIENT), BH_E_RESTARTED);
}

static void test_gateway_write_cannot_take_from_another_box(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    srv(BH_SYS_WRITE, m.handle, 0, UT_DATA(UT_SUPER), 8); /* leak the supervisor's data? */
    assert_int_equal(ut_box(UT_SERVER)->fault.kind, BH_FAULT_BADPTR);
    assert_true(ut_all(OUT0, 0xEE, 8));
    assert_int_equal(r0_of(UT_CLIENT), BH_E_RESTARTED);
}

static void test_gateway_server_restart_fails_calls_with_restarted(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    ut_call(UT_INTRUDER, UT_GW_ECHO, 2, 0, 0, 0, 0);
    bh_msg_t m = server_gets(UT_SIG_ECHO); /* client's: taken; intruder's: waiting */
    ut_svc(UT_SERVER, BH_SYS_EXIT, 0, 0, 0, 0);
    assert_int_equal(ut_box(UT_SERVER)->generation, 2);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_RESTARTED);
    assert_int_equal(r0_of(UT_INTRUDER), BH_E_RESTARTED);
    assert_int_equal(ut_frame(UT_CLIENT)->r1, 0);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
    assert_int_equal(srv_reply(m.handle, 0), BH_E_STALE); /* the new generation */
    ut_assert_invariants();
}

static void test_gateway_server_stop_fails_calls_with_stopped(void **state)
{
    (void)state;
    ut_call(UT_CLIENT, UT_GW_LAST, 1, 0, 0, 0, 0);
    ut_call(UT_INTRUDER, UT_GW_LAST, 1, 0, 0, 0, 0);
    ut_svc(UT_STOPPER, BH_SYS_EXIT, 0, 0, 0, 0);
    assert_int_equal(ut_box(UT_STOPPER)->state, BH_STATE_STOPPED);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_STOPPED);
    assert_int_equal(r0_of(UT_INTRUDER), BH_E_STOPPED);
    assert_int_equal(bh_k.gw[UT_GW_LAST].pending, 0);
    ut_assert_invariants();
}

static void test_gateway_caller_restart_withdraws_its_call(void **state)
{
    (void)state;
    client_calls_echo(5, 8);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    bh_box_restart(ut_box(UT_CLIENT)); /* e.g. a future supervisor restart */
    assert_int_equal(ut_box(UT_CLIENT)->generation, 2);
    assert_int_equal(bh_k.gw[UT_GW_ECHO].pending, 0);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 4), BH_E_STALE);
    assert_true(ut_all(OUT0, 0, 8)); /* RAM of the new generation: cleared */
    ut_assert_invariants();
}

/* ---------------- documented order of checks and leftovers ---------------- */

static void test_gateway_refusal_leaves_op_in_r1_and_lengths_alone(void **state)
{
    (void)state;
    ut_put_iov(OUTV, 0, OUT0, 33);
    ut_call(UT_INTRUDER, UT_GW_BIG, 0x1234, 0, 0, 0, 0);
    assert_int_equal(r0_of(UT_INTRUDER), BH_E_DENIED);
    assert_int_equal(ut_frame(UT_INTRUDER)->r1, 0x1234);
    ut_put_iov(INV, 0, IN0, 65);
    ut_call(UT_CLIENT, UT_GW_ECHO, -5, INV, 1, OUTV, 1);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_TOO_BIG);
    assert_int_equal((int32_t)ut_frame(UT_CLIENT)->r1, -5);
    assert_int_equal(ut_iov_len(OUTV, 0), 33);
}

static void test_gateway_checks_acl_before_vector_counts(void **state)
{
    (void)state;
    ut_call(UT_INTRUDER, UT_GW_BIG, 1, 0, 9, 0, 9);
    assert_int_equal(r0_of(UT_INTRUDER), BH_E_DENIED);
}

static void test_gateway_checks_pointers_before_byte_limits(void **state)
{
    (void)state;
    ut_put_iov(INV, 0, IN0, 65);            /* too big ... */
    ut_put_iov(OUTV, 0, SBUF, 8);           /* ... and not the caller's */
    ut_call(UT_CLIENT, UT_GW_ECHO, 1, INV, 1, OUTV, 1);
    assert_client_faulted_in_call();
}

static void test_gateway_checks_overlap_before_server_state(void **state)
{
    (void)state;
    ut_svc(UT_STOPPER, BH_SYS_EXIT, 0, 0, 0, 0);
    ut_put_iov(INV, 0, IN0, 8);
    ut_put_iov(OUTV, 0, IN0, 8);
    ut_call(UT_CLIENT, UT_GW_LAST, 1, INV, 1, OUTV, 1);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_OVERLAP);
}

static void test_gateway_bytes_written_before_timeout_stay_with_caller(void **state)
{
    (void)state;
    client_calls_echo(5, 16);
    bh_msg_t m = server_gets(UT_SIG_ECHO);
    fill_pattern(SBUF, 4, 0x61);
    assert_int_equal(srv(BH_SYS_WRITE, m.handle, 0, SBUF, 4), BH_OK);
    ut_ticks(UT_ECHO_TIMEOUT);
    assert_int_equal(r0_of(UT_CLIENT), BH_E_TIMEOUT);
    assert_true(has_pattern(OUT0, 4, 0x61));
    assert_int_equal(ut_iov_len(OUTV, 0), 16); /* not written back */
}

static void test_gateway_read_checks_buffer_before_handle(void **state)
{
    (void)state;
    srv(BH_SYS_READ, 0xDEADBEEFu, 0, UT_SCRATCH(UT_CLIENT), 4); /* stale handle, foreign buffer */
    assert_int_equal(ut_box(UT_SERVER)->fault.kind, BH_FAULT_BADPTR);
    assert_true(ut_all(UT_SCRATCH(UT_CLIENT), 0, 4));
}

static void test_gateway_get_checks_message_pointer_before_signal(void **state)
{
    (void)state;
    ut_svc(UT_SERVER, BH_SYS_GET, 1u << 9, UT_GAP(UT_SERVER), 0, 0);
    assert_int_equal(ut_box(UT_SERVER)->fault.kind, BH_FAULT_BADPTR);
}

#define T(fn) cmocka_unit_test_setup(fn, setup)
#define TW(fn) cmocka_unit_test_setup(fn, setup_waiting)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TW(test_gateway_denies_box_not_listed_as_caller),
        TW(test_gateway_denies_supervisor_not_listed_as_caller),
        TW(test_gateway_rejects_unknown_gateway_id),
        TW(test_gateway_rejects_more_than_4_vectors),
        TW(test_gateway_rejects_input_bytes_over_max_in),
        TW(test_gateway_rejects_output_bytes_over_max_out),
        TW(test_gateway_accepts_exactly_max_bytes),
        TW(test_gateway_rejects_overlapping_in_and_out),
        TW(test_gateway_accepts_adjacent_and_empty_vectors),
        TW(test_gateway_call_to_stopped_server_fails_stopped),
        TW(test_gateway_rejects_buffer_outside_caller),
        TW(test_gateway_rejects_buffer_straddling_caller_end),
        TW(test_gateway_rejects_input_in_another_box),
        TW(test_gateway_rejects_output_in_another_box),
        TW(test_gateway_rejects_buffer_in_kernel),
        TW(test_gateway_rejects_buffer_wrapping_past_4gib),
        TW(test_gateway_rejects_overflowing_length),
        TW(test_gateway_rejects_vector_array_outside_caller),
        TW(test_gateway_rejects_output_array_in_read_only_memory),
        TW(test_gateway_rejects_output_in_read_only_memory),
        TW(test_gateway_rejects_buffer_in_caller_device_region),
        TW(test_gateway_accepts_input_from_read_only_and_code_memory),
        T(test_gateway_call_blocks_caller_and_wakes_server),
        T(test_gateway_get_describes_the_call),
        T(test_gateway_round_trip_passes_reply_status_and_lengths),
        T(test_gateway_reply_status_passes_through_unchanged),
        T(test_gateway_copies_data_exactly_between_boxes),
        T(test_gateway_keeps_a_position_per_vector),
        T(test_gateway_read_past_end_returns_zero),
        T(test_gateway_rejects_vector_index_beyond_the_call),
        T(test_gateway_write_past_room_is_full_and_writes_nothing),
        T(test_gateway_transfers_zero_bytes),
        T(test_gateway_transfers_max_bytes),
        T(test_gateway_get_without_call_is_no_msg),
        T(test_gateway_get_on_signal_of_no_own_gateway_is_invalid),
        T(test_gateway_signal_stays_set_while_a_call_waits),
        T(test_gateway_handles_differ_between_calls),
        T(test_gateway_handle_is_stale_after_reply),
        T(test_gateway_stale_handle_after_timeout),
        T(test_gateway_deadline_ends_call_with_timeout),
        T(test_gateway_without_deadline_waits_for_ever),
        T(test_gateway_rejects_handle_not_yet_taken),
        T(test_gateway_rejects_forged_handles),
        T(test_gateway_other_server_cannot_use_a_handle),
        T(test_gateway_get_into_memory_outside_server_faults_it),
        T(test_gateway_read_cannot_target_caller_memory),
        T(test_gateway_write_cannot_take_from_another_box),
        T(test_gateway_server_restart_fails_calls_with_restarted),
        T(test_gateway_server_stop_fails_calls_with_stopped),
        T(test_gateway_caller_restart_withdraws_its_call),
        T(test_gateway_refusal_leaves_op_in_r1_and_lengths_alone),
        TW(test_gateway_checks_acl_before_vector_counts),
        TW(test_gateway_checks_pointers_before_byte_limits),
        T(test_gateway_checks_overlap_before_server_state),
        T(test_gateway_bytes_written_before_timeout_stay_with_caller),
        T(test_gateway_read_checks_buffer_before_handle),
        T(test_gateway_get_checks_message_pointer_before_signal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
