/* spinner — lowest priority, never blocks: higher boxes must still run. */
#include <bulkhead/rt.h>

void spinner_main(void)
{
    volatile uint32_t n = 0;
    for (;;) {
        n++;
    }
}
