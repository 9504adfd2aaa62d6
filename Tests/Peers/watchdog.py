#!/usr/bin/env python3
"""Runs one test peer and makes sure it dies with the test process that launched it.

Usage: watchdog.py [--remove-dir DIR] COMMAND [ARGUMENT...]

The launcher (`PeerProcess` in Tests/TestSupport/Peers) keeps the write end of a pipe on this
script's standard input. When the launcher closes it, or dies for any reason (a crash included),
standard input reaches end of file and the watchdog stops the peer: SIGTERM, then SIGKILL after 2 s.
SIGTERM or SIGINT sent to the watchdog does the same. The peer inherits standard output and error,
gets /dev/null as standard input, no other inherited descriptors and an empty signal mask. The watchdog exits with the
peer's status (128 + signal number when the peer was killed by a signal). With --remove-dir, it
deletes DIR (the peer's configuration, logs and temporary files) after a requested stop; when the
peer exits by itself the folder stays for the launcher to read the log (the launcher removes it).
"""

import os
import shutil
import signal
import subprocess
import sys
import threading

# The launcher's signal mask is inherited: Swift test runners may block SIGTERM, which would make
# the peer (and this script) deaf to it. Unblock everything before starting the peer.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for ignored in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(ignored, signal.SIG_DFL)
command = sys.argv[1:]
remove_dir = None
if command[:1] == ["--remove-dir"]:
    remove_dir, command = command[1], command[2:]
peer = subprocess.Popen(command, stdin=subprocess.DEVNULL, close_fds=True)
stop_requested = threading.Event()


def exit_status():
    code = peer.returncode
    return 128 - code if code is not None and code < 0 else (code or 0)


def request_stop(*_):
    stop_requested.set()


def watch_launcher():
    while os.read(0, 4096):
        pass
    stop_requested.set()


signal.signal(signal.SIGTERM, request_stop)
signal.signal(signal.SIGINT, request_stop)
threading.Thread(target=watch_launcher, daemon=True).start()
# Poll instead of a blocking peer.wait(): a signal handler that waited on the peer from inside
# Popen.wait() would deadlock on Popen's internal lock.
while peer.poll() is None and not stop_requested.wait(0.05):
    pass
if peer.poll() is None:
    peer.terminate()
    try:
        peer.wait(2)
    except subprocess.TimeoutExpired:
        peer.kill()
        peer.wait()
if remove_dir and stop_requested.is_set():
    # Only on a requested stop: when the peer exits by itself, the launcher still reads its log.
    shutil.rmtree(remove_dir, ignore_errors=True)
os._exit(exit_status())
