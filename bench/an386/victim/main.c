/* victim box of the benchmark system on an386: the code is shared by every board. */
#include "../../common/victim.c"
