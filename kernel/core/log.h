/*
 * log.h — bh_log's per-box budget (see log.c).
 * Runs: privileged.
 */
#ifndef BH_LOG_H
#define BH_LOG_H

#include "kernel.h"

/* A full budget, as at boot and after a restart. */
void bh_log_reset(bh_box_t *b);

#endif
