#include <vt/errors.hpp>
