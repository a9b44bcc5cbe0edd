/*
 * bulkhead/rt.h — the box runtime: conveniences built on bh.h only.
 * Linked into each box image separately (each box has its own copy).
 * Runs: unprivileged, inside a box.
 */
#ifndef BULKHEAD_RT_H
#define BULKHEAD_RT_H

#include <stdint.h>

#include <bulkhead/bh.h>

/* printf-style bh_log (formatted into a 120-byte line on the box's stack). */
int32_t bh_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Test systems: end the run (0 = pass) with a reason on the console. */
__attribute__((noreturn)) void bh_test_exit(int code);
/* Test systems: fail the run with a message unless cond holds. */
#define BH_CHECK(cond)                                                                   \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            bh_printf("CHECK FAILED %s:%d: %s", __FILE__, __LINE__, #cond);              \
            bh_test_exit(1);                                                             \
        }                                                                                \
    } while (0)

#endif
