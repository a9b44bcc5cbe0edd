/*
 * client — calls the server's echo gateway, waits while the intruder
 * attacks, then checks the server still answers, and prints the verdict.
 * Runs: unprivileged box.
 */
#include <string.h>

#include <bulkhead/rt.h>

#include "bh_ids.h"

static int echo(const char *text)
{
    char reply[64] = {0};
    bh_iovec_t in = {text, (uint32_t)strlen(text)};
    bh_iovec_t out = {reply, sizeof reply - 1u};
    int32_t status = 0;
    int32_t err = bh_call(BH_GW_ECHO, 0, &in, 1, &out, 1, &status);
    if (err != BH_OK) {
        bh_printf("echo failed: kernel error %ld", (long)err);
        return 0;
    }
    bh_printf("called server.echo(\"%s\") -> \"%s\" (%lu bytes)", text, reply, (unsigned long)out.len);
    return status == (int32_t)strlen(text) && strcmp(reply, text) == 0;
}

void client_main(void)
{
    int ok = echo("hello, box");
    bh_printf("waiting for the intruder to finish");
    uint32_t sig = bh_wait(BH_SIG_NOTIFY, 2000);
    int32_t status = 0;
    int32_t err = bh_call(BH_GW_HEARTBEAT, 0, NULL, 0, NULL, 0, &status);
    bh_printf("server heartbeat after the attack: %s", err == BH_OK && status == 1 ? "alive" : "DEAD");
    ok = ok && sig == BH_SIG_NOTIFY && err == BH_OK && status == 1 && echo("still here");
    bh_printf(ok ? "Bulkhead demo complete: the violation was contained and every box still works"
                 : "Bulkhead demo FAILED");
    bh_wait(0, BH_FOREVER);
}
