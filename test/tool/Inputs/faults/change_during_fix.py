#!/usr/bin/env python3
"""A source file changed while `vtlint --fix` runs: the run must not crash,
and the changed file must not be clobbered by fixes computed from its old
text (vtlint warns and leaves it as the editor wrote it); the other files
are still fixed.

usage: change_during_fix.py VTLINT RUNTIME_INCLUDE WORK_DIR SLOW_TU

The project's files are analysed in order with -j 1; SLOW_TU (sorted last)
takes seconds to parse. When the progress bar (on a pseudo-terminal) shows
the first file done, that file is rewritten; vtlint's output and the files'
final texts are printed for FileCheck."""
import json
import os
import pty
import subprocess
import sys

from fix_project import read, write_project


def main():
    vtlint, runtime_include, work, slow_tu = sys.argv[1:5]
    sources = write_project(work, 2, runtime_include)
    slow = os.path.join(work, "src", "zz_slow.cpp")
    with open(slow_tu, encoding="utf-8") as source, open(slow, "w", encoding="utf-8") as out:
        out.write(source.read())
    database = os.path.join(work, "compile_commands.json")
    with open(database, encoding="utf-8") as db:
        commands = json.load(db)
    commands.append({"directory": work, "file": slow,
                     "arguments": ["clang++", "-std=c++20", f"-I{runtime_include}", "-c", slow]})
    with open(database, "w", encoding="utf-8") as db:
        json.dump(commands, db)

    controller, terminal = pty.openpty()
    process = subprocess.Popen([vtlint, "-p", work, "--fix", "-j", "1"], stdout=subprocess.PIPE,
                               stderr=terminal, text=True)
    os.close(terminal)
    seen = b""
    changed = False
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not changed and b"[1/3]" in seen:
            # A line inserted at the top moves every fix's place.
            text = read(sources[0])
            with open(sources[0], "w", encoding="utf-8") as out:
                out.write("// edited while vtlint ran\n" + text)
            changed = True
    output, _ = process.communicate()
    status = process.wait()
    print(output, end="")
    print(seen.decode(errors="replace").replace("\r", "\n"))
    print(f"changed during the run: {changed}")
    print(f"exit status: {status}")
    for path in sources:
        print(f"=== {os.path.basename(path)}")
        print(read(path), end="")


if __name__ == "__main__":
    main()
