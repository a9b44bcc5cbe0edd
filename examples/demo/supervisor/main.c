/*
 * supervisor — learns of every fault from the kernel (BH_SIG_FAULT) and
 * reports it in plain words. It owns nothing and calls nothing.
 * Runs: unprivileged box.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

static const char *const state_name[] = {"running", "running", "stopped", "invalid image"};
static const char *const kind_name[BH_FAULT_KIND_COUNT] = {
    "no fault", "memory protection violation", "bus error", "usage fault", "secure fault",
    "hard fault", "stack overflow", "invalid syscall", "bad syscall pointer", "exit",
};

static void report(uint32_t box)
{
    bh_fault_t f;
    int32_t state = bh_fault_info(box, &f);
    if (state < 0 || f.count == 0u) {
        return;
    }
    bh_printf("box %lu: %s at pc +0x%lx in generation %lu; now %s (faults so far: %lu)", (unsigned long)box,
              f.kind < BH_FAULT_KIND_COUNT ? kind_name[f.kind] : "?", (unsigned long)f.pc_offset,
              (unsigned long)f.generation, state_name[state & 3], (unsigned long)f.count);
}

void supervisor_main(void)
{
    uint32_t seen[BH_NBOXES] = {0};
    for (;;) {
        bh_wait(BH_SIG_FAULT, BH_FOREVER);
        for (uint32_t b = 0; b < BH_NBOXES; b++) {
            bh_fault_t f;
            if (bh_fault_info(b, &f) >= 0 && f.count != seen[b]) {
                seen[b] = f.count;
                report(b);
            }
        }
    }
}
