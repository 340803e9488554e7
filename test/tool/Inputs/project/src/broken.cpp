#include <vt/vt.hpp>

int broken() { return undeclared_name; }
