/*
 * testhook.c — test-build kernel hooks (linked only into test systems).
 *
 * BH_SYS_TEST lets a test box end the QEMU run with a verdict, declare the
 * next fault of a box as expected, and read kernel facts (state,
 * generation, boots) to check containment. Any fault that was not declared
 * expected ends the run with exit code 3; a kernel panic with 99. Product
 * kernels link testhook_off.c instead, where BH_SYS_TEST is BH_E_NOSYS.
 * Runs: privileged.
 */
#include "fault.h"
#include "print.h"
#include "syscall.h"

static struct {
    uint32_t box;   /* box expected to fault, or BH_MAX_BOXES */
    uint32_t kind;  /* expected kind, 0 = any */
    uint32_t count; /* how many more such faults are expected */
    uint32_t seen;  /* expected faults observed */
} expect = {BH_MAX_BOXES, 0, 0, 0};

void bh_test_on_fault(const bh_box_t *b, uint32_t kind)
{
    if (expect.count != 0u && expect.box == b->id && (expect.kind == BH_FAULT_NONE || expect.kind == kind)) {
        expect.seen++;
        if (--expect.count == 0u) {
            expect.box = BH_MAX_BOXES;
        }
        bh_klog("(expected fault)\n");
        return;
    }
    bh_klog("TEST FAIL: unexpected fault\n");
    bh_arch_halt(3);
}

/*@ assigns \nothing;
    ensures \false; */
void bh_test_on_panic(void)
{
    bh_arch_halt(99);
}

static int32_t box_fact(uint32_t op, uint32_t id)
{
    if (id >= bh_system.nboxes) {
        return BH_E_INVALID;
    }
    const bh_box_t *b = &bh_k.boxes[id];
    return (int32_t)(op == BH_TEST_BOX_STATE ? b->state : b->generation);
}

/* r0 = op, r1, r2 = operands */
uint32_t bh_sys_test(bh_box_t *self, bh_frame_t *f)
{
    switch (f->r0) {
    case BH_TEST_EXIT:
        bh_klog(f->r1 == 0u ? "TEST PASS\n" : "TEST FAIL\n");
        bh_arch_halt((int)f->r1);
    case BH_TEST_EXPECT_FAULT:
        expect.box = f->r1;
        expect.kind = f->r2 & 0xFFFFu;
        expect.count = (f->r2 >> 16) != 0u ? f->r2 >> 16 : 1u;
        bh_ret(f, BH_OK);
        break;
    case BH_TEST_EXPECTED_SEEN:
        bh_ret(f, (int32_t)expect.seen);
        break;
    case BH_TEST_BOX_STATE:
    case BH_TEST_GENERATION:
        bh_ret(f, box_fact(f->r0, f->r1));
        break;
    case BH_TEST_BOOTS:
        bh_ret(f, (int32_t)bh_epitaph()->boots);
        break;
    case BH_TEST_ARG:
        bh_ret(f, bh_arch_test_arg());
        break;
    default:
        bh_ret(f, BH_E_INVALID);
        break;
    }
    return BH_FAULT_NONE;
}
