/*
 * print.c (nsrt) — ns_printf through the log veneer; no heap.
 * Runs: Non-secure world.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include <bulkhead/abi.h>
#include <bulkhead/ns.h>

int32_t ns_printf(const char *fmt, ...)
{
    char line[120];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return BH_E_INVALID;
    }
    return (int32_t)bh_nsc_log(line, (uint32_t)n < sizeof line ? (uint32_t)n : (uint32_t)sizeof line - 1u);
}

void *_sbrk(int incr)
{
    (void)incr;
    errno = ENOMEM;
    return (void *)-1;
}
