/*
 * tester — boot 1: arms the expected fault and sets the bomb off; the
 * system must reset. Boot 2: checks it is a fresh system and passes.
 */
#include <bulkhead/rt.h>

#include "bh_ids.h"

void tester_main(void)
{
    int32_t boots = bh_test(BH_TEST_BOOTS, 0, 0);
    bh_printf("boot %ld", (long)boots);
    if (boots == 1) {
        bh_test(BH_TEST_EXPECT_FAULT, BH_BOX_BOMB, BH_FAULT_MEMMANAGE);
        bh_notify(BH_BOX_BOMB);
        bh_printf("still running after the bomb: reset policy not applied");
        bh_test_exit(1);
    }
    BH_CHECK(boots == 2);
    BH_CHECK(bh_test(BH_TEST_GENERATION, BH_BOX_BOMB, 0) == 1);
    BH_CHECK(bh_test(BH_TEST_BOX_STATE, BH_BOX_BOMB, 0) == BH_STATE_BLOCKED);
    bh_test_exit(0);
}
