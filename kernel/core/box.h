/*
 * box.h — box life cycle: start (boot and restart share one path), stop.
 * Runs: privileged.
 */
#ifndef BH_CORE_BOX_H
#define BH_CORE_BOX_H

#include "kernel.h"

/* Puts b in its initial state from its image and makes it ready. */
void bh_box_start(bh_box_t *b);
/* Fails its calls in flight with BH_E_RESTARTED and starts it again. */
void bh_box_restart(bh_box_t *b);
/* Fails its calls in flight with BH_E_STOPPED; it never runs again. */
void bh_box_stop(bh_box_t *b);

#endif
