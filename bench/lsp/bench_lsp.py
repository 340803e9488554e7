#!/usr/bin/env python3
"""Editor latency: `vtlint --lsp` beside clangd-19 (issue 15).

    python3 bench/lsp/bench_lsp.py --build BUILD            # full run (15 edits)
    python3 bench/lsp/bench_lsp.py --build BUILD --smoke    # 2 edits (make test)
    python3 bench/lsp/bench_lsp.py --vtlint PATH --edits 9 --no-rows  # any binary

A scripted LSP client drives each server over stdio, on the same file (it
includes <vt/vt.hpp>, so the standard headers behind it too) and the same
compile_commands.json, one server at a time:
  1. initialize, then didOpen: "open" is the time to the first
     publishDiagnostics for version 1;
  2. N edits (full-text didChange, each a new version that alternately adds
     and removes a second co_await of the same value task); "edit" is the
     time from each didChange to the publishDiagnostics of that version;
     the next edit waits until the server has been quiet for QUIET seconds;
  3. the server's resident memory (VmRSS) with the one file open, read
     after the last edit.
vtlint's diagnostics are checked on every version (the double await is
reported exactly when it is there), so a server that answers fast but
wrong cannot pass. clangd runs with its defaults except
--background-index=0 (there is one file; indexing the project would only
compete with it) and --pch-storage=memory (vtlint keeps its preamble in
memory too); clang-tidy in clangd stays off (its default without a
.clang-tidy), so clangd builds the AST and its own diagnostics only.
Writes BUILD/bench/rows/lsp.json and prints the figures.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import queue
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import build_tools  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
RUNTIME_INCLUDE = os.path.join(SOURCE_ROOT, "runtime", "include")
CLANGD = "clangd-19"
QUIET = 0.3
TIMEOUT = 120.0

PROLOGUE = """#include <vt/vt.hpp>

vt::ValueTask<int> load();
vt::Task<int> fetch();

vt::Task<int> twice() {
  vt::ValueTask<int> v = load();
  int a = co_await v;
"""
EPILOGUE = """  co_return a + b;
}

vt::Task<int> caller(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += co_await fetch();
  co_return total;
}
"""


def text_for(version):
    """Odd versions await v twice (one valuetask-double-await), even ones not;
    the edit number is in the text, so every version differs."""
    if version % 2:
        body = f"  int b = co_await v; // edit {version}\n"
    else:
        body = f"  int b = a + {version};\n"
    return PROLOGUE + body + EPILOGUE


def expected_double_awaits(version):
    return version % 2


class BenchError(Exception):
    pass


class Client:
    """One server process and a reader thread that queues its messages."""

    def __init__(self, argv, cwd):
        self.process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.inbox.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:  # JSON-RPC: params are omitted, never null.
            message["params"] = params
        self.send(message)

    def request(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def wait_for(self, accept, timeout=TIMEOUT):
        """The first message accept() takes, with its arrival time; answers the
        server's own requests (clangd asks for progress tokens) on the way."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError("timed out waiting for the server")
            try:
                item = self.inbox.get(timeout=left)
            except queue.Empty:
                raise BenchError("timed out waiting for the server")
            if item is None:
                raise BenchError(f"the server exited (code {self.process.wait()})")
            arrived, message = item
            if "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if accept(message):
                return arrived, message

    def quiet(self, seconds):
        """Drains messages until none came for `seconds`."""
        while True:
            try:
                item = self.inbox.get(timeout=seconds)
            except queue.Empty:
                return
            if item is None:
                raise BenchError("the server exited")
            if "method" in item[1] and "id" in item[1]:
                self.send({"jsonrpc": "2.0", "id": item[1]["id"], "result": None})

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise BenchError("no VmRSS for the server")

    def stop(self):
        try:
            shutdown = self.request("shutdown")
            self.wait_for(lambda m: m.get("id") == shutdown, timeout=30)
            self.notify("exit")
            self.process.wait(timeout=30)
        except (BenchError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def diagnostics_for(uri, version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and m["params"].get("version") == version)


def measure(name, argv, project, path, edits, check_findings):
    uri = "file://" + path
    client = Client(argv, project)
    try:
        initialize = client.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + project,
            "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}})
        client.wait_for(lambda m: m.get("id") == initialize)
        client.notify("initialized", {})
        version = 1
        sent = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": version, "text": text_for(version)}})
        arrived, message = client.wait_for(diagnostics_for(uri, version))
        check_findings(name, version, message)
        opened = arrived - sent
        times = []
        for _ in range(edits):
            client.quiet(QUIET)
            version += 1
            sent = time.perf_counter()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text_for(version)}]})
            arrived, message = client.wait_for(diagnostics_for(uri, version))
            times.append(arrived - sent)
            check_findings(name, version, message)
        client.quiet(QUIET)
        rss = client.rss_mib()
    finally:
        client.stop()
    return {"open": opened, "edits": times, "edit": statistics.median(times), "rss": rss}


