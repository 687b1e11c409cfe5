"""`tocsin watch`: files dropped into a folder become alerts, delivered to a JSON Feed file and
to a webhook on loopback that is down for a while: nothing lost, nothing delivered twice."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tocsin.store import Store

from . import risk_corpus
from .test_alerts import EXPECTED, _shape


class Receiver:
    """A webhook endpoint that refuses the first `fail` requests with 503, then accepts."""

    def __init__(self, port: int, fail: int) -> None:
        self.accepted: list[dict[str, Any]] = []
        self.keys: list[str] = []
        self.refused = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if outer.refused < fail:
                    outer.refused += 1
                    self.send_response(503)
                    self.end_headers()
                    return
                outer.accepted.append(body)
                outer.keys.append(self.headers["Idempotency-Key"])
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(check: Any, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_watch_ingests_raises_and_delivers_once(tmp_path: Path) -> None:
    corpus, entities = risk_corpus.write(tmp_path / "src")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    data = tmp_path / "data"
    feed = tmp_path / "out" / "alerts.json"
    port = _free_port()  # nothing listens here yet: the receiver is down
    url = f"http://127.0.0.1:{port}/hook"
    cmd = [sys.executable, "-m", "tocsin", "--data-dir", str(data), "--entities", str(entities)]
    watch = subprocess.Popen(
        [
            *cmd,
            "watch",
            str(inbox),
            "--interval",
            "0.2",
            "--backoff",
            "0.2",
            "--feed",
            str(feed),
            "--webhook",
            url,
            "--cycles",
            "900",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    receiver = None
    try:
        # the first half of the corpus arrives, then the rest, as a desk would receive it
        names = sorted(p.name for p in corpus.glob("*.txt"))
        for half in (names[::2], names[1::2]):
            for n in half:
                shutil.copy(corpus / f"{n}.meta.json", inbox / f"{n}.meta.json")
                shutil.copy(corpus / n, inbox / n)
            time.sleep(1.0)

        def feed_items() -> list[dict[str, Any]]:
            try:
                items: list[dict[str, Any]] = json.loads(feed.read_text())["items"]
                return items
            except (OSError, ValueError):
                return []

        assert _wait(lambda: len(feed_items()) == len(EXPECTED), 60), feed_items()
        time.sleep(1.0)  # the webhook has been failing all this time
        receiver = Receiver(port, fail=2)  # back up, but refusing twice more
        assert _wait(lambda: len(receiver.accepted) >= len(EXPECTED), 60)
        time.sleep(1.5)  # give any duplicate the chance to arrive
    finally:
        watch.terminate()
        out, _ = watch.communicate(timeout=30)
        if receiver:
            receiver.stop()
    assert "ALERT" in out and "ingested" in out, out
    ids = [a["id"] for a in receiver.accepted]
    assert Counter(ids).most_common(1)[0][1] == 1  # nothing twice
    assert ids == receiver.keys  # each POST names its alert for the receiver to deduplicate
    assert receiver.refused == 2
    with Store(data) as store:
        stored = store.alerts()
        deliveries = store.deliveries()
    assert sorted(ids) == sorted(a["id"] for a in stored)  # nothing lost
    # raised document by document on the incremental path: the alerts of the whole corpus
    # (a first-evidence alert is dated by the evidence known when it fired: files arrive
    # in any order here, so its month may be a later one)
    assert sorted(s[1:4] for s in map(_shape, stored)) == sorted(e[1:4] for e in EXPECTED)
    assert ids == [a["id"] for a in stored]  # and in the order they were raised
    assert all("quote" not in e for a in receiver.accepted for e in a["evidence"])
    hook = [d for d in deliveries if d["target"] == url]
    assert all(d["delivered_at"] for d in hook) and max(d["attempts"] for d in hook) > 1
    items = feed_items()
    assert json.loads(feed.read_text())["version"] == "https://jsonfeed.org/version/1.1"
    assert sorted(i["id"] for i in items) == sorted(ids)
