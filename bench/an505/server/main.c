/* server box of the benchmark system on an505 and an385: the code is shared by every board. */
#include "../../common/server.c"
