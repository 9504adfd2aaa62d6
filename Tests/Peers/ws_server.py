#!/usr/bin/env python3
"""An independent WebSocket echo server for wsprobe's interop tests (Python `websockets` >= 14).

It listens on 127.0.0.1 only and echoes every text and binary message back unchanged, except:

  * a text message `whoami` is answered with the `--id` name (when one is given);
  * with `--idle-close SECONDS`, a connection that receives no bytes at all (no frame of any kind,
    pings included) for that long is closed by the server with code 1001 "idle timeout";
  * with `--close-after SECONDS`, the server closes each connection that long after its upgrade with
    `--close-code` (1012 "service restart" by default), like a target restarted during a deploy;
    `--close-limit N` does this to the first N connections only, later ones stay open;
  * with `--greeting TEXT`, the server sends TEXT as a text message as soon as a connection is upgraded,
    before anything else (a chat-style welcome: a legal server-initiated message).

Options:
  --port N                 TCP port on 127.0.0.1 (required)
  --deflate                offer permessage-deflate (RFC 7692) when the client asks; off by default
  --tls-cert PEM --tls-key PEM   serve wss:// with this certificate (ALPN http/1.1)
  --client-ca PEM          require a client certificate signed by this CA (mutual TLS)
  --id NAME                add `X-Wsprobe-Target: NAME` to the 101 and answer `whoami` with NAME
  --subprotocols a,b       subprotocols the server supports, in its order of preference; the first
                           one the client also offers is selected, none when nothing matches
  --idle-close SECONDS     close idle connections with 1001 (see above)
  --close-after SECONDS    close connections that long after the upgrade (see above)
  --close-code CODE        the code of those closes; 1012 by default
  --close-limit N          close only the first N connections that way; all by default
  --greeting TEXT          send TEXT right after each upgrade (see above)

It prints nothing on success and exits with status 0 on SIGTERM or SIGINT.
"""

import argparse
import asyncio
import logging
import signal
import ssl

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

IDENTITY_HEADER = "X-Wsprobe-Target"


class ActivityTrackingConnection(ServerConnection):
    """A server connection that remembers when it last received any bytes from the client."""

    def connection_made(self, transport):
        self.last_activity = asyncio.get_running_loop().time()
        super().connection_made(transport)

    def data_received(self, data):
        self.last_activity = asyncio.get_running_loop().time()
        super().data_received(data)


def parse_arguments():
    parser = argparse.ArgumentParser(description="wsprobe test peer: Python websockets echo server")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--deflate", action="store_true")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--client-ca")
    parser.add_argument("--id")
    parser.add_argument("--subprotocols", default="")
    parser.add_argument("--idle-close", type=float)
    parser.add_argument("--close-after", type=float)
    parser.add_argument("--close-code", type=int, default=1012)
    parser.add_argument("--close-limit", type=int)
    parser.add_argument("--greeting")
    return parser.parse_args()


def make_tls_context(arguments):
    if not arguments.tls_cert:
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(arguments.tls_cert, arguments.tls_key)
    context.set_alpn_protocols(["http/1.1"])
    if arguments.client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(arguments.client_ca)
    return context


async def close_when_idle(connection, seconds):
    loop = asyncio.get_running_loop()
    while True:
        remaining = connection.last_activity + seconds - loop.time()
        if remaining <= 0:
            await connection.close(1001, "idle timeout")
            return
        await asyncio.sleep(remaining)


async def close_after(connection, seconds, code):
    await asyncio.sleep(seconds)
    await connection.close(code, "service restart" if code == 1012 else "closed by test peer")


async def main():
    arguments = parse_arguments()
    upgraded = 0
    supported = [name for name in arguments.subprotocols.split(",") if name]

    def select_subprotocol(connection, offered):
        for name in supported:
            if name in offered:
                return name
        return None

    def process_response(connection, request, response):
        if arguments.id is not None:
            response.headers[IDENTITY_HEADER] = arguments.id
        return None

    async def handler(connection):
        nonlocal upgraded
        upgraded += 1
        watcher = None
        if arguments.idle_close:
            watcher = asyncio.create_task(close_when_idle(connection, arguments.idle_close))
        closer = None
        if arguments.close_after is not None and (arguments.close_limit is None or upgraded <= arguments.close_limit):
            closer = asyncio.create_task(close_after(connection, arguments.close_after, arguments.close_code))
        try:
            if arguments.greeting is not None:
                await connection.send(arguments.greeting)
            async for message in connection:
                if message == "whoami" and arguments.id is not None:
                    await connection.send(arguments.id)
                else:
                    await connection.send(message)
        except ConnectionClosed:
            pass
        finally:
            if watcher is not None:
                watcher.cancel()
            if closer is not None:
                closer.cancel()

    async with serve(
        handler,
        "127.0.0.1",
        arguments.port,
        compression="deflate" if arguments.deflate else None,
        select_subprotocol=select_subprotocol if supported else None,
        subprotocols=supported or None,
        process_response=process_response,
        ssl=make_tls_context(arguments),
        ping_interval=None,
        max_size=64 * 1024 * 1024,
        create_connection=ActivityTrackingConnection,
        logger=logging.getLogger("silent"),
    ) as server:
        stop = asyncio.get_running_loop().create_future()
        for signal_number in (signal.SIGTERM, signal.SIGINT):
            asyncio.get_running_loop().add_signal_handler(signal_number, stop.set_result, None)
        await stop
        server.close()
        await server.wait_closed()


if __name__ == "__main__":
    logging.getLogger("silent").addHandler(logging.NullHandler())
    logging.getLogger("silent").propagate = False
    asyncio.run(main())
