/*
 * lone — must never run: its RAM region cannot be represented, so the
 * kernel stops at boot. If it runs anyway, it fails the test.
 */
#include <bulkhead/rt.h>

void lone_main(void)
{
    bh_printf("box ran with a region the MPU cannot represent");
    bh_test_exit(1);
}
