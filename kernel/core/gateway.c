/*
 * gateway.c — synchronous gateway calls.
 *
 * Caller: bh_call(gw, op, invec, n_in, outvec, n_out) blocks until the
 * server replies, the gateway's deadline passes, or the server restarts or
 * stops. The kernel snapshots the caller's vectors once, checks the ACL,
 * every buffer (bh_umem_check) and the gateway's limits before anything
 * changes. Servers never see caller addresses: bh_read/bh_write copy
 * directly between the two boxes' memory, once (no intermediate buffer,
 * no second fetch of a descriptor).
 * Message handle = caller id << 24 | call sequence (24 bits): a handle
 * whose call has ended (reply, timeout, restart) is stale.
 * Runs: privileged.
 */
#include "gateway.h"


#include "range.h"
#include "signal.h"
#include "syscall.h"
#include "umem.h"

#define IOVEC_BYTES 8u

typedef struct {
    uint32_t fault; /* BH_FAULT_NONE or why the caller is at fault */
    int32_t err;    /* BH_OK or the recoverable error */
} verdict_t;

static const verdict_t OK = {BH_FAULT_NONE, BH_OK};

/*@ assigns \nothing;
    ensures \result.fault == BH_FAULT_NONE && \result.err == e; */
static verdict_t err_v(int32_t e)
{
    verdict_t v = {BH_FAULT_NONE, e};
    return v;
}

/*@ assigns \nothing;
    ensures \result.fault == k && \result.err == BH_OK; */
static verdict_t fault_v(uint32_t k)
{
    verdict_t v = {k, BH_OK};
    return v;
}

/*@ assigns \nothing;
    ensures \result <==> (v.fault != BH_FAULT_NONE || v.err != BH_OK); */
static bool failed(verdict_t v)
{
    return v.fault != BH_FAULT_NONE || v.err != BH_OK;
}

/* Snapshot n vectors from the caller's array, each checked for 'acc'. */
static verdict_t snapshot(const bh_box_t *self, uint32_t arr, uint32_t n, uint32_t arr_acc, uint32_t acc,
                          uint32_t *base, uint32_t *len)
{
    if (bh_umem_check(self->desc, arr, n * IOVEC_BYTES, arr_acc) != BH_ALLOW) {
        return fault_v(BH_FAULT_BADPTR);
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t w[2];
        bh_copy_in(w, arr + i * IOVEC_BYTES, IOVEC_BYTES);
        base[i] = w[0];
        len[i] = w[1];
        if (bh_umem_check(self->desc, base[i], len[i], acc) != BH_ALLOW) {
            return fault_v(BH_FAULT_BADPTR);
        }
    }
    return OK;
}

/* True when the n lengths add up to at most max (no wrap). */
/*@ requires \valid_read(len + (0 .. n - 1));
    assigns \nothing;
    ensures \result ==> bh_sum(len, n) <= max; */
static bool within_limit(const uint32_t *len, uint32_t n, uint32_t max)
{
    uint32_t total = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant total == bh_sum(len, i) && total <= max;
        loop assigns i, total;
        loop variant n - i; */
    for (uint32_t i = 0; i < n; i++) {
        if (len[i] > max - total) {
            return false;
        }
        total += len[i];
    }
    return true;
}

static bool vectors_overlap(const bh_call_t *c)
{
    for (uint32_t i = 0; i < c->n_in; i++) {
        for (uint32_t j = 0; j < c->n_out; j++) {
            if (bh_range_overlap(c->in_base[i], c->in_len[i], c->out_base[j], c->out_len[j])) {
                return true;
            }
        }
    }
    return false;
}

/* Zeroes the positions, and the lengths of unused vectors (a server sees 0). */
static void clear_tail(bh_call_t *c)
{
    for (uint32_t i = 0; i < BH_MAX_IOVEC; i++) {
        c->in_pos[i] = 0;
        c->out_pos[i] = 0;
        if (i >= c->n_in) {
            c->in_len[i] = 0;
        }
        if (i >= c->n_out) {
            c->out_len[i] = 0;
        }
    }
}

/*
 * r0 = gateway, r1 = op, r2 = invec, r3 = outvec, r12 = n_in | n_out << 8.
 * The out-struct is the caller's own call slot, which means nothing until
 * the call is committed (block == BH_BLOCK_CALL); seq is left alone.
 */