def check_vtlint(name, version, message):
    found = [d for d in message["params"]["diagnostics"] if d.get("code") == "valuetask-double-await"]
    errors = [d for d in message["params"]["diagnostics"] if d.get("severity") == 1]
    if errors or len(found) != expected_double_awaits(version):
        raise BenchError(f"{name}: version {version}: {len(found)} double-await findings and "
                         f"{len(errors)} errors, expected {expected_double_awaits(version)} and 0")


def check_clangd(name, version, message):
    errors = [d for d in message["params"]["diagnostics"] if d.get("severity") == 1]
    if errors:
        raise BenchError(f"{name}: version {version}: compile errors: {errors[0]['message']}")


def write_project(directory):
    os.makedirs(os.path.join(directory, "src"), exist_ok=True)
    path = os.path.join(directory, "src", "edited.cpp")
    with open(path, "w") as f:
        f.write(text_for(1))
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump([{"directory": directory, "file": path,
                    "command": f"clang++ -std=c++20 -I{RUNTIME_INCLUDE} -c {path} -o edited.o"}], f)
    return path


def row(case, ours_label, ours, peer_label, peer, unit, target=None, met=None):
    """A row for bench_report.py; a row without a target is reported only."""
    result = {"group": "Editor latency", "case": case, "ours_label": ours_label,
              "ours": round(ours, 4), "peer_label": peer_label, "peer": round(peer, 4),
              "unit": unit, "lower_is_better": True}
    if target is not None:
        result.update(target=target, met=bool(met))
    return result


def main():
    parser = argparse.ArgumentParser(description="vtlint --lsp vs clangd-19: open and edit latency")
    parser.add_argument("--build", help="build directory with bin/vtlint (rows go to BUILD/bench/rows)")
    parser.add_argument("--vtlint", help="a vtlint binary to measure instead of BUILD/bin/vtlint")
    parser.add_argument("--smoke", action="store_true", help="2 edits")
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--no-clangd", action="store_true", help="measure vtlint only")
    parser.add_argument("--no-rows", action="store_true", help="print only, write no rows")
    parser.add_argument("--clangd-arg", action="append", default=[],
                        help="one more clangd flag (e.g. --clang-tidy=0), for a by-hand comparison")
    args = parser.parse_args()
    if args.smoke:
        args.edits = 2
    if args.edits < 1 or not (args.build or args.vtlint) or (args.no_rows is False and not args.build):
        print("bench_lsp.py: needs --build (or --vtlint with --no-rows) and --edits >= 1",
              file=sys.stderr)
        return 2
    build = os.path.abspath(args.build) if args.build else None
    vtlint = os.path.abspath(args.vtlint) if args.vtlint else os.path.join(build, "bin", "vtlint")
    clangd = build_tools.llvm_tool(build, "clangd", CLANGD)
    clangd = clangd if os.access(clangd, os.X_OK) else None
    if not os.access(vtlint, os.X_OK):
        print(f"bench_lsp.py: missing {vtlint}", file=sys.stderr)
        return 2
    if not args.no_clangd and not clangd:
        print(f"bench_lsp.py: {CLANGD} not found (scripts/install-deps.sh installs it)", file=sys.stderr)
        return 2

    project = os.path.join(build or os.path.dirname(vtlint), "bench", "lsp-project")
    path = write_project(project)
    try:
        ours = measure("vtlint", [vtlint, "--lsp"], project, path, args.edits, check_vtlint)
        peer = None
        if not args.no_clangd:
            peer = measure("clangd", [clangd, "--background-index=0", "--pch-storage=memory",
                                      "--log=error", f"--compile-commands-dir={project}",
                                      *args.clangd_arg],
                           project, path, args.edits, check_clangd)
    except BenchError as error:
        print(f"bench_lsp.py: {error}", file=sys.stderr)
        return 1

    for name, figures in (("vtlint --lsp", ours), ("clangd-19", peer)):
        if figures:
            print(f"{name:14} open {figures['open']:.3f} s  edit median {figures['edit']:.3f} s "
                  f"(edits: {' '.join(f'{t:.3f}' for t in figures['edits'])})  RSS {figures['rss']:.0f} MiB")
    if args.no_rows or not peer:
        return 0
    edits = f"median of {args.edits} edits"
    rows = [
        row("didOpen -> diagnostics, one file including <vt/vt.hpp>", "vtlint --lsp",
            ours["open"], "clangd-19", peer["open"], "s"),
        row(f"didChange -> diagnostics ({edits})", "vtlint --lsp", ours["edit"], "clangd-19",
            peer["edit"], "s", "ratio <= 1.0 (issue 15)", ours["edit"] <= peer["edit"]),
        row("resident memory with the file open", "vtlint --lsp", ours["rss"], "clangd-19",
            peer["rss"], "MiB"),
    ]
    rows_path = os.path.join(build, "bench", "rows", "lsp.json")
    os.makedirs(os.path.dirname(rows_path), exist_ok=True)
    with open(rows_path + ".tmp", "w") as f:
        json.dump({"rows": rows}, f, indent=2)
        f.write("\n")
    os.replace(rows_path + ".tmp", rows_path)
    print(f"rows written to {rows_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
