"""Static files come from memory: a browser that drops a request (a tablet going offline) leaves no file
open behind it, so no ResourceWarning turns a test red at some random later moment."""

import gc
import socket
import struct
import sys
import threading

from werkzeug.serving import make_server


def test_a_static_file_answers_with_its_content_type_etag_and_304_when_unchanged(client):
    first = client.get("/static/tablet.js")
    assert first.status_code == 200 and first.mimetype == "text/javascript" and first.data
    again = client.get("/static/tablet.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/static/../config.py").status_code == 404
    assert client.get("/static/no-such-file.js").status_code == 404


def _drop_after_the_answer(app, path: str) -> None:
    """GET `path` from werkzeug's server, leave unread bytes behind, read the answer, then reset the
    connection while the server drains the request: the moment werkzeug's server skips closing the
    response (its drain raises ConnectionResetError before `application_iter.close()`)."""
    answered, extra_sent = threading.Event(), threading.Event()

    def gated(environ, start_response):
        result = app(environ, start_response)
        answered.set()
        extra_sent.wait(5)  # the unread bytes are in the socket before the server writes and drains
        return result

    server = make_server("127.0.0.1", 0, gated)
    handler = threading.Thread(target=server.handle_request)
    handler.start()
    try:
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=5) as browser:
            browser.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            answered.wait(5)
            browser.sendall(b"bytes the server finds unread")
            extra_sent.set()
            head = b""
            while b"\r\n\r\n" not in head:
                head += browser.recv(65536)
            assert head.startswith(b"HTTP/1.") and b" 200 " in head.split(b"\r\n")[0]
            browser.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # a reset
        handler.join(5)
    finally:
        server.server_close()


def test_a_request_dropped_by_the_browser_leaves_no_static_file_open(app, monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    _drop_after_the_answer(app, "/static/tablet.js")
    gc.collect()
    assert [repr(u.object) for u in unraisable] == []
