/*
 * fault.c — fault records and per-box fault policy.
 *
 * A fault record holds only what belongs to the faulting box: its id,
 * generation, the fault kind, the PC as an offset into its own code, and
 * the fault address only when that address lies inside one of its own
 * regions (an address in another box or the kernel is withheld, so a fault
 * report never tells one box about another's memory).
 * Policy: restart (within the restart budget, else stop), stop, or reset.
 * Runs: privileged, from a fault exception or a syscall.
 */
#include "fault.h"

#include "box.h"
#include "print.h"
#include "range.h"
#include "signal.h"
#include "timer.h"

static const char *const kind_text[BH_FAULT_KIND_COUNT] = {
    [BH_FAULT_NONE] = "none",
    [BH_FAULT_MEMMANAGE] = "memory protection violation",
    [BH_FAULT_BUS] = "bus error",
    [BH_FAULT_USAGE] = "usage fault",
    [BH_FAULT_SECURE] = "secure fault",
    [BH_FAULT_HARD] = "hard fault",
    [BH_FAULT_STACK] = "stack overflow",
    [BH_FAULT_SYSCALL] = "invalid syscall",
    [BH_FAULT_BADPTR] = "syscall argument outside the box",
    [BH_FAULT_EXIT] = "entry function returned",
};

/*@ assigns \nothing;
    ensures \valid_read(\result); */
const char *bh_fault_kind_str(uint32_t kind)
{
    return kind < BH_FAULT_KIND_COUNT ? kind_text[kind] : "unknown";
}

bh_epitaph_t *bh_epitaph(void)
{
    return (bh_epitaph_t *)bh_arch_epitaph(sizeof(bh_epitaph_t));
}

/*@ requires \valid_read(d) && d->nregions <= BH_MAX_REGIONS;
    assigns \nothing;
    ensures \result <==> \exists integer i; 0 <= i < d->nregions &&
                          bh_within(addr, 1, d->regions[i].base, d->regions[i].size); */
static bool in_own_region(const bh_box_desc_t *d, uint32_t addr)
{
    /*@ loop invariant 0 <= i <= d->nregions;
        loop invariant \forall integer k; 0 <= k < i ==> !bh_within(addr, 1, d->regions[k].base, d->regions[k].size);
        loop assigns i;
        loop variant d->nregions - i; */
    for (uint32_t i = 0; i < d->nregions; i++) {
        if (bh_range_within(addr, 1u, d->regions[i].base, d->regions[i].size)) {
            return true;
        }
    }
    return false;
}

static void record(bh_box_t *b, const bh_fault_report_t *r)
{
    const bh_box_desc_t *d = b->desc;
    bh_fault_t *f = &b->fault;
    uint32_t count = f->count + 1u;
    bool pc_in = bh_range_within(r->pc, 1u, d->code_base, d->code_size);
    f->box = b->id;
    f->generation = b->generation;
    f->kind = r->kind;
    f->pc_offset = pc_in ? r->pc - d->code_base : 0xFFFFFFFFu;
    uint32_t addr = r->addr;
    bool valid = r->addr_valid;
    if (!valid && !pc_in && r->pc != 0xFFFFFFFFu) {
        addr = r->pc; /* instruction fetch outside the code: the PC is the address */
        valid = true;
    }
    f->addr_valid = (valid && in_own_region(d, addr)) ? 1u : 0u;
    f->addr = f->addr_valid ? addr : 0u;
    f->detail = r->detail;
    f->count = count;
}

static void print_record(const bh_box_t *b)
{
    const bh_fault_t *f = &b->fault;
    bh_klog("FAULT in box '");
    bh_puts(b->desc->name);
    bh_puts("' (generation ");
    bh_put_dec(f->generation);
    bh_puts("): ");
    bh_puts(bh_fault_kind_str(f->kind));
    bh_puts(", pc ");
    if (f->pc_offset == 0xFFFFFFFFu) {
        bh_puts("unknown");
    } else {
        bh_puts("+");
        bh_put_hex(f->pc_offset);
    }
    bh_puts(f->addr_valid ? ", address " : ", address outside the box (withheld)");
    if (f->addr_valid) {
        bh_put_hex(f->addr);
    }
    bh_puts(", detail ");
    bh_put_hex(f->detail);
    bh_puts("\n");
}

static void notify_supervisor(const bh_box_t *faulty)
{
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        bh_box_t *s = &bh_k.boxes[i];
        if ((s->desc->flags & BH_BOXF_SUPERVISOR) != 0u && s != faulty && s->state != BH_STATE_STOPPED) {
            bh_signal_raise(s, BH_SIG_FAULT);
        }
    }
}

/* True when one more restart stays within the box's budget. */
static bool budget_allows(bh_box_t *b)
{
    const bh_box_desc_t *d = b->desc;
    if (b->window_restarts == 0u || (uint32_t)(bh_k.ticks - b->window_start) >= d->restart_window_ms) {
        b->window_start = bh_k.ticks;
        b->window_restarts = 0;
    }
    b->window_restarts++;
    return b->window_restarts <= d->restart_count;
}

static void say(const bh_box_t *b, const char *what)
{
    bh_klog("box '");
    bh_puts(b->desc->name);
    bh_puts(what);
}

static __attribute__((noreturn)) void reset_system(const bh_box_t *b, const char *why)
{
    bh_epitaph_t *e = bh_epitaph();
    e->policy_resets++;
    e->last = b->fault;
    say(b, why);
    bh_arch_reset();
}

void bh_fault_box(bh_box_t *b, const bh_fault_report_t *r)
{
    record(b, r);
    print_record(b);
    bh_test_on_fault(b, r->kind);
    if (b->desc->policy == BH_POLICY_RESET) {
        reset_system(b, "' has policy reset: resetting the system\n");
    }
    if (b == bh_k.current) {
        bh_sched_discard_current();
    }
    if (b->desc->policy == BH_POLICY_RESTART && budget_allows(b)) {
        bh_box_restart(b);
        say(b, "' restarted, generation ");
        bh_put_dec(b->generation);
        bh_puts("\n");
    } else {
        bh_box_stop(b);
        say(b, b->desc->policy == BH_POLICY_STOP ? "' stopped (policy stop)\n"
                                                 : "' stopped: restart budget exhausted\n");
    }
    notify_supervisor(b);
    bh_sched_update();
}

void bh_fault_box_fatal(bh_box_t *b, const bh_fault_report_t *r)
{
    record(b, r);
    print_record(b);
    bh_test_on_fault(b, r->kind);
    reset_system(b, "' faulted where it cannot be restarted alone: resetting the system\n");
}

void bh_kernel_fault(const bh_fault_report_t *r)
{
    bh_box_t *b = bh_k.current;
    if (b == 0 || b == &bh_k.idle) {
        bh_kernel_panic("fault in kernel thread", r->kind, r->pc);
    }
    bh_fault_box(b, r);
}

void bh_kernel_panic(const char *why, uint32_t a, uint32_t b)
{
    bh_epitaph_t *e = bh_epitaph();
    e->last.box = 0xFFFFFFFFu; /* the kernel itself */
    e->last.kind = BH_FAULT_HARD;
    e->last.detail = a;
    e->last.pc_offset = b;
    bh_klog("PANIC: ");
    bh_puts(why);
    bh_puts(" ");
    bh_put_hex(a);
    bh_puts(" ");
    bh_put_hex(b);
    bh_puts("\n");
    bh_test_on_panic();
    bh_arch_reset();
}
