#!/usr/bin/env python3
"""Runs one valuetask-* check over a lit test file and FileChecks the result.

Usage (as the lit substitution %check_clang_tidy):
  %check_clang_tidy [-check-suffix=S] %s CHECK-NAME %t [-- CLANG-TIDY-ARGS] [-- COMPILER-ARGS]

In the spirit of clang-tidy's own check_clang_tidy.py:
 1. the CHECK-MESSAGES / CHECK-NOTES / CHECK-FIXES lines are blanked (line
    numbers are kept) and the result is written to %t.cpp;
 2. clang-tidy-19 runs with our plugin and only CHECK-NAME enabled (with -fix
    when the file has CHECK-FIXES lines);
 3. its warnings are FileChecked against CHECK-MESSAGES with
    -implicit-check-not, so any warning the test did not expect fails it (and
    a file without CHECK-MESSAGES must produce no warning at all); with
    CHECK-NOTES, notes are checked too; the fixed file against CHECK-FIXES.
"""
import argparse
import os
import re
import subprocess
import sys


def fail(message):
    print(f"check_clang_tidy: {message}", file=sys.stderr)
    sys.exit(1)


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def filecheck(filecheck_path, input_file, check_file, prefix, implicit_not=None, strict=False):
    command = [filecheck_path, f"-input-file={input_file}", check_file, f"-check-prefix={prefix}"]
    if implicit_not:
        command.append(f"-implicit-check-not={implicit_not}")
    if strict:
        command.append("-strict-whitespace")
    result = run(command)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        fail(f"FileCheck failed for {prefix}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("-check-suffix", "--check-suffix", default="")
    parser.add_argument("input_file")
    parser.add_argument("check_name")
    parser.add_argument("temp_file")
    # Split at the first "--" ourselves: argparse would swallow it and the
    # clang-tidy arguments would be taken for compiler arguments.
    argv, rest = sys.argv[1:], []
    if "--" in argv:
        split = argv.index("--")
        argv, rest = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)

    tidy_args, compiler_args = rest, []
    if "--" in rest:
        split = rest.index("--")
        tidy_args, compiler_args = rest[:split], rest[split + 1:]

    suffix = f"-{args.check_suffix.upper()}" if args.check_suffix else ""
    messages_prefix = f"CHECK-MESSAGES{suffix}"
    notes_prefix = f"CHECK-NOTES{suffix}"
    fixes_prefix = f"CHECK-FIXES{suffix}"

    with open(args.input_file, encoding="utf-8") as source:
        text = source.read()
    has_messages = messages_prefix + ":" in text or messages_prefix + "-" in text
    has_notes = notes_prefix + ":" in text or notes_prefix + "-" in text
    has_fixes = fixes_prefix + ":" in text or fixes_prefix + "-" in text
    if has_messages and has_notes:
        fail(f"use either {messages_prefix} or {notes_prefix}, not both")

    # Blank every check line (any suffix) so that FileCheck directives never
    # reach the fixed output, while keeping line numbers for [[@LINE]].
    cleaned = re.sub(r"//\s*CHECK-(FIXES|MESSAGES|NOTES)[\w-]*:.*", "//", text)
    temp_source = args.temp_file + ".cpp"
    with open(temp_source, "w", encoding="utf-8") as out:
        out.write(cleaned)

    config = [a for a in tidy_args if a.startswith("-config") or a.startswith("--config")]
    command = [args.clang_tidy, f"--load={args.plugin}", f"-checks=-*,{args.check_name}",
               "--quiet", temp_source]
    if not config:
        command.append("--config={}")
    if has_fixes:
        command.append("-fix")
    command += tidy_args
    command += ["--", "-std=c++20", f"-I{args.include}"] + compiler_args
    result = run(command)
    output = result.stdout
    if result.returncode != 0 and not output:
        sys.stderr.write(result.stderr)
        fail(f"clang-tidy exited with {result.returncode}")
    if "error:" in output and "clang-diagnostic-error" in output:
        sys.stderr.write(output)
        fail("the test file does not compile")

    messages_file = args.temp_file + ".msg"
    # Keep only diagnostics; drop clang-tidy's "N warnings generated" chatter.
    with open(messages_file, "w", encoding="utf-8") as out:
        out.write(output)

    if has_messages:
        filecheck(args.filecheck, messages_file, args.input_file, messages_prefix,
                  implicit_not="{{warning|error}}:")
    elif has_notes:
        filecheck(args.filecheck, messages_file, args.input_file, notes_prefix,
                  implicit_not="{{note|warning|error}}:")
    elif re.search(r"(warning|error):", output):
        sys.stderr.write(output)
        fail("unexpected diagnostics in a test without CHECK-MESSAGES")

    if has_fixes:
        filecheck(args.filecheck, temp_source, args.input_file, fixes_prefix, strict=True)


if __name__ == "__main__":
    main()
