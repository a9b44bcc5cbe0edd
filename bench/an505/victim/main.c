/* victim box of the an505 benchmark system: the code is shared by every board. */
#include "../../common/victim.c"
