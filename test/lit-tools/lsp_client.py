#!/usr/bin/env python3
"""A scripted LSP client for lit tests: drives a server over stdio.

Usage:
  lsp_client.py --script FILE [--var NAME=VALUE]... [--timeout S] -- SERVER ARGS...

The script is every line of FILE that starts with "#> " (so it can live in
the lit test itself, beside its RUN and CHECK lines). ${NAME} expands to a
--var value; ${uri:PATH} to PATH's file:// URI; ${json:PATH} to the contents
of PATH as a JSON string. Commands:

  request ID METHOD [JSON]   send a request and wait for its response
  notify METHOD [JSON]       send a notification
  send JSON                  send one whole message, framed, without waiting
  open PATH [VERSION [FROM]] textDocument/didOpen of PATH with its text, or
                             FROM's (an unsaved buffer), as cpp
  change PATH VERSION FROM   didChange: PATH's whole new text is FROM's
  write PATH FROM            replace PATH's contents on disk with FROM's
  write-same-second PATH FROM  the same, keeping PATH's modification time
                             within the second it had (a quick second save)
  raw TEXT                   send TEXT as is (\\r, \\n and \\uXXXX escapes)
  wait-diagnostics PATH      wait for the next publishDiagnostics for PATH
  close                      close the server's stdin
  stop-reading               (first command only) close our end of the
                             server's stdout before reading anything: a
                             client that went away without a word
  wait-exit                  wait for the server to exit; print its code

Every message the server sends is printed as one line, "<-- " and its JSON
with sorted keys, in the order received; "exit code: N" at the end. Any
wait longer than --timeout seconds fails the run (exit 1), as does a
server that does not exit in time after "close" or "exit". A watchdog ends
the whole run (server included, exit 1) after --total-timeout seconds, so
no mistake in a script or the server can hang a test run.
"""
import argparse
import json
import os
import pathlib
import queue
import re
import subprocess
import sys
import threading
import time


def fail(message):
    print(f"lsp_client: {message}", file=sys.stderr)
    sys.exit(1)


def read_messages(stream, inbox):
    """Reads framed messages from the server until end of output."""
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                inbox.put(None)
                return
            line = line.rstrip(b"\r\n")
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            inbox.put({"lsp_client_error": "header without Content-Length"})
            continue
        body = stream.read(length)
        try:
            inbox.put(json.loads(body))
        except ValueError:
            inbox.put({"lsp_client_error": "unparsable body", "body": body.decode("utf-8", "replace")})


class Session:
    def __init__(self, command, timeout):
        self.timeout = timeout
        self.server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.received = []
        self.output_ended = False

    def start_reading(self):
        threading.Thread(target=read_messages, args=(self.server.stdout, self.inbox), daemon=True).start()

    def stop_reading(self):
        """Closes our end of the server's output; nothing reads it any more."""
        self.server.stdout.close()
        self.inbox.put(None)

    def write(self, data):
        try:
            self.server.stdin.write(data)
            self.server.stdin.flush()
        except BrokenPipeError:
            fail("the server closed its input")

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def next_message(self, deadline, waiting_for):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or self.output_ended:
            fail(f"timed out waiting for {waiting_for}" if not self.output_ended
                 else f"the server's output ended while waiting for {waiting_for}")
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            fail(f"timed out after {self.timeout}s waiting for {waiting_for}")
        if message is None:
            self.output_ended = True
            fail(f"the server's output ended while waiting for {waiting_for}")
        print("<-- " + json.dumps(message, sort_keys=True), flush=True)
        return message

    def wait_for(self, predicate, waiting_for):
        deadline = time.monotonic() + self.timeout
        while True:
            message = self.next_message(deadline, waiting_for)
            if predicate(message):
                return message

    def drain(self):
        """Prints whatever else the server wrote, until its output ends."""
        while True:
            try:
                message = self.inbox.get(timeout=self.timeout)
            except queue.Empty:
                return
            if message is None:
                return
            print("<-- " + json.dumps(message, sort_keys=True), flush=True)


def give_up(session, seconds):
    print(f"lsp_client: the run took more than {seconds}s; killing the server", file=sys.stderr, flush=True)
    session.server.kill()
    os._exit(1)


