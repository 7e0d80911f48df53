#!/usr/bin/env python3
# The monthly needs report and the accountability board of a large street (a benchmark, not a
# test): the demo's street grown to 20 communities with 100,000 issues and 20,000 tasks by bulk
# INSERTs into the SQLite file, then GET /api/report, GET /api/board (pages of it) and the board's
# CSV timed on loopback.
# Prints medians against the 200 ms target; asserts nothing.
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SERVER = sys.argv[1] if len(sys.argv) > 1 else "build/server/yishi-server"
COMMUNITIES = 20
ISSUES = 100_000
TASKS = 20_000
MONTHS = 13
RUNS = 15
TARGET_MS = 200
CATEGORIES = ["停车", "环境卫生", "公共设施", "安全", "为老服务", "物业", "噪音", "绿化", ""]
DAY = 86400


def start(db, seed):
    args = [SERVER, "serve", "--db", db, "--port", "0"] + (["--seed-demo"] if seed else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
        if m:
            return proc, int(m.group(1))
    proc.kill()
    sys.exit("yishi-server did not start")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def grow(db, now):
    """Bulk rows: the demo street's communities up to COMMUNITIES, each with a council, three
    grids and forty residents; ISSUES issues over MONTHS months; TASKS tasks, half answered and
    rated."""
    rng = random.Random(14)
    c = sqlite3.connect(db)
    c.execute("PRAGMA synchronous=OFF")
    street, = c.execute("SELECT id FROM streets ORDER BY id LIMIT 1").fetchone()
    admin, = c.execute("SELECT member_id FROM admin_scopes WHERE level = 'platform'").fetchone()
    have, = c.execute("SELECT COUNT(*) FROM communities WHERE street_id = ?", (street,)).fetchone()
    for n in range(have, COMMUNITIES):
        c.execute("INSERT INTO communities (name, street, street_id) VALUES (?, '', ?)",
                  (f"测试社区{n:02d}", street))
    councils, grids, members = [], {}, {}
    for cm, in c.execute("SELECT id FROM communities WHERE street_id = ?", (street,)).fetchall():
        row = c.execute("SELECT id FROM councils WHERE community_id = ?", (cm,)).fetchone()
        if row is None:
            row = (c.execute("INSERT INTO councils (community_id, name, kind, cosign_threshold) "
                             "VALUES (?, ?, 'residents_council', 5) RETURNING id",
                             (cm, f"议事会{cm}")).fetchone()[0],)
        council = row[0]
        councils.append(council)
        for g in range(3):
            c.execute("INSERT OR IGNORE INTO grids (community_id, name) VALUES (?, ?)",
                      (cm, f"压测网格{g + 1}"))
        grids[council] = [r[0] for r in c.execute("SELECT id FROM grids WHERE community_id = ?", (cm,))]
        ms = []
        for k in range(40):
            grid = grids[council][k % len(grids[council])]
            m = c.execute("INSERT INTO members (login, name, role, password_hash, community_id, "
                          "grid_id) VALUES (?, ?, 'resident', 'x', ?, ?) RETURNING id",
                          (f"bench{cm}_{k}", f"居民{k}", cm, grid)).fetchone()[0]
            c.execute("INSERT INTO council_members (council_id, member_id) VALUES (?, ?)", (council, m))
            ms.append((m, grid))
        members[council] = ms
    start_t = now - MONTHS * 30 * DAY
    issues = []
    for i in range(ISSUES):
        council = councils[i % len(councils)]
        author, grid = members[council][rng.randrange(40)]
        created = start_t + rng.randrange(now - start_t - DAY)
        accepted = created + rng.randrange(1, 5 * DAY) if rng.random() < 0.85 else None
        answered = created + rng.randrange(DAY, 30 * DAY) if accepted and rng.random() < 0.8 else None
        if answered and answered > now:
            answered = None
        issues.append((council, f"压测议题{i}", "正文", author, created,
                       "listed" if accepted else "collecting", rng.choice(CATEGORIES), grid,
                       accepted, answered))
    # Raised in time order, as a live street writes them.
    issues.sort(key=lambda row: row[4])
    c.executemany("INSERT INTO issues (council_id, title, body, author_id, created_at, stage, "
                  "category, grid_id, accepted_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?)", issues)
    rows = c.execute("SELECT id, council_id, created_at FROM issues WHERE stage = 'listed' "
                     "ORDER BY id DESC LIMIT ?", (TASKS,)).fetchall()[::-1]
    for k, (issue, council, created) in enumerate(rows):
        unit_member = members[council][0][0]
        t0 = created + 3 * DAY
        answered = t0 + rng.randrange(DAY, 25 * DAY) if k % 2 == 0 else None
        if answered and answered > now:
            answered = None
        task = c.execute("INSERT INTO tasks (council_id, issue_id, responsible_unit, "
                         "responsible_member_id, due_at, state, created_by, created_at, answered_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         (council, issue, f"责任单位{k % 12}", unit_member, t0 + 15 * DAY,
                          "answered" if answered else "assigned", admin, t0, answered)).fetchone()[0]
        if answered:
            reply = c.execute("INSERT INTO task_replies (task_id, member_id, text, at) "
                              "VALUES (?, ?, '已办理', ?) RETURNING id",
                              (task, unit_member, answered)).fetchone()[0]
            for r in range(3):
                c.execute("INSERT INTO task_ratings (reply_id, member_id, rating, rated_at) "
                          "VALUES (?, ?, ?, ?)",
                          (reply, members[council][r + 1][0],
                           rng.choice(["satisfied", "basically_satisfied", "unsatisfied"]),
                           min(now - 1, answered + DAY)))
    c.commit()
    counts = [c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("issues", "tasks")]
    c.execute("ANALYZE")
    c.close()
    return street, counts


