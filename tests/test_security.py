"""Security: the write token, body limits, path traversal, hostile input never reaching disk.

Raw requests go over a loopback socket to a real uvicorn server, because HTTP clients
normalise "../" away before sending.
"""

from __future__ import annotations

import inspect
import json
import socket

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import serving  # noqa: E402
from newsgraph.web import ingest as web_ingest  # noqa: E402
from newsgraph.web.app import create_app  # noqa: E402
from test_web_api import TOKEN, build_kb  # noqa: E402

MAX_BODY = 8192
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECRETS = ("root:", "create_app", "import ", "[tool.", "SQLite format")


@pytest.fixture(scope="module")
def db(tmp_path_factory, res):
    return build_kb(tmp_path_factory.mktemp("security") / "kb.db", res)


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(str(db), token=TOKEN, max_body=MAX_BODY))


@pytest.fixture(scope="module")
def server(db):
    with serving(create_app(str(db), token=TOKEN, max_body=MAX_BODY)) as port:
        yield port


def raw(port: int, request: bytes) -> tuple[int, bytes]:
    """Send bytes as they are; (status, whole response)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    data = b"".join(chunks)
    return int(data.split(b" ", 2)[1]), data


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    req = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    return raw(port, req.encode("latin-1"))


# -- the write token ---------------------------------------------------------------------


def test_token_is_compared_in_constant_time():
    source = inspect.getsource(web_ingest.require_token)
    assert "hmac.compare_digest(" in source
    assert "== token" not in source and "token ==" not in source and "!= token" not in source


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x",
     f"Bearer {TOKEN.upper()}", f"Token {TOKEN}", f"Bearer{TOKEN}", f"Bearer \u00e9{TOKEN}",
     f"Bearer {TOKEN}\u00ff", "Bearer " + "a" * 4000],
)  # fmt: skip
def test_wrong_or_missing_token_is_401(client, header):
    headers = {} if header is None else {"Authorization": header.encode("latin-1")}
    r = client.post("/api/ingest", json=[{"text": "Kenya's president visited Uganda."}],
                    headers=headers)  # fmt: skip
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer"


def test_only_post_writes(client):
    assert client.get("/api/ingest").status_code in (404, 405)
    assert client.put("/api/ingest", json=[], headers=AUTH).status_code in (404, 405)
    assert client.delete("/api/documents/web-talks", headers=AUTH).status_code in (404, 405)
    assert client.get("/api/documents/web-talks").status_code == 200


# -- size limits -----------------------------------------------------------------------


def test_body_over_the_limit_is_413_before_the_token_check(client):
    big = json.dumps([{"text": "word " * MAX_BODY}])
    for headers in (AUTH, {}):
        r = client.post(
            "/api/ingest", content=big, headers={**headers, "content-type": "application/json"}
        )
        assert r.status_code == 413
    assert client.post("/api/documents", content=b"x" * (MAX_BODY + 1)).status_code == 413


def test_lying_or_missing_content_length(server):
    body = b"[" + b'{"text": "a"},' * 2000 + b'{"text": "a"}]'
    head = (f"POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: application/json\r\nConnection: close\r\n")  # fmt: skip
    chunked = head + "Transfer-Encoding: chunked\r\n\r\n"
    request = chunked.encode() + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    assert raw(server, request)[0] == 413
    assert raw(server, (head + "Content-Length: -1\r\n\r\n").encode())[0] in (400, 413)
    assert raw(server, (head + "Content-Length: 99999999999\r\n\r\n").encode())[0] == 413


def test_too_many_articles_is_422(client):
    r = client.post("/api/ingest", json=[{"text": "a"}] * (web_ingest.MAX_ARTICLES + 1),
                    headers=AUTH)  # fmt: skip
    assert r.status_code in (413, 422)


def refused(port: int, target: str) -> bool:
    """True when the server answers with a client error or drops the connection.

    A server that replies before reading the whole request and then closes leaves unread
    bytes behind; TCP then resets the connection and the reply may be lost on the way.
    """
    try:
        status, _ = raw_get(port, target)
    except ConnectionError:
        return True
    return status in (400, 414, 422, 431)


def test_huge_url_and_headers_are_refused_and_the_server_lives(server):
    assert refused(server, "/api/documents?q=" + "a" * 100_000)
    assert raw_get(server, "/api/documents")[0] == 200


# -- paths never reach the file system -------------------------------------------------

TRAVERSALS = [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/%252e%252e/etc/passwd",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/..%5c..%5capp.py",
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/style.css%00.py",
    "/static/../../../../pyproject.toml", "/vendor/../../../../etc/passwd",
    "/vendor/plotly.min.js/../../app.py", "/vendor/%2e%2e/%2e%2e/etc/passwd",
    "/api/documents/../../../../etc/passwd", "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/documents/..%2f..%2f..%2f..%2fetc%2fpasswd", "/api/places//etc/passwd",
    "/actors/..%2f..%2fkb.db", "/../../../../etc/passwd", "//etc/passwd", "/etc/passwd",
]  # fmt: skip


@pytest.mark.parametrize("target", TRAVERSALS)
def test_path_traversal_is_404_without_file_content(server, target):
    status, data = raw_get(server, target)
    assert status in (400, 404), data[:300]
    assert not any(s.encode() in data for s in SECRETS), data[:300]


def test_absolute_request_target(server):
    assert raw_get(server, "/static/style.css")[0] == 200  # the raw client itself works
    status, data = raw_get(server, "http://127.0.0.1/static/../../etc/passwd")
    assert status in (400, 404) and b"root:" not in data


def test_document_id_with_dots_is_data_not_a_path(client):
    doc_id = "../../../../etc/passwd"
    text = "LIMA, Peru - Peru's trade minister met her Chilean counterpart on Monday."
    r = client.post("/api/ingest", json=[{"id": doc_id, "text": text}], headers=AUTH)
    assert r.status_code == 200 and r.json()["ids"] == [doc_id]
    got = client.get("/api/documents/" + doc_id.replace("/", "%2F")).json()
    assert got["id"] == doc_id and got["text"] == text
    page = client.get("/documents/" + doc_id.replace("/", "%2F"))
    assert page.status_code == 200 and "root:" not in page.text