def expand(text, variables):
    def replace(match):
        kind, _, argument = match.group(1).rpartition(":")
        if kind == "uri":
            return pathlib.Path(argument).absolute().as_uri()
        if kind == "json":
            return json.dumps(pathlib.Path(argument).read_text(encoding="utf-8"))
        if match.group(1) not in variables:
            fail(f"unknown variable ${{{match.group(1)}}}")
        return variables[match.group(1)]
    # Inner variables first, so ${uri:${DIR}/a.cpp} works.
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\$\{([^${}]*)\}", replace, text)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--script", required=True)
    parser.add_argument("--var", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--total-timeout", type=float, default=600.0)
    parser.add_argument("server", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.server[1:] if args.server[:1] == ["--"] else args.server
    if not command:
        fail("no server command after --")
    variables = dict(v.split("=", 1) for v in args.var)

    lines = [line[3:].rstrip("\n") for line in open(args.script, encoding="utf-8") if line.startswith("#> ")]
    session = Session(command, args.timeout)
    watchdog = threading.Timer(args.total_timeout, give_up, args=(session, args.total_timeout))
    watchdog.daemon = True
    watchdog.start()
    # Closing a pipe another thread is reading would block on that read, so
    # stop-reading happens before the reader thread exists.
    if lines[:1] == ["stop-reading"]:
        lines = lines[1:]
        session.stop_reading()
    else:
        session.start_reading()
    for line in lines:
        line = expand(line, variables)
        verb, _, rest = line.partition(" ")
        if verb == "request":
            parts = rest.split(" ", 2)
            request_id, method = int(parts[0]), parts[1]
            params = json.loads(parts[2]) if len(parts) > 2 else None
            message = {"jsonrpc": "2.0", "id": request_id, "method": method}
            if params is not None:
                message["params"] = params
            session.send(message)
            session.wait_for(lambda m: m.get("id") == request_id and "method" not in m,
                             f"the response to request {request_id}")
        elif verb == "notify":
            method, _, params = rest.partition(" ")
            message = {"jsonrpc": "2.0", "method": method}
            if params:
                message["params"] = json.loads(params)
            session.send(message)
        elif verb == "open":
            parts = rest.split(" ")
            path = pathlib.Path(parts[0]).absolute()
            version = int(parts[1]) if len(parts) > 1 else 1
            source = pathlib.Path(parts[2]) if len(parts) > 2 else path
            session.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                "textDocument": {"uri": path.as_uri(), "languageId": "cpp", "version": version,
                                 "text": source.read_text(encoding="utf-8")}}})
        elif verb == "change":
            path, version, source = rest.split(" ")
            session.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": pathlib.Path(path).absolute().as_uri(), "version": int(version)},
                "contentChanges": [{"text": pathlib.Path(source).read_text(encoding="utf-8")}]}})
        elif verb in ("write", "write-same-second"):
            # Replace the file on disk (a header changed outside the editor),
            # in place, as an editor's save or a checkout would.
            path, source = rest.split(" ")
            target = pathlib.Path(path)
            before = target.stat().st_mtime_ns if target.exists() else None
            target.write_bytes(pathlib.Path(source).read_bytes())
            if verb == "write-same-second" and before is not None:
                # A save within the same second as the last one: only the
                # nanoseconds of the modification time differ.
                second, fraction = divmod(before, 1_000_000_000)
                changed = second * 1_000_000_000 + (fraction + 1) % 1_000_000_000
                os.utime(target, ns=(changed, changed))
        elif verb == "send":
            session.send(json.loads(rest))
        elif verb == "raw":
            session.write(rest.encode("utf-8").decode("unicode_escape").encode("latin-1"))
        elif verb == "wait-diagnostics":
            uri = pathlib.Path(rest).absolute().as_uri()
            session.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri, f"diagnostics for {rest}")
        elif verb == "close":
            session.server.stdin.close()
        elif verb == "stop-reading":
            fail("stop-reading must be the script's first command")
        elif verb == "wait-exit":
            session.drain()
            try:
                code = session.server.wait(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                session.server.kill()
                fail(f"the server did not exit within {args.timeout}s")
            print(f"exit code: {code}", flush=True)
        else:
            fail(f"unknown script command '{verb}'")
    if session.server.poll() is None:
        session.server.kill()
        fail("the script ended with the server still running (end it with exit/close and wait-exit)")


if __name__ == "__main__":
    main()
