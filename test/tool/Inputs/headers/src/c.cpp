#include "shared.h"
int c() { return 3; }
