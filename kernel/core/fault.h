/*
 * fault.h — turning a box's violation into a record and a policy action.
 * Runs: privileged.
 */
#ifndef BH_FAULT_H
#define BH_FAULT_H

#include "kernel.h"

/* Records the fault of box b (the current box) and applies its policy. */
void bh_fault_box(bh_box_t *b, const bh_fault_report_t *r);
/* A fault of b that restarting or stopping b cannot contain (the non-secure
 * world faulted inside one of its own exception handlers, which only a
 * reset can end): record, print, reset the system whatever b's policy. */
__attribute__((noreturn)) void bh_fault_box_fatal(bh_box_t *b, const bh_fault_report_t *r);
const char *bh_fault_kind_str(uint32_t kind);

/* The epitaph: a fixed record that survives a reset (not a power cycle). */
typedef struct {
    uint32_t magic;
    uint32_t boots;
    uint32_t policy_resets; /* resets caused by a box with policy reset */
    bh_fault_t last;        /* the fault that caused the last reset */
} bh_epitaph_t;

#define BH_EPITAPH_MAGIC 0x45504954u
bh_epitaph_t *bh_epitaph(void);

/* Test builds (testhook.c): expected-fault bookkeeping; no-ops otherwise. */
void bh_test_on_fault(const bh_box_t *b, uint32_t kind);
void bh_test_on_panic(void);

#endif
