#!/usr/bin/env python3
"""Times a street office's first day on each database: a 5,000-row GB18030 roster previewed and
imported, and the invite sheet (PDF) for all of them. A benchmark: prints figures, asserts
nothing. Usage: roster.py YISHI_SERVER POSTGRES_ADMIN_ADDRESS [--rows N]"""
import argparse, json, os, re, subprocess, sys, tempfile, time, urllib.request


class Server:
    def __init__(self, binary, db, key, log):
        self.log = log
        self.proc = subprocess.Popen([binary, "serve", "--db", db, "--ballot-key", key, "--port", "0"],
                                     stdout=open(log, "w"), stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            text = open(log).read()
            port = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", text)
            code = re.search(r"/#/setup/([A-Z0-9-]+)", text)
            if port and code:
                self.port, self.code = int(port.group(1)), code.group(1)
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit("roster.py: the server did not start:\n" + open(log).read())

    def call(self, path, body, token=None, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method="POST")
        req.add_header("Content-Type", content_type)
        if token:
            req.add_header("Authorization", "Bearer " + token)
        started = time.perf_counter()
        with urllib.request.urlopen(req, timeout=600) as reply:
            out = reply.read()
        return time.perf_counter() - started, out

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def roster(rows):
    lines = ["序号,姓名,楼栋,单元,房号,网格,专有面积(㎡),手机号"]
    for i in range(rows):
        lines.append(f"{i + 1},居民{i},{1 + i // 200}栋,{1 + (i // 50) % 4}单元,{101 + i % 50},"
                     f"第{1 + i // 1000}网格,8{i % 10}.50,138{i:08d}")
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")


def day(binary, db, folder, file):
    server = Server(binary, db, os.path.join(folder, "key-" + str(abs(hash(db)))), os.path.join(folder, "log"))
    try:
        _, body = server.call("/api/setup", {"code": server.code, "login": "zhou", "name": "周主任",
                                              "password": "bench2026pw", "street": "东湖街道",
                                              "community": "春晖社区"})
        setup = json.loads(body)
        token, community = setup["token"], setup["community_id"]
        _, body = server.call("/api/admin/councils", {"community_id": community, "name": "居民会议",
                                                      "kind": "residents_meeting"}, token)
        council = json.loads(body)["id"]
        path = f"/api/admin/communities/{community}/roster?council_id={council}"
        preview, body = server.call(path, file, token, "text/csv")
        accepted = len(json.loads(body)["accepted"])
        imported, _ = server.call(path + "&confirm=1", file, token, "text/csv")
        sheet, pdf = server.call(f"/api/admin/communities/{community}/invite-sheet", {}, token)
        return accepted, preview, imported, sheet, len(pdf)
    finally:
        server.stop()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("server")
    p.add_argument("postgres")
    p.add_argument("--rows", type=int, default=5000)
    a = p.parse_args()
    file = roster(a.rows)
    print(f"roster: {a.rows} rows, {len(file) / 1024:.0f} KiB of GB18030 CSV")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["psql", "-X", "-q", "-d", a.postgres, "-c", "CREATE DATABASE yishi_roster"], check=True)
        pg = a.postgres.rsplit("/", 1)[0] + "/yishi_roster"
        for name, db in (("SQLite", os.path.join(folder, "roster.db")), ("PostgreSQL", pg)):
            rows, preview, imported, sheet, size = day(a.server, db, folder, file)
            print(f"{name:10s} preview {preview:6.2f} s ({rows} accepted)  import {imported:6.2f} s  "
                  f"invite sheet {sheet:6.2f} s ({size / 1024 / 1024:.1f} MiB PDF)")


if __name__ == "__main__":
    main()
