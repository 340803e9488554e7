// Cooperative cancellation: sources, tokens, registrations (like .NET's
// CancellationTokenSource). See docs/cancellation.md.
#pragma once

#include <vt/cancellation_registration.hpp>
#include <vt/cancellation_token.hpp>
#include <vt/cancellation_token_source.hpp>
