/*
 * arch.c (host) — every hook of kernel/core/arch.h, for unit tests.
 *
 * No box code ever runs on the host. A box context is just the exception
 * frame at the top of the box's stack in simulated RAM (the same place and
 * layout as on armv8m); a test plays the box by filling that frame and
 * entering the kernel with bh_kernel_svc(). Hooks that stand for hardware
 * record what they were asked in bh_sim (sim.h); the noreturn hooks unwind
 * to the test through bh_sim_run().
 * Runs: host only. Trusts: nothing from the core — every address is mapped
 * through the simulated memories and anything unexpected fails the test.
 */
#include <string.h>

#include "kernel.h"
#include "sim.h"

static bh_frame_t idle_frame; /* the idle thread's frame: kernel memory */

uint8_t *bh_arch_ptr(uint32_t addr)
{
    if (!bh_sim_mapped(addr, 1u)) {
        bh_sim_fail("kernel touched an address outside the simulated memories", addr);
    }
    return bh_sim_mem(addr, 1u);
}

/* No TrustZone in the simulation: the answer is what a test set. */
int bh_arch_ns_range_ok(uint32_t addr, uint32_t len, uint32_t access)
{
    (void)addr;
    (void)len;
    (void)access;
    return bh_sim.ns_range_ok;
}

void bh_arch_ns_init(struct bh_box *b)
{
    bh_sim_fail("the simulation has no non-secure world", b->desc->code_base);
}

/* The frame sits in box memory: it must be mapped and word aligned. */
static bh_frame_t *frame_at(uint32_t addr)
{
    if ((addr & 3u) != 0u || !bh_sim_mapped(addr, sizeof(bh_frame_t))) {
        bh_sim_fail("box frame outside the simulated memories", addr);
    }
    return (bh_frame_t *)(void *)bh_sim_mem(addr, sizeof(bh_frame_t));
}

void bh_arch_box_init(struct bh_box *b, uint32_t entry)
{
    const bh_box_desc_t *d = b->desc;
    uint32_t top = d->ram_base + d->stack_size;
    bh_frame_t *f = frame_at(top - (uint32_t)sizeof(bh_frame_t));
    memset(f, 0, sizeof *f);
    f->pc = entry & ~1u;
    f->xpsr = BH_SIM_XPSR_THUMB;
    b->arch.psp = top - (uint32_t)sizeof(bh_frame_t);
    b->arch.psplim = d->ram_base;
    b->arch.entry = entry;
    b->arch.inits++;
    b->arch.idle = false;
}

void bh_arch_idle_init(struct bh_box *idle)
{
    memset(&idle_frame, 0, sizeof idle_frame);
    memset(&idle->arch, 0, sizeof idle->arch);
    idle->arch.idle = true;
    idle->state = BH_STATE_READY;
    bh_sim.idle_inits++;
}

/* Same W^X assertion as the armv8m encoder; the host keeps no MPU image. */
void bh_arch_mpu_prepare(struct bh_box *b)
{
    for (uint32_t i = 0; i < b->desc->nregions && i < BH_MAX_REGIONS; i++) {
        const bh_region_t *r = &b->desc->regions[i];
        if ((r->access & BH_ACC_W) != 0u && (r->access & BH_ACC_X) != 0u) {
            bh_kernel_panic("W^X violated in region table", r->base, r->access);
        }
    }
    b->arch.nmpu = b->desc->nregions;
}

bh_frame_t *bh_arch_frame(struct bh_box *b)
{
    if (b->arch.idle) {
        return &idle_frame;
    }
    if (b->arch.psp == 0u) {
        bh_sim_fail("frame of a box that was never initialised", b->id);
    }
    return frame_at(b->arch.psp);
}

static void check_irq(uint32_t irq)
{
    if (irq >= BH_SIM_IRQ_LINES) {
        bh_sim_fail("IRQ line beyond the simulated NVIC", irq);
    }
}

void bh_arch_irq_enable(uint32_t irq)
{
    check_irq(irq);
    bh_sim.irq_enabled[irq / 32u] |= 1u << (irq % 32u);
    bh_sim.irq_enables[irq]++;
}

void bh_arch_irq_disable(uint32_t irq)
{
    check_irq(irq);
    bh_sim.irq_enabled[irq / 32u] &= ~(1u << (irq % 32u));
    bh_sim.irq_disables[irq]++;
}

void bh_arch_console_write(const char *s, uint32_t n)
{
    uint32_t room = BH_SIM_CONSOLE_MAX - bh_sim.console_len;
    uint32_t k = n < room ? n : room;
    memcpy(&bh_sim.console[bh_sim.console_len], s, k);
    bh_sim.console_len += k;
    bh_sim.console[bh_sim.console_len] = '\0';
    bh_sim.console_overflow = bh_sim.console_overflow || k < n;
}

void *bh_arch_epitaph(uint32_t size)
{
    return bh_sim_epitaph_area(size);
}

void bh_arch_reset(void)
{
    bh_sim.resets++;
    bh_sim_escape(BH_SIM_RESET);
}

void bh_arch_halt(int code)
{
    bh_sim.halts++;
    bh_sim.halt_code = code;
    bh_sim_escape(BH_SIM_HALT);
}

int32_t bh_arch_test_arg(void)
{
    return bh_sim.test_arg;
}

void bh_arch_platform_init(void)
{
    bh_sim.platform_inits++;
}

void bh_arch_tick_start(uint32_t clock_hz, uint32_t hz)
{
    bh_sim.tick_starts++;
    bh_sim.tick_clock_hz = clock_hz;
    bh_sim.tick_hz = hz;
}

void bh_arch_start(void)
{
    bh_sim.starts++;
    bh_sim_escape(BH_SIM_STARTED);
}
