// Imitation of Asio's C++20 coroutine support (asio::awaitable, co_spawn),
// standalone and Boost, for vtlint's lit tests only. Written for vtlint from
// the library's documented interface (see docs/models.md); it declares, it
// does not implement: nothing here links.
//
// The real library:  #include <asio/awaitable.hpp>, <asio/co_spawn.hpp>,
//                    <asio/detached.hpp>, <asio/use_awaitable.hpp>,
//                    <asio/use_future.hpp>, <asio/steady_timer.hpp>,
//                    <asio/experimental/awaitable_operators.hpp>
//                    (or <asio.hpp>); Boost: the same under <boost/asio/...>.
//
// Shapes that matter to the checks, as in the real headers:
//   - awaitable<T, Executor> is lazy and move-only, with no operator
//     co_await: the awaitable_frame promise's await_transform takes it BY
//     VALUE, so `co_await a` on an lvalue does not compile; only an awaitable
//     coroutine can await one.
//   - co_spawn(executor or context, awaitable (by value), token) starts it;
//     the token decides what co_spawn returns (detached: nothing;
//     use_awaitable: an awaitable; use_future: a std::future).
//   - There is no completion query; valid() only says whether it is empty.
#pragma once

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <future>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#define MODELS_ASIO_NS asio
#include "asio_body.inc"
#undef MODELS_ASIO_NS

#define MODELS_ASIO_NS boost::asio
#include "asio_body.inc"
#undef MODELS_ASIO_NS
