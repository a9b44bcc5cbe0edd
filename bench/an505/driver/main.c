/* driver box of the benchmark system on an505 and an385: the measurements every board has. */
#include "../../common/driver.c"

void driver_main(void)
{
    bench_common();
    bench_done();
}