static verdict_t decode_call(const bh_box_t *self, const bh_frame_t *f, bh_call_t *c)
{
    uint32_t gid = f->r0, n_in = f->r12 & 0xFFu, n_out = (f->r12 >> 8) & 0xFFu;
    if (gid >= bh_system.ngateways) {
        return err_v(BH_E_NO_GATEWAY);
    }
    const bh_gateway_t *gw = &bh_system.gateways[gid];
    if (((gw->callers >> self->id) & 1u) == 0u) {
        return err_v(BH_E_DENIED);
    }
    if (n_in > BH_MAX_IOVEC || n_out > BH_MAX_IOVEC || (f->r12 >> 16) != 0u) {
        return err_v(BH_E_TOO_BIG);
    }
    c->received = false;
    c->gw = (uint16_t)gid;
    c->op = (int32_t)f->r1;
    c->n_in = (uint16_t)n_in;
    c->n_out = (uint16_t)n_out;
    c->outvec_addr = f->r3;
    verdict_t v = snapshot(self, f->r2, n_in, BH_ACC_R, BH_ACC_R, c->in_base, c->in_len);
    if (!failed(v)) {
        v = snapshot(self, f->r3, n_out, BH_ACC_R | BH_ACC_W, BH_ACC_W, c->out_base, c->out_len);
    }
    if (failed(v)) {
        return v;
    }
    clear_tail(c);
    if (!within_limit(c->in_len, n_in, gw->max_in) || !within_limit(c->out_len, n_out, gw->max_out)) {
        return err_v(BH_E_TOO_BIG);
    }
    if (vectors_overlap(c)) {
        return err_v(BH_E_OVERLAP);
    }
    uint8_t st = bh_k.boxes[gw->box].state;
    return (st == BH_STATE_STOPPED || st == BH_STATE_INVALID) ? err_v(BH_E_STOPPED) : OK;
}

uint32_t bh_sys_call(bh_box_t *self, bh_frame_t *f)
{
    verdict_t v = decode_call(self, f, &self->call);
    if (v.fault != BH_FAULT_NONE) {
        return v.fault;
    }
    if (v.err != BH_OK) {
        bh_ret(f, v.err);
        return BH_FAULT_NONE;
    }
    const bh_gateway_t *gw = &bh_system.gateways[self->call.gw];
    self->call.seq = (self->call.seq + 1u) & 0xFFFFFFu;
    bh_sched_block(self, BH_BLOCK_CALL, gw->timeout_ms != 0u ? gw->timeout_ms : BH_FOREVER);
    bh_k.gw[self->call.gw].pending |= 1u << self->id;
    bh_signal_raise(&bh_k.boxes[gw->box], 1u << gw->signal);
    return BH_FAULT_NONE;
}

static void drop_from_gateway(const bh_box_t *caller)
{
    uint16_t g = caller->call.gw;
    bh_gw_state_t *s = &bh_k.gw[g];
    s->pending &= ~(1u << caller->id);
    s->received &= ~(1u << caller->id);
    if ((s->pending & ~s->received) == 0u) {
        const bh_gateway_t *gw = &bh_system.gateways[g];
        bh_k.boxes[gw->box].signals &= ~(1u << gw->signal);
    }
}

void bh_gateway_cancel(bh_box_t *caller, int32_t err)
{
    bh_frame_t *f = bh_arch_frame(caller);
    drop_from_gateway(caller);
    f->r0 = (uint32_t)err;
    f->r1 = 0;
    bh_sched_ready(caller);
}

void bh_gateway_fail_server(const bh_box_t *server, int32_t err)
{
    for (uint32_t g = 0; g < bh_system.ngateways; g++) {
        if (bh_system.gateways[g].box != server->id) {
            continue;
        }
        for (uint32_t m = bh_k.gw[g].pending; m != 0u; m &= m - 1u) {
            bh_gateway_cancel(&bh_k.boxes[__builtin_ctz(m)], err);
        }
    }
}

/* The gateway behind 'signal' (exactly one gateway bit of self), or -1. */
static int32_t find_gateway(const bh_box_t *self, uint32_t signal)
{
    if (signal == 0u || (signal & (signal - 1u)) != 0u || (signal & self->gw_mask) == 0u) {
        return -1;
    }
    return (int32_t)self->gw_by_signal[__builtin_ctz(signal)];
}