def get(port, token, path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                 headers={"Authorization": f"Bearer {token}"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, (time.perf_counter() - t) * 1000


def main():
    tmp = tempfile.mkdtemp(prefix="yishi-followup-")
    db = os.path.join(tmp, "followup.sqlite")
    try:
        proc, _ = start(db, True)
        stop(proc)
        t = time.time()
        street, (issues, tasks) = grow(db, int(time.time()))
        print(f"generated in {time.time() - t:.1f} s: a street of {COMMUNITIES} communities, "
              f"{issues} issues, {tasks} tasks ({os.path.getsize(db) // 1_000_000} MB SQLite file)")
        proc, port = start(db, False)
        print(f"yishi-server on 127.0.0.1:{port}, {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} (the client shares the machine)")
        try:
            body = json.dumps({"login": "admin", "password": "yishi2026"}).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/login", data=body,
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=60) as r:
                token = json.loads(r.read())["token"]
            month = time.strftime("%Y-%m", time.gmtime(time.time() + 8 * 3600 - 20 * DAY))
            for name, path in [("GET /api/report (street, one month)", f"/api/report?street={street}&month={month}"),
                               ("GET /api/report.csv (street, one month)", f"/api/report.csv?street={street}&month={month}"),
                               ("GET /api/board (street)", f"/api/board?street={street}"),
                               ("GET /api/board (street, by days overdue, third page)",
                                f"/api/board?street={street}&sort=overdue&offset=100"),
                               ("GET /api/board (street, overdue only)",
                                f"/api/board?street={street}&status=overdue"),
                               ("GET /api/board.csv (street)", f"/api/board.csv?street={street}")]:
                status, _ = get(port, token, path)  # warm the page cache
                if status != 200:
                    print(f"{name}: HTTP {status} (not timed)")
                    continue
                times = [get(port, token, path)[1] for _ in range(RUNS)]
                med = statistics.median(times)
                verdict = "within" if med < TARGET_MS else "OVER"
                print(f"{name}: median {med:.1f} ms, min {min(times):.1f}, max {max(times):.1f} "
                      f"over {RUNS} runs ({verdict} the {TARGET_MS} ms target)")
        finally:
            stop(proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
