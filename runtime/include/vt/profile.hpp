// vt::profile: how often each Task / ValueTask function completes
// synchronously, recorded per call and written to a JSON file (format:
// docs/profile.md) for the profile-guided checks valuetask-low-sync-rate and
// valuetask-prefer-valuetask.
//
// Start it with the environment variable VT_PROFILE=path (read when the
// program starts) or with vt::profile::start(path). The file is written at
// exit and on flush(); an existing file is merged, so several runs add up.
#pragma once

#include <string>

namespace vt::profile {

/// Starts recording into `path` (after flushing to the previous path, if
/// another one was active).
void start(std::string path);

/// Writes what was recorded, then stops recording.
void stop();

/// Writes what was recorded since the last write (merged into the file, so
/// nothing is counted twice). Does nothing when no path was ever set.
void flush();

/// True while recording.
bool active() noexcept;

} // namespace vt::profile
