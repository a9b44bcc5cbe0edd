/*
 * print.c — kernel console output (see print.h).
 * Runs: privileged.
 */
#include "print.h"

#include <string.h>

#include "arch.h"

/* Proof: WP cannot see the contents of string literals, so that 's' is
 * NUL-terminated is admitted here (CAVEATS.md): every caller passes a
 * literal, or a name the table validator checked is terminated. */
/*@ assigns \nothing; */
void bh_puts(const char *s)
{
    /*@ admit valid_read_string(s); */
    bh_arch_console_write(s, (uint32_t)strlen(s));
}

/*@ assigns \nothing; */
void bh_put_dec(uint32_t v)
{
    char buf[11];
    uint32_t i = sizeof buf;
    /*@ loop invariant 1 <= i <= 11;
        loop assigns i, v, buf[0 .. 10];
        loop variant i; */
    do {
        buf[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u && i > 0u);
    bh_arch_console_write(&buf[i], (uint32_t)(sizeof buf - i));
}

/*@ assigns \nothing; */
void bh_put_hex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    char buf[10] = {'0', 'x'};
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, buf[2 .. 9];
        loop variant 8 - i; */
    for (uint32_t i = 0; i < 8u; i++) {
        buf[9u - i] = digits[(v >> (4u * i)) & 0xFu];
    }
    bh_arch_console_write(buf, sizeof buf);
}

/*@ assigns \nothing; */
void bh_klog(const char *s)
{
    bh_puts("[kernel] ");
    bh_puts(s);
}
