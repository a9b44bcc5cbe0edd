/*
 * ut.c — the kernel test harness (see ut.h): boot through the real
 * bh_kernel_boot, play boxes through their exception frames, check the
 * kernel's stated invariants.
 * Runs: host only.
 */
#include "ut.h"

#include <string.h>

#include "ut_image.h"

static void fail_hook(const char *msg)
{
    fail_msg("%s", msg);
}

void ut_install_fail_hook(void)
{
    bh_sim_set_fail_hook(fail_hook);
}

/* Everything but the boxes' own CODE and RAM regions becomes untouchable. */
static void poison_unowned(void)
{
    bh_sim_poison(BH_SIM_CODE_BASE, BH_SIM_CODE_SIZE);
    bh_sim_poison(BH_SIM_RAM_BASE, BH_SIM_RAM_SIZE);
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        const bh_box_desc_t *d = &bh_system.boxes[i];
        for (uint32_t r = 0; r < d->nregions; r++) {
            if (d->regions[r].kind != BH_RK_DEVICE) {
                bh_sim_unpoison(d->regions[r].base, d->regions[r].size);
            }
        }
    }
}

static void write_images(void)
{
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        const bh_box_desc_t *d = &bh_system.boxes[i];
        uint8_t *img = bh_sim_mem(d->code_base, UT_IMAGE_SIZE);
        ut_build_image(i, d, img);
    }
}

static void boot_fn(void *arg)
{
    (void)arg;
    bh_kernel_boot();
}

static void boot(bool cold, void (*tamper)(void))
{
    ut_install_fail_hook();
    if (cold) {
        bh_sim_power_cycle();
    } else {
        bh_sim_reset();
    }
    memset(&bh_k, 0, sizeof bh_k); /* kernel .bss after a reset */
    poison_unowned();
    write_images();
    if (tamper != NULL) {
        tamper();
    }
    assert_int_equal(bh_sim_run(boot_fn, NULL), BH_SIM_STARTED);
}

void ut_boot(void)
{
    boot(true, NULL);
}

void ut_reboot(void)
{
    boot(false, NULL);
}

void ut_boot_with(void (*tamper)(void))
{
    boot(true, tamper);
}

int ut_setup(void **state)
{
    (void)state;
    ut_boot();
    return 0;
}

bh_box_t *ut_box(uint32_t id)
{
    assert_true(id < bh_system.nboxes);
    return &bh_k.boxes[id];
}

bh_frame_t *ut_frame(uint32_t id)
{
    return bh_arch_frame(ut_box(id));
}

bh_frame_t *ut_svc12(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2, uint32_t r3,
                     uint32_t r12)
{
    bh_box_t *b = ut_box(id);
    assert_int_equal(b->state, BH_STATE_READY);
    bh_frame_t *f = bh_arch_frame(b);
    f->r0 = r0;
    f->r1 = r1;
    f->r2 = r2;
    f->r3 = r3;
    f->r12 = r12;
    f->pc = b->desc->code_base + UT_SVC_OFFSET + 2u; /* after the 2-byte SVC */
    bh_k.current = b;
    bh_kernel_svc(f, sysno);
    return bh_arch_frame(b);
}

bh_frame_t *ut_svc(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2, uint32_t r3)
{
    return ut_svc12(id, sysno, r0, r1, r2, r3, 0);
}

bh_frame_t *ut_call(uint32_t id, uint32_t gw, int32_t op, uint32_t in, uint32_t n_in, uint32_t out,
                    uint32_t n_out)
{
    return ut_svc12(id, BH_SYS_CALL, gw, (uint32_t)op, in, out, n_in | (n_out << 8));
}

typedef struct {
    uint32_t id, sysno, r0, r1, r2;
} svc_args_t;

static void svc_fn(void *arg)
{
    const svc_args_t *a = arg;
    ut_svc(a->id, a->sysno, a->r0, a->r1, a->r2, 0);
}

int ut_svc_catch(uint32_t id, uint32_t sysno, uint32_t r0, uint32_t r1, uint32_t r2)
{
    svc_args_t a = {id, sysno, r0, r1, r2};
    return bh_sim_run(svc_fn, &a);
}

void ut_poke(uint32_t addr, const void *src, uint32_t len)
{
    memcpy(bh_sim_mem(addr, len), src, len);
}

void ut_peek(void *dst, uint32_t addr, uint32_t len)
{
    memcpy(dst, bh_sim_mem(addr, len), len);
}

void ut_fill(uint32_t addr, uint8_t byte, uint32_t len)
{
    memset(bh_sim_mem(addr, len), byte, len);
}

bool ut_all(uint32_t addr, uint8_t byte, uint32_t len)
{
    const uint8_t *p = bh_sim_mem(addr, len);
    for (uint32_t i = 0; i < len; i++) {
        if (p[i] != byte) {
            return false;
        }
    }
    return true;
}

void ut_put32(uint32_t addr, uint32_t v)
{
    ut_poke(addr, &v, 4u);
}

uint32_t ut_get32(uint32_t addr)
{
    uint32_t v;
    ut_peek(&v, addr, 4u);
    return v;
}

void ut_put_iov(uint32_t arr, uint32_t i, uint32_t base, uint32_t len)
{
    ut_put32(arr + 8u * i, base);
    ut_put32(arr + 8u * i + 4u, len);
}

uint32_t ut_iov_len(uint32_t arr, uint32_t i)
{
    return ut_get32(arr + 8u * i + 4u);
}

void ut_ticks(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        bh_kernel_tick();
    }
}

/* block == BH_BLOCK_CALL <=> in exactly one gateway's pending mask, call.gw's. */
static void assert_call_invariant(uint32_t id)
{
    const bh_box_t *b = &bh_k.boxes[id];
    uint32_t in = 0;
    for (uint32_t g = 0; g < bh_system.ngateways; g++) {
        in += (bh_k.gw[g].pending >> id) & 1u;
    }
    if (b->block == BH_BLOCK_CALL) {
        assert_int_equal(in, 1);
        assert_true((bh_k.gw[b->call.gw].pending >> id) & 1u);
    } else {
        assert_int_equal(in, 0);
    }
}

void ut_assert_invariants(void)
{
    assert_int_equal(bh_k.ready >> bh_system.nboxes, 0);
    for (uint32_t i = 0; i < bh_system.nboxes; i++) {
        const bh_box_t *b = &bh_k.boxes[i];
        assert_int_equal((bh_k.ready >> i) & 1u, b->state == BH_STATE_READY ? 1u : 0u);
        assert_int_equal(b->state == BH_STATE_BLOCKED, b->block != BH_BLOCK_NONE);
        assert_call_invariant(i);
    }
    for (uint32_t g = 0; g < bh_system.ngateways; g++) {
        assert_int_equal(bh_k.gw[g].received & ~bh_k.gw[g].pending, 0);
    }
}

void ut_assert_console(const char *text)
{
    if (!bh_sim_console_has(text)) {
        fail_msg("console lacks \"%s\"; it holds:\n%s", text, bh_sim.console);
    }
}
