/* pong box of the benchmark system on an505 and an385: one plain round per ping-pong. */
#include "../../common/pong.c"

void pong_main(void)
{
    for (;;) {
        pong_round();
    }
}
