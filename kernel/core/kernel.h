/*
 * kernel.h — run-time state of the kernel core.
 *
 * One bh_box_t per box (static, indexed by box id), plus the idle context.
 * All of it lives in kernel RAM, which no box region covers.
 * Invariants (checked in debug builds, stated for the proofs):
 *  - state READY  <=> the box's bit is set in bh_k.ready;
 *  - block == BH_BLOCK_CALL <=> the box's bit is set in exactly one
 *    gateway's pending mask (the gateway in call.gw);
 *  - bh_k.current is the box whose registers are live, or NULL right after
 *    it was restarted or stopped (nothing of it may then be saved).
 * Runs: privileged, one kernel entry at a time (all kernel exceptions share
 * one priority; faults preempt only box code).
 */
#ifndef BH_KERNEL_H
#define BH_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include <bulkhead/abi.h>

#include "arch.h"
#include "system.h"

enum bh_block { BH_BLOCK_NONE = 0, BH_BLOCK_WAIT, BH_BLOCK_CALL, BH_BLOCK_SLEEP };

typedef struct {
    uint16_t gw;
    uint16_t n_in, n_out;
    int32_t op;
    uint32_t seq;         /* identifies this call; part of the handle */
    uint32_t outvec_addr; /* caller's outvec array, for reply lengths */
    bool received;        /* server has taken it with bh_get */
    uint32_t in_base[BH_MAX_IOVEC], in_len[BH_MAX_IOVEC], in_pos[BH_MAX_IOVEC];
    uint32_t out_base[BH_MAX_IOVEC], out_len[BH_MAX_IOVEC], out_pos[BH_MAX_IOVEC];
} bh_call_t;

typedef struct bh_box {
    bh_arch_box_t arch; /* must stay first: the context switch relies on it */
    const bh_box_desc_t *desc;
    uint32_t id;
    uint8_t state; /* enum bh_box_state */
    uint8_t block; /* enum bh_block */
    uint32_t gw_mask;  /* signals of the gateways this box serves (level) */
    uint8_t gw_by_signal[30]; /* signal bit -> gateway id, where gw_mask has it */
    bool has_deadline;
    uint32_t deadline; /* tick */
    uint32_t signals;  /* pending */
    uint32_t wait_mask;
    uint32_t generation;
    uint32_t restarts;
    uint32_t window_start, window_restarts; /* restart budget */
    bh_call_t call; /* as caller, valid while block == BH_BLOCK_CALL */
    uint32_t log_tokens, log_refill_tick, log_dropped;
    bh_fault_t fault; /* last fault */
} bh_box_t;

typedef struct {
    uint32_t pending;  /* callers (bit = box id) with a call in flight */
    uint32_t received; /* subset taken by the server */
} bh_gw_state_t;

typedef struct {
    bh_box_t *current; /* offset 0: read by the context switch */
    bh_box_t *next;    /* offset 4: read by the context switch */
    uint32_t ready;    /* bit = box id */
    uint32_t yielded;  /* boxes that asked to let equal-priority peers run */
    uint32_t ready_rank; /* the ready set again, bit = priority rank (sched.c) */
    uint8_t rank[BH_MAX_BOXES];    /* box id -> rank: order by (priority, id) */
    uint8_t by_rank[BH_MAX_BOXES]; /* rank -> box id */
    uint32_t ticks;    /* ms since boot */
    bh_box_t boxes[BH_MAX_BOXES];
    bh_box_t idle;
    bh_gw_state_t gw[BH_MAX_GATEWAYS];
} bh_kernel_t;

extern bh_kernel_t bh_k;
extern const bh_system_t bh_system;

/* sched.c */
void bh_sched_init(void);
void bh_sched_ready(bh_box_t *b);
void bh_sched_block(bh_box_t *b, uint8_t why, uint32_t timeout_ms);
void bh_sched_unready(bh_box_t *b);
void bh_sched_update(void);
void bh_sched_discard_current(void);

/* Kernel entries called by arch/. */
void bh_kernel_boot(void) __attribute__((noreturn));
void bh_kernel_svc(bh_frame_t *f, uint32_t sysno);
void bh_kernel_tick(void);
void bh_kernel_irq(uint32_t irq);

/* Fault report from arch/: box code (current) broke a hardware rule. */
typedef struct {
    uint32_t kind;       /* enum bh_fault_kind */
    uint32_t pc;         /* absolute, or ~0 if unknown */
    uint32_t addr;       /* fault address if addr_valid */
    bool addr_valid;
    uint32_t detail;     /* raw status bits */
} bh_fault_report_t;
void bh_kernel_fault(const bh_fault_report_t *r);
__attribute__((noreturn)) void bh_kernel_panic(const char *why, uint32_t a, uint32_t b);

#endif
