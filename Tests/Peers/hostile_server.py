#!/usr/bin/env python3
"""A deliberately broken HTTP/WebSocket server for wsprobe's handshake-failure tests.

A raw asyncio TCP server (no WebSocket or HTTP library) on 127.0.0.1 that reads one request head
(up to 64 KiB) and answers by its path (the query string is ignored) with one canned response per
handshake failure class. Every non-101 answer carries `Content-Length` and `Connection: close`, and
the server closes the TCP connection after writing it.

  path                     answer
  /ok                      correct 101 (Sec-WebSocket-Accept computed per RFC 6455 §4.2.2), then a
                           correct echo loop: text/binary/continuation frames echoed unmasked with the
                           same opcode, ping answered with pong, close answered with the same code
  /health                  200 text/html, a load-balancer style health page ("status: healthy")
  /plain                   200 text/plain "plain HTTP backend" (a plain HTTP server that ignores Upgrade)
  /bad-gateway             502 with an nginx-like error page and `Server: nginx`
  /unavailable             503 with an nginx-like error page
  /timeout-gateway         504 with an nginx-like error page
  /redirect                301 with `Location: /ok`
  /unauthorized            401 with `WWW-Authenticate: Basic realm="wsprobe"`
  /forbidden               403
  /not-found               404
  /upgrade-required        426 with `Sec-WebSocket-Version: 13, 8`
  /no-upgrade              101 without the Upgrade header (stripped hop-by-hop header)
  /no-connection           101 without the Connection header
  /bad-accept              101 with a wrong Sec-WebSocket-Accept (SHA-1 of GUID + key, the wrong order)
  /no-accept               101 without Sec-WebSocket-Accept
  /unoffered-subprotocol   correct 101 plus `Sec-WebSocket-Protocol: chat.v9`
  /unoffered-extension     correct 101 plus `Sec-WebSocket-Extensions: x-unknown`
  /deflate-bad-params      correct 101 plus
                           `Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=7`
                           (7 is outside 8...15, RFC 7692 §7.1.2.1)
  /silent                  reads the request and never answers (the client must time out in the
                           upgrade phase); the connection stays open until the client closes it
  /close-after-upgrade     correct 101, then at once a close frame 1001 "idle timeout"; waits up to
                           5 s for the client's close frame, then closes TCP
  /drop-after-upgrade      correct 101, then TCP close without a close frame (the client sees 1006)
  /greeting                correct 101 with a text frame "welcome to the hostile server" right behind it
                           (same write: a legal server-initiated message), then the /ok echo loop
  /not-echo                correct 101, then answers every data frame with the text frame "not an echo"
                           (a WebSocket server that is not an echo server); close is answered as /ok does
  /violation               correct 101; answers the first client frame with a frame of the reserved
                           opcode 0x3 (a protocol violation: the client fails the connection with 1002),
                           reads the client's close frame (up to 5 s) and ends TCP (FIN) without answering it
  /end-when-idle           correct 101, reads (and drops) frames, and once nothing arrived for 1 s ends TCP
                           in order (FIN) without a close frame, as a proxy's tunnel timeout does
  /reset-when-idle         the same, but resets TCP (RST, SO_LINGER 0), as a balancer that aborts idle flows
  /huge-head               a 101 head larger than 64 KiB (filler headers `X-Filler-N`)
  /garbage                 non-HTTP bytes, then close
  /http10                  `HTTP/1.0 200 OK` with a text body, then close
  anything else            404 with the body "unknown hostile path"

Usage: hostile_server.py --port N. Exits with status 0 on SIGTERM or SIGINT.
"""

import argparse
import asyncio
import base64
import hashlib
import signal
import socket
import struct

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_HEAD = 64 * 1024


def accept_key(key):
    return base64.b64encode(hashlib.sha1(key + GUID).digest())