static void fill_msg(bh_msg_t *m, const bh_box_t *caller)
{
    m->handle = (caller->id << 24) | caller->call.seq;
    m->op = caller->call.op;
    m->caller = caller->id;
    for (uint32_t i = 0; i < BH_MAX_IOVEC; i++) {
        m->in_len[i] = caller->call.in_len[i];
        m->out_len[i] = caller->call.out_len[i];
    }
}

/* r0 = signal (one gateway bit), r1 = bh_msg_t * */
uint32_t bh_sys_get(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r1, sizeof(bh_msg_t), BH_ACC_W) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    int32_t g = find_gateway(self, f->r0);
    if (g < 0) {
        bh_ret(f, BH_E_INVALID);
        return BH_FAULT_NONE;
    }
    bh_gw_state_t *s = &bh_k.gw[g];
    uint32_t avail = s->pending & ~s->received;
    if (avail == 0u) {
        bh_ret(f, BH_E_NO_MSG);
        return BH_FAULT_NONE;
    }
    bh_box_t *caller = &bh_k.boxes[__builtin_ctz(avail)];
    bh_msg_t m;
    fill_msg(&m, caller);
    bh_copy_out(f->r1, &m, sizeof m);
    caller->call.received = true;
    s->received |= 1u << caller->id;
    if ((s->pending & ~s->received) == 0u) {
        self->signals &= ~f->r0;
    }
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}

/* The caller whose received call 'handle' names, or NULL when stale. */
static bh_box_t *lookup(const bh_box_t *self, uint32_t handle)
{
    uint32_t cid = handle >> 24;
    if (cid >= bh_system.nboxes) {
        return 0;
    }
    bh_box_t *c = &bh_k.boxes[cid];
    bool live = c->block == BH_BLOCK_CALL && c->call.received && c->call.seq == (handle & 0xFFFFFFu) &&
                bh_system.gateways[c->call.gw].box == self->id;
    return live ? c : 0;
}

/* r0 = handle, r1 = input vector index, r2 = buffer, r3 = length */
uint32_t bh_sys_read(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r2, f->r3, BH_ACC_W) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    bh_box_t *c = lookup(self, f->r0);
    if (c == 0 || f->r1 >= c->call.n_in) {
        bh_ret(f, c == 0 ? BH_E_STALE : BH_E_INVALID);
        return BH_FAULT_NONE;
    }
    uint32_t i = f->r1, left = c->call.in_len[i] - c->call.in_pos[i];
    uint32_t n = f->r3 < left ? f->r3 : left;
    bh_copy(f->r2, c->call.in_base[i] + c->call.in_pos[i], n);
    c->call.in_pos[i] += n;
    bh_ret(f, (int32_t)n);
    return BH_FAULT_NONE;
}

/* r0 = handle, r1 = output vector index, r2 = buffer, r3 = length */
uint32_t bh_sys_write(bh_box_t *self, bh_frame_t *f)
{
    if (bh_umem_check(self->desc, f->r2, f->r3, BH_ACC_R) != BH_ALLOW) {
        return BH_FAULT_BADPTR;
    }
    bh_box_t *c = lookup(self, f->r0);
    int32_t err = BH_OK;
    if (c == 0) {
        err = BH_E_STALE;
    } else if (f->r1 >= c->call.n_out) {
        err = BH_E_INVALID;
    } else if (f->r3 > c->call.out_len[f->r1] - c->call.out_pos[f->r1]) {
        err = BH_E_FULL;
    }
    if (err == BH_OK) {
        uint32_t i = f->r1;
        bh_copy(c->call.out_base[i] + c->call.out_pos[i], f->r2, f->r3);
        c->call.out_pos[i] += f->r3;
    }
    bh_ret(f, err);
    return BH_FAULT_NONE;
}

/* r0 = handle, r1 = status (any 32-bit value, passed through) */
uint32_t bh_sys_reply(bh_box_t *self, bh_frame_t *f)
{
    bh_box_t *c = lookup(self, f->r0);
    if (c == 0) {
        bh_ret(f, BH_E_STALE);
        return BH_FAULT_NONE;
    }
    for (uint32_t i = 0; i < c->call.n_out; i++) {
        bh_copy_out(c->call.outvec_addr + i * IOVEC_BYTES + 4u, &c->call.out_pos[i], 4u);
    }
    bh_frame_t *cf = bh_arch_frame(c);
    drop_from_gateway(c);
    cf->r0 = (uint32_t)BH_OK;
    cf->r1 = f->r1;
    bh_sched_ready(c);
    bh_ret(f, BH_OK);
    return BH_FAULT_NONE;
}
