/*
 * print.c — kernel console output (see print.h).
 * Runs: privileged.
 */
#include "print.h"

#include <string.h>

#include "arch.h"

void bh_puts(const char *s)
{
    bh_arch_console_write(s, (uint32_t)strlen(s));
}

void bh_put_dec(uint32_t v)
{
    char buf[11];
    uint32_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u && i > 0u);
    bh_arch_console_write(&buf[i], (uint32_t)(sizeof buf - i));
}

void bh_put_hex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    char buf[10] = {'0', 'x'};
    for (uint32_t i = 0; i < 8u; i++) {
        buf[9u - i] = digits[(v >> (4u * i)) & 0xFu];
    }
    bh_arch_console_write(buf, sizeof buf);
}

void bh_klog(const char *s)
{
    bh_puts("[kernel] ");
    bh_puts(s);
}
