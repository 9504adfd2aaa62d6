#!/usr/bin/env python3
"""Runs one test peer and makes sure it dies with the test process that launched it.

Usage: watchdog.py COMMAND [ARGUMENT...]

The launcher (`PeerProcess` in Tests/TestSupport/Peers) keeps the write end of a pipe on this
script's standard input. When the launcher closes it, or dies for any reason (a crash included),
standard input reaches end of file and the watchdog stops the peer: SIGTERM, then SIGKILL after 2 s.
SIGTERM or SIGINT sent to the watchdog does the same. The peer inherits standard output and error,
gets /dev/null as standard input and no other inherited descriptors. The watchdog exits with the
peer's status (128 + signal number when the peer was killed by a signal).
"""

import os
import signal
import subprocess
import sys
import threading

peer = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, close_fds=True)
lock = threading.Lock()


def exit_status():
    code = peer.returncode
    return 128 - code if code is not None and code < 0 else (code or 0)


def stop_peer_and_exit(*_):
    with lock:
        if peer.poll() is None:
            peer.terminate()
            try:
                peer.wait(2)
            except subprocess.TimeoutExpired:
                peer.kill()
                peer.wait()
        os._exit(exit_status())


def watch_launcher():
    while os.read(0, 4096):
        pass
    stop_peer_and_exit()


signal.signal(signal.SIGTERM, stop_peer_and_exit)
signal.signal(signal.SIGINT, stop_peer_and_exit)
threading.Thread(target=watch_launcher, daemon=True).start()
peer.wait()
with lock:
    os._exit(exit_status())