def head(status_line, headers):
    lines = [status_line] + [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def plain(status, reason, body, content_type="text/plain", extra=()):
    body_bytes = body.encode()
    headers = [
        ("Content-Type", content_type),
        ("Content-Length", str(len(body_bytes))),
        ("Connection", "close"),
        *extra,
    ]
    return head(f"HTTP/1.1 {status} {reason}", headers) + body_bytes


def nginx_error(status, reason):
    body = (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
    return plain(status, reason, body, "text/html", [("Server", "nginx")])


HEALTH_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Health</title></head>"
    "<body><h1>OK</h1><p>status: healthy</p></body></html>\n"
)

FIXED = {
    "/health": plain(200, "OK", HEALTH_PAGE, "text/html"),
    "/plain": plain(200, "OK", "plain HTTP backend\n"),
    "/bad-gateway": nginx_error(502, "Bad Gateway"),
    "/unavailable": nginx_error(503, "Service Temporarily Unavailable"),
    "/timeout-gateway": nginx_error(504, "Gateway Time-out"),
    "/redirect": plain(301, "Moved Permanently", "moved to /ok\n", extra=[("Location", "/ok")]),
    "/unauthorized": plain(
        401, "Unauthorized", "authentication required\n", extra=[("WWW-Authenticate", 'Basic realm="wsprobe"')]
    ),
    "/forbidden": plain(403, "Forbidden", "forbidden\n"),
    "/not-found": plain(404, "Not Found", "not found\n"),
    "/upgrade-required": plain(
        426, "Upgrade Required", "unsupported WebSocket version\n", extra=[("Sec-WebSocket-Version", "13, 8")]
    ),
    "/garbage": b"\x00\x01\x02\x03\xff\xfe SSH-2.0-not-http \x80\x81\r\n\r\n",
    "/http10": b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nan HTTP/1.0 server\n",
}

UPGRADE_VARIANTS = {
    # path: (include Upgrade, include Connection, accept mode, extra headers)
    "/ok": (True, True, "good", []),
    "/close-after-upgrade": (True, True, "good", []),
    "/drop-after-upgrade": (True, True, "good", []),
    "/greeting": (True, True, "good", []),
    "/violation": (True, True, "good", []),
    "/not-echo": (True, True, "good", []),
    "/end-when-idle": (True, True, "good", []),
    "/reset-when-idle": (True, True, "good", []),
    "/no-upgrade": (False, True, "good", []),
    "/no-connection": (True, False, "good", []),
    "/bad-accept": (True, True, "bad", []),
    "/no-accept": (True, True, "none", []),
    "/unoffered-subprotocol": (True, True, "good", [("Sec-WebSocket-Protocol", "chat.v9")]),
    "/unoffered-extension": (True, True, "good", [("Sec-WebSocket-Extensions", "x-unknown")]),
    "/deflate-bad-params": (
        True,
        True,
        "good",
        [("Sec-WebSocket-Extensions", "permessage-deflate; server_max_window_bits=7")],
    ),
    "/huge-head": (True, True, "good", [(f"X-Filler-{n}", "f" * 1000) for n in range(70)]),
}


def upgrade_response(path, key):
    upgrade, connection, accept, extra = UPGRADE_VARIANTS[path]
    headers = []
    if upgrade:
        headers.append(("Upgrade", "websocket"))
    if connection:
        headers.append(("Connection", "Upgrade"))
    if accept == "good":
        headers.append(("Sec-WebSocket-Accept", accept_key(key).decode()))
    elif accept == "bad":
        # SHA-1 over GUID + key (the wrong order): never the right value.
        headers.append(("Sec-WebSocket-Accept", base64.b64encode(hashlib.sha1(GUID + key).digest()).decode()))
    headers.extend(extra)
    return head("HTTP/1.1 101 Switching Protocols", headers)


def frame(opcode, payload):
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", 0x80 | opcode, length)
    elif length < 65536:
        header = struct.pack("!BBH", 0x80 | opcode, 126, length)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
    return header + payload


async def read_frame(reader):
    """Reads one client frame; returns (fin, opcode, unmasked payload)."""
    first, second = await reader.readexactly(2)
    length = second & 0x7F
    if length == 126:
        (length,) = struct.unpack("!H", await reader.readexactly(2))
    elif length == 127:
        (length,) = struct.unpack("!Q", await reader.readexactly(8))
    mask = await reader.readexactly(4) if second & 0x80 else b"\x00\x00\x00\x00"
    payload = bytearray(await reader.readexactly(length))
    for index in range(length):
        payload[index] ^= mask[index % 4]
    return first & 0x80, first & 0x0F, bytes(payload)


async def echo(reader, writer, answer=None):
    """Echoes data frames (or answers each with the text frame `answer`), pongs pings, answers a close."""
    while True:
        fin, opcode, payload = await read_frame(reader)
        if opcode == 0x8:
            writer.write(frame(0x8, payload[:2]))
            await writer.drain()
            return
        if opcode == 0x9:
            writer.write(frame(0xA, payload))
        elif answer is not None and opcode in (0x0, 0x1, 0x2):
            writer.write(frame(0x1, answer))
        elif opcode in (0x0, 0x1, 0x2):
            encoded = frame(opcode, payload)
            writer.write(bytes([(0x80 if fin else 0x00) | opcode]) + encoded[1:])
        await writer.drain()


IDLE_SECONDS = 1.0
GREETING = b"welcome to the hostile server"


async def drop_when_idle(reader, writer, reset):
    """Discard what the client sends; after IDLE_SECONDS without a byte, end TCP (FIN) or reset it (RST)."""
    while True:
        try:
            data = await asyncio.wait_for(reader.read(4096), IDLE_SECONDS)
        except asyncio.TimeoutError:
            break
        if not data:
            return
    if reset:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()


async def handle(reader, writer):
    try:
        try:
            request = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.LimitOverrunError, asyncio.IncompleteReadError):
            return
        lines = request.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        path = parts[1].split("?", 1)[0] if len(parts) >= 2 else ""
        key = b""
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "sec-websocket-key":
                key = value.strip().encode()
        if path == "/silent":
            while await reader.read(4096):
                pass
            return
        if path in FIXED:
            writer.write(FIXED[path])
            await writer.drain()
            return
        if path not in UPGRADE_VARIANTS:
            writer.write(plain(404, "Not Found", "unknown hostile path\n"))
            await writer.drain()
            return
        response = upgrade_response(path, key)
        if path == "/greeting":
            response += frame(0x1, GREETING)
        writer.write(response)
        await writer.drain()
        if path in ("/ok", "/greeting"):
            await echo(reader, writer)
        elif path == "/not-echo":
            await echo(reader, writer, answer=b"not an echo")
        elif path == "/violation":
            await read_frame(reader)
            writer.write(frame(0x3, b"reserved opcode"))
            await writer.drain()
            try:
                await asyncio.wait_for(read_frame(reader), 5)
            except (asyncio.TimeoutError, asyncio.IncompleteReadError):
                pass
        elif path == "/close-after-upgrade":
            writer.write(frame(0x8, struct.pack("!H", 1001) + b"idle timeout"))
            await writer.drain()
            try:
                await asyncio.wait_for(read_frame(reader), 5)
            except (asyncio.TimeoutError, asyncio.IncompleteReadError):
                pass
        elif path == "/drop-after-upgrade":
            pass
        elif path in ("/end-when-idle", "/reset-when-idle"):
            await drop_when_idle(reader, writer, reset=path == "/reset-when-idle")
        else:
            # The other 101 variants are wrong; wait for the client to give up.
            await asyncio.wait_for(reader.read(), 30)
    except (ConnectionError, asyncio.IncompleteReadError, asyncio.TimeoutError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser(description="wsprobe test peer: hostile handshake server")
    parser.add_argument("--port", type=int, required=True)
    arguments = parser.parse_args()
    server = await asyncio.start_server(handle, "127.0.0.1", arguments.port, limit=MAX_HEAD)
    stop = asyncio.get_running_loop().create_future()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signal_number, stop.set_result, None)
    await stop
    server.close()  # open connections (e.g. /silent) are cancelled when asyncio.run returns


if __name__ == "__main__":
    asyncio.run(main())
