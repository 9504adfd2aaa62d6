#!/usr/bin/env python3
"""An independent WebSocket client (Python `websockets`) that drives wsprobe's EchoServer in tests.

Usage: ws_client.py MODE URI [options]; prints one JSON object on stdout. Every mode is bounded by --timeout.
"""
import argparse
import asyncio
import os
import json
import socket
import ssl
import sys
import time

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus


def close_code(exc):
    """The close code the client saw: the received close frame's, or 1006 without one."""
    if exc.rcvd is not None:
        return exc.rcvd.code
    return 1006


def connect_args(args):
    kwargs = {
        "compression": "deflate" if args.deflate else None,
        "max_size": 4 * 1024 * 1024,
        "open_timeout": args.timeout,
        "ping_interval": None,
    }
    if args.subprotocol:
        kwargs["subprotocols"] = args.subprotocol
    if args.header:
        kwargs["additional_headers"] = [tuple(part.strip() for part in h.split(":", 1)) for h in args.header]
    if args.connect:
        host, port = args.connect.rsplit(":", 1)
        kwargs["host"] = host
        kwargs["port"] = int(port)
    if args.cafile:
        context = ssl.create_default_context(cafile=args.cafile)
        if args.certfile:
            context.load_cert_chain(args.certfile, args.keyfile)
        kwargs["ssl"] = context
    return kwargs


def describe(ws):
    headers = {name.lower(): value for name, value in ws.response.headers.raw_items()}
    return {
        "status": ws.response.status_code,
        "headers": headers,
        "subprotocol": ws.subprotocol,
        "extensions": [type(extension).__name__ for extension in ws.protocol.extensions],
    }


async def echo(args):
    async with connect(args.uri, **connect_args(args)) as ws:
        result = describe(ws)
        await ws.send("hello")
        result["text"] = await ws.recv()
        await ws.send(bytes(range(256)))
        binary = await ws.recv()
        result["binary_ok"] = isinstance(binary, bytes) and binary == bytes(range(256))
        big = bytes((i * 7) % 251 for i in range(1024 * 1024))
        await ws.send(big)
        echoed = await ws.recv()
        result["big_ok"] = isinstance(echoed, bytes) and echoed == big
        await ws.send("whoami")
        result["whoami"] = await ws.recv()
        pong = await ws.ping(b"are you there")
        await asyncio.wait_for(pong, args.timeout)
        result["pong"] = True
        await ws.close()
        result["close_code"] = ws.protocol.close_code
        return result


async def reject(args):
    try:
        async with connect(args.uri, **connect_args(args)):
            return {"status": 101}
    except InvalidStatus as error:
        response = error.response
        return {
            "status": response.status_code,
            "body": response.body.decode("utf-8", "replace"),
            "headers": {name.lower(): value for name, value in response.headers.raw_items()},
        }


async def wait_close(args):
    """Connect, optionally send one message, then wait for the server to end the connection."""
    started = time.monotonic()
    async with connect(args.uri, **connect_args(args)) as ws:
        upgraded = time.monotonic()
        try:
            if args.send is not None:
                await ws.send(args.send)
            while True:
                await ws.recv()
        except ConnectionClosed as exc:
            ended = time.monotonic()
            return {
                "code": close_code(exc),
                "upgrade_seconds": upgraded - started,
                "open_seconds": ended - upgraded,
            }


async def many(args):
    """Open --count connections concurrently, echo once on each, hold them all, then close them all."""
    opened = asyncio.Event()
    ready = 0
    results = []

    async def one(index):
        nonlocal ready
        async with connect(args.uri, **connect_args(args)) as ws:
            await ws.send(f"m{index}")
            ok = (await ws.recv()) == f"m{index}"
            ready += 1
            if ready == args.count:
                opened.set()
            await opened.wait()
            results.append(ok)

    await asyncio.gather(*(one(index) for index in range(args.count)))
    return {"echoed": sum(results), "count": args.count}


async def hold(args):
    """Open --count connections, then wait for the server to close each; report the codes seen."""

    async def one():
        async with connect(args.uri, **connect_args(args)) as ws:
            try:
                while True:
                    await ws.recv()
            except ConnectionClosed as exc:
                return close_code(exc)

    codes = await asyncio.gather(*(one() for _ in range(args.count)))
    return {"codes": sorted(codes)}


