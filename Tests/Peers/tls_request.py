#!/usr/bin/env python3
"""Sends one raw HTTP/1.1 request over TLS to 127.0.0.1 and prints the raw response (head and body).

An independent TLS client for the harness self-tests (Python's ssl module, not wsprobe's code). It
verifies the server certificate against --ca and the name --server-name (SNI and hostname check).

Usage: tls_request.py --port N --ca PEM [--server-name localhost] [--path /ws] [--host HOST]
                      [--upgrade] [--header 'Name: value']... [--cert PEM --key PEM]

With --upgrade it sends a WebSocket upgrade with the RFC 6455 sample key. It prints the response head
and, for a non-101 answer, the body (by Content-Length, or up to the close); exit status 0 when a
response head arrived, 1 otherwise (the reason on standard error). Every read times out after 5 s.
"""

import argparse
import socket
import ssl
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--server-name", default="localhost")
    parser.add_argument("--path", default="/")
    parser.add_argument("--host")
    parser.add_argument("--upgrade", action="store_true")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    arguments = parser.parse_args()

    context = ssl.create_default_context(cafile=arguments.ca)
    context.set_alpn_protocols(["http/1.1"])
    if arguments.cert:
        context.load_cert_chain(arguments.cert, arguments.key)
    lines = [f"GET {arguments.path} HTTP/1.1", f"Host: {arguments.host or arguments.server_name}"]
    if arguments.upgrade:
        lines += [
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
        ]
    else:
        lines.append("Connection: close")
    lines += arguments.header
    request = ("\r\n".join(lines) + "\r\n\r\n").encode()

    try:
        with socket.create_connection(("127.0.0.1", arguments.port), timeout=5) as raw:
            with context.wrap_socket(raw, server_hostname=arguments.server_name) as tls:
                tls.sendall(request)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = tls.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                if not head.startswith(b"HTTP/"):
                    print(f"no HTTP response head: {data[:200]!r}", file=sys.stderr)
                    return 1
                if not head.split(b" ")[1] == b"101":
                    length = None
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip())
                    while length is None or len(body) < length:
                        chunk = tls.recv(65536)
                        if not chunk:
                            break
                        body += chunk
                else:
                    body = b""
                sys.stdout.buffer.write(head + b"\r\n\r\n" + body)
                return 0
    except (OSError, ssl.SSLError) as error:
        print(f"TLS request failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
