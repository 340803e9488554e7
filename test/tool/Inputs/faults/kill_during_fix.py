#!/usr/bin/env python3
"""vtlint --fix killed (SIGKILL) at random moments must leave every file
either untouched or fully fixed, never half-written or half-fixed.

usage: kill_during_fix.py VTLINT RUNTIME_INCLUDE WORK_DIR [--files N] [--kills N] [--seed N]

1. A reference run fixes a fresh copy to completion: the fully fixed texts,
   and how long a whole run takes.
2. Each kill: a fresh copy, `vtlint --fix` started and killed with SIGKILL,
   alternately after a random delay and the moment the first temporary file
   of a rewrite appears (so the kill lands among the writes); then every file must
   equal its original or its fixed text.
Prints one summary line; exits 1 on the first violation."""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from fix_project import read, write_project


def run_vtlint(vtlint, directory):
    return subprocess.Popen([vtlint, "-p", directory, "--fix", "--quiet", "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("vtlint")
    parser.add_argument("runtime_include")
    parser.add_argument("work")
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)

    reference_dir = os.path.join(args.work, "reference")
    sources = write_project(reference_dir, args.files, args.runtime_include)
    originals = [read(path) for path in sources]
    started = time.monotonic()
    status = run_vtlint(args.vtlint, reference_dir).wait()
    duration = time.monotonic() - started
    fixed = [read(path) for path in sources]
    if status != 0 or any(a == b for a, b in zip(originals, fixed)):
        sys.exit(f"kill_during_fix: the reference run did not fix every file (exit {status})")

    outcomes = {"untouched": 0, "fixed": 0}
    for kill in range(args.kills):
        run_dir = os.path.join(args.work, f"run{kill}")
        paths = write_project(run_dir, args.files, args.runtime_include)
        at_first_write = kill % 2 == 1
        process = run_vtlint(args.vtlint, run_dir)
        started = time.monotonic()
        if at_first_write:
            # Kill among the writes: right after the first file is replaced
            # (its text changed), while the others are still to be written.
            # Waiting for the temporary file alone let a slow (loaded, ASan)
            # run be killed before any rename, and then nothing was fixed.
            while process.poll() is None and all(read(path) == originals[index].replace(reference_dir, run_dir)
                                                 for index, path in enumerate(paths)):
                time.sleep(0.0002)
        else:
            time.sleep(rng.uniform(0, duration))
        delay = time.monotonic() - started
        process.send_signal(signal.SIGKILL)
        process.wait()
        for index, path in enumerate(paths):
            text = read(path).replace(run_dir, reference_dir)
            if text == originals[index]:
                outcomes["untouched"] += 1
            elif text == fixed[index]:
                outcomes["fixed"] += 1
            else:
                sys.exit(f"kill_during_fix: {path} is neither untouched nor fully fixed "
                         f"after a kill at {delay:.2f} s")
        shutil.rmtree(run_dir)
    print(f"kill_during_fix: {args.kills} runs killed, {args.files} files each: every file untouched "
          f"or fully fixed ({outcomes['untouched']} untouched, {outcomes['fixed']} fixed)")


if __name__ == "__main__":
    main()