async def late(args):
    """Connect, stay silent for --seconds (and until --after-file exists), send --send and await its echo, then wait for the server's close;
    report the echo (null when none came) and the close code."""
    async with connect(args.uri, **connect_args(args)) as ws:
        await asyncio.sleep(args.seconds)
        if args.after_file:
            # Send only once the test says so (the file exists): no race with a loaded machine's scheduling.
            while not os.path.exists(args.after_file):
                await asyncio.sleep(0.02)
        text = None
        try:
            await ws.send(args.send or "late")
            text = await ws.recv()
            while True:
                await ws.recv()
        except ConnectionClosed as exc:
            return {"text": text, "close_code": close_code(exc)}


async def identities(args):
    """Open --count connections, at most 20 at a time; count the --identity-header value of each 101."""
    counts = {}
    failures = []
    limit = asyncio.Semaphore(20)
    name = args.identity_header.lower()

    async def one():
        async with limit:
            try:
                async with connect(args.uri, **connect_args(args)) as ws:
                    headers = {key.lower(): value for key, value in ws.response.headers.raw_items()}
                    identity = headers.get(name, "")
                    counts[identity] = counts.get(identity, 0) + 1
            except InvalidStatus as error:
                failures.append(error.response.status_code)

    await asyncio.gather(*(one() for _ in range(args.count)))
    return {"identities": counts, "statuses": sorted(failures)}


async def keepalive(args):
    """Send a text message every --interval seconds for --seconds, checking each echo, then close."""
    async with connect(args.uri, **connect_args(args)) as ws:
        started = time.monotonic()
        echoed = 0
        try:
            while time.monotonic() - started < args.seconds:
                await ws.send(f"keep{echoed}")
                if await ws.recv() == f"keep{echoed}":
                    echoed += 1
                await asyncio.sleep(args.interval)
        except ConnectionClosed as exc:
            return {"code": close_code(exc), "echoed": echoed, "open_seconds": time.monotonic() - started}
        await ws.close()
        return {"code": ws.protocol.close_code, "echoed": echoed, "open_seconds": time.monotonic() - started}


def raw(args):
    """Send --request (with \\r\\n line ends) over a plain socket and return the response head and body."""
    host, port = args.uri.split("//", 1)[1].rstrip("/").split(":")
    closed_by = "server"
    with socket.create_connection((host, int(port)), timeout=args.timeout) as sock:
        sock.sendall(args.request.replace("\\r\\n", "\r\n").encode())
        sent = time.monotonic()
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            except socket.timeout:
                closed_by = "timeout"
                break
            if not chunk:
                break
            data += chunk
        waited = time.monotonic() - sent
    if not data:
        return {"status": None, "closedBy": closed_by, "waitedSeconds": waited}
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return {"status": int(lines[0].split(" ")[1]), "headers": headers, "body": body.decode("utf-8", "replace")}


def pipeline(args):
    """Send the upgrade request and a masked text frame in one write; return the status and the echoed text.

    This checks that bytes sent right behind the request head reach the WebSocket: RFC 6455 §4.1 has the
    client wait for the 101, but some clients pipeline, and the server must not lose those bytes.
    """
    host, port = args.uri.split("//", 1)[1].rstrip("/").split(":")
    request = (
        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()
    payload = b"pipelined"
    mask = b"\x01\x02\x03\x04"
    frame = bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    with socket.create_connection((host, int(port)), timeout=args.timeout) as sock:
        sock.sendall(request + frame)
        data = b""
        while b"\r\n\r\n" not in data or len(data.partition(b"\r\n\r\n")[2]) < 2 + len(payload):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    text = rest[2 : 2 + rest[1]].decode() if len(rest) >= 2 and rest[0] == 0x81 else None
    return {"status": status, "text": text}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["echo", "reject", "wait-close", "many", "hold", "raw", "pipeline", "identities", "keepalive", "late"])
    parser.add_argument("uri")
    parser.add_argument("--deflate", action="store_true")
    parser.add_argument("--subprotocol", action="append")
    parser.add_argument("--cafile")
    parser.add_argument("--certfile")
    parser.add_argument("--keyfile")
    parser.add_argument("--send")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--request", default="")
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--header", action="append", help="Name:Value, added to the upgrade request")
    parser.add_argument("--connect", help="HOST:PORT to connect to instead of the URI's (the Host stays)")
    parser.add_argument("--identity-header", default="X-Wsprobe-Target")
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--after-file", help="late: also wait until this file exists before sending")
    args = parser.parse_args()
    if args.mode == "raw":
        result = raw(args)
    elif args.mode == "pipeline":
        result = pipeline(args)
    else:
        modes = {
            "echo": echo,
            "reject": reject,
            "wait-close": wait_close,
            "many": many,
            "hold": hold,
            "identities": identities,
            "keepalive": keepalive,
            "late": late,
        }

        async def bounded():
            return await asyncio.wait_for(modes[args.mode](args), args.timeout)

        result = asyncio.run(bounded())
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
