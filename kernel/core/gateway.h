/*
 * gateway.h — synchronous calls between boxes (bh_call / bh_get / bh_read /
 * bh_write / bh_reply) and their failure paths.
 * Runs: privileged.
 */
#ifndef BH_GATEWAY_H
#define BH_GATEWAY_H

#include "kernel.h"

/* Ends caller's call in flight with 'err' (timeout, restart, stop). */
void bh_gateway_cancel(bh_box_t *caller, int32_t err);
/* Ends every call in flight to a gateway served by 'server' with 'err'. */
void bh_gateway_fail_server(const bh_box_t *server, int32_t err);

#endif
