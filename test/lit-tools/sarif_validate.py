#!/usr/bin/env python3
"""Validates a SARIF file with Microsoft's SARIF Multitool; passes only with
zero errors and zero warnings (notes are allowed).

Usage (as the lit substitution %sarif_validate): %sarif_validate FILE.sarif
The validator writes its findings as a SARIF log; this script reads that log
and prints each error or warning as one line.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    validator, sarif_file = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as scratch:
        log_path = os.path.join(scratch, "validation.sarif")
        env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
                   DOTNET_CLI_TELEMETRY_OPTOUT="1")
        run = subprocess.run([validator, "validate", sarif_file, "--output", log_path,
                              "--log", "ForceOverwrite", "--quiet"],
                             capture_output=True, text=True, env=env)
        if not os.path.exists(log_path):
            sys.stderr.write(run.stdout + run.stderr)
            print(f"sarif_validate: the validator failed (exit {run.returncode})", file=sys.stderr)
            return 1
        with open(log_path, encoding="utf-8-sig") as log:
            report = json.load(log)
    problems = 0
    for run_log in report.get("runs", []):
        rules = run_log.get("tool", {}).get("driver", {}).get("rules", [])
        for result in run_log.get("results", []):
            level = result.get("level", "warning")
            if level not in ("error", "warning"):
                continue
            problems += 1
            message = result.get("message", {})
            text = message.get("text") or message.get("id", "")
            arguments = message.get("arguments", [])
            print(f"sarif_validate: {level}: {result.get('ruleId')}: {text} {arguments}")
    for notification in report.get("runs", [{}])[0].get("invocations", [{}])[0].get(
            "toolExecutionNotifications", []):
        if notification.get("level", "warning") in ("error", "warning"):
            problems += 1
            print(f"sarif_validate: tool: {notification.get('message', {}).get('text')}")
    if problems:
        print(f"sarif_validate: {problems} error(s)/warning(s) in {sarif_file}")
        return 1
    print(f"sarif_validate: {sarif_file}: 0 errors, 0 warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
