/*
 * print.h — the kernel console: tiny, allocation-free formatting.
 * Only the kernel prints here; boxes go through bh_log (log.c).
 * Runs: privileged.
 */
#ifndef BH_PRINT_H
#define BH_PRINT_H

#include <stdint.h>

void bh_puts(const char *s);
void bh_put_dec(uint32_t v);
void bh_put_hex(uint32_t v); /* 0x%08x */
/* "[kernel] " prefix + s */
void bh_klog(const char *s);

#endif
