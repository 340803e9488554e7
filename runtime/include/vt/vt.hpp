// The whole vt runtime: #include <vt/vt.hpp>.
#pragma once

#include <vt/errors.hpp>
