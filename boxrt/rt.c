/*
 * rt.c — box runtime helpers (see bulkhead/rt.h).
 * Runs: unprivileged, inside each box. Boxes have no heap: _sbrk fails.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include <bulkhead/rt.h>

int32_t bh_printf(const char *fmt, ...)
{
    char line[120];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return BH_E_INVALID;
    }
    return bh_log(line, (uint32_t)n < sizeof line ? (uint32_t)n : (uint32_t)sizeof line - 1u);
}

void bh_test_exit(int code)
{
    bh_test(BH_TEST_EXIT, (uint32_t)code, 0);
    bh_exit();
}

void *_sbrk(int incr)
{
    (void)incr;
    errno = ENOMEM;
    return (void *)-1;
}
