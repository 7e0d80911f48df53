#!/usr/bin/env python3
# A council of 50,000 issues read by pages (a benchmark, not a test): the demo council grown by
# bulk INSERTs into the SQLite file, then GET /api/councils/1/issues?limit=20 (the first page and
# a page deep in the list by its cursor) beside GET /api/version, timed on loopback over kept-alive
# connections, and the whole list without paging for scale. Prints medians and p99 against the
# 10 ms target; asserts nothing.
#   bench/issue_page.py [YISHI_SERVER]
import http.client
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import followup  # noqa: E402  (starting and stopping the server)

ISSUES = 50_000
RUNS = 300
TARGET_MS = 10


def grow(db):
    c = sqlite3.connect(db)
    c.execute("PRAGMA synchronous=OFF")
    author, = c.execute("SELECT id FROM members ORDER BY id LIMIT 1 OFFSET 3").fetchone()
    t0 = int(time.time()) - ISSUES * 60
    body = "小区北门外的路灯已经坏了两周，晚上老人出门散步看不清台阶，希望尽快修好。" * 4
    c.executemany("INSERT INTO issues (council_id, title, body, author_id, created_at, stage) "
                  "VALUES (1, ?, ?, ?, ?, 'collecting')",
                  ((f"议题{n}：北门路灯", body, author, t0 + n * 60) for n in range(ISSUES)))
    c.commit()
    c.close()


def timed(conn, path, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    t = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    return (time.perf_counter() - t) * 1000, r.status, body


def figures(samples):
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, int(0.99 * len(s)))]


def main():
    server = sys.argv[1] if len(sys.argv) > 1 else followup.SERVER
    followup.SERVER = server
    tmp = tempfile.mkdtemp(prefix="yishi-issue-page-")
    db = os.path.join(tmp, "issues.sqlite")
    try:
        proc, _ = followup.start(db, True)
        followup.stop(proc)
        grow(db)
        proc, port = followup.start(db, False)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/api/login", json.dumps({"login": "demo04", "password": "yishi2026"}),
                         {"Content-Type": "application/json"})
            token = json.loads(conn.getresponse().read())["token"]
            _, status, first = timed(conn, "/api/councils/1/issues?limit=20", token)
            if status != 200:
                sys.exit(f"issue page: HTTP {status}")
            # A cursor deep in the list: the page after the 25,000th issue.
            deep = "/api/councils/1/issues?limit=200"
            for _ in range(125):
                _, status, page = timed(conn, deep, token)
                if status != 200:
                    sys.exit(f"issue page {deep}: HTTP {status} {page[:200]!r}")
                deep = "/api/councils/1/issues?limit=200&after=" + json.loads(page)["next"]
            deep = deep.replace("limit=200", "limit=20")
            trivial = figures([timed(conn, "/api/version", None)[0] for _ in range(RUNS)])
            print(f"a council of {ISSUES:,} issues more than the demo's, {os.cpu_count()} cores:")
            print(f"  GET /api/version: median {trivial[0]:.2f} ms, p99 {trivial[1]:.2f} ms")
            for name, path in [("first page (limit=20)", "/api/councils/1/issues?limit=20"),
                               ("page after 25,000 (cursor)", deep)]:
                med, p99 = figures([timed(conn, path, token)[0] for _ in range(RUNS)])
                verdict = "met" if med < TARGET_MS else "NOT met"
                print(f"  {name}: median {med:.2f} ms, p99 {p99:.2f} ms, {med / trivial[0]:.1f}x "
                      f"the trivial endpoint (target < {TARGET_MS} ms: {verdict})")
            ms, _, whole = timed(conn, "/api/councils/1/issues", token)
            print(f"  the whole list without paging, for scale: {len(whole) / 1e6:.1f} MB in {ms:.0f} ms")
        finally:
            followup.stop(proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
