"""A small project whose every file has two --fix-able findings
(valuetask-always-async), shared by the fault tests."""
import json
import os

SOURCE = """#include <vt/vt.hpp>

vt::Task<int> load(int key);

vt::ValueTask<int> first{n}(int key) {{
  co_return co_await load(key);
}}

vt::ValueTask<int> second{n}(int key) {{
  int value = co_await load(key + {n});
  co_return value;
}}
"""


def write_project(directory, files, runtime_include):
    """Writes src/fileN.cpp and compile_commands.json; returns the sources."""
    os.makedirs(os.path.join(directory, "src"), exist_ok=True)
    commands = []
    sources = []
    for n in range(files):
        path = os.path.join(directory, "src", f"file{n:02}.cpp")
        with open(path, "w", encoding="utf-8") as out:
            out.write(SOURCE.format(n=n))
        sources.append(path)
        commands.append({"directory": directory, "file": path,
                         "arguments": ["clang++", "-std=c++20", f"-I{runtime_include}", "-c", path]})
    with open(os.path.join(directory, "compile_commands.json"), "w", encoding="utf-8") as out:
        json.dump(commands, out)
    return sources


def read(path):
    with open(path, encoding="utf-8") as source:
        return source.read()
