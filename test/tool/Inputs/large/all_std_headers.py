#!/usr/bin/env python3
"""Writes a translation unit that includes every standard header of a
libstdc++ include directory (the extensionless files at its top, e.g.
/usr/include/c++/12/vector), followed by a little value-task code with one
known misuse, so the count of findings proves the checks ran after them.

usage: all_std_headers.py LIBSTDCXX_DIR OUT_FILE
"""
import os
import sys


def main():
    directory, out_file = sys.argv[1], sys.argv[2]
    headers = sorted(name for name in os.listdir(directory)
                     if "." not in name and os.path.isfile(os.path.join(directory, name)))
    if len(headers) < 50:
        sys.exit(f"all_std_headers.py: only {len(headers)} headers in {directory}")
    with open(out_file, "w", encoding="utf-8") as out:
        for name in headers:
            out.write(f"#include <{name}>\n")
        out.write("#include <vt/vt.hpp>\n\n"
                  "vt::ValueTask<int> fetch();\n"
                  "void drop() { fetch(); }\n")
    print(f"included {len(headers)} standard headers")


if __name__ == "__main__":
    main()
