// The whole vt runtime: #include <vt/vt.hpp>.
#pragma once

#include <vt/cancellation.hpp>
#include <vt/combinators.hpp>
#include <vt/errors.hpp>
#include <vt/factories.hpp>
#include <vt/manual_reset_value_task_source.hpp>
#include <vt/task.hpp>
#include <vt/task_completion_source.hpp>
#include <vt/thread_pool.hpp>
#include <vt/unobserved.hpp>
#include <vt/value_task.hpp>
#include <vt/work_stealing_deque.hpp>
