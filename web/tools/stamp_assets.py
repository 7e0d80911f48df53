#!/usr/bin/python3
"""Gives every file the page loads a name that carries its content's hash, so that the server
can let browsers keep it for a year (a new build is a new name), while index.html, which names
them, is revalidated on every visit.

For each FILE (relative to DIST) it writes DIST/stem.HASH.ext beside it, and then:
  DIST/assets.HASH.js   window.yishiAssets = {"app.wasm": "app.HASH.wasm", ...}: the names the
                        client asks for (app.js's wasm, i18n catalogs, font files) mapped to
                        the hashed ones;
  DIST/index.html       the page of SOURCE_HTML with its scripts and preloads pointing at
                        hashed names and the map loaded first;
  LIST                  the files a browser can be sent, one a line, for precompress.py.
The font slices named in fonts/slices.json are included. Hashed files of earlier builds are
removed. Usage: stamp_assets.py SOURCE_HTML DIST LIST FILE..."""
import hashlib
import json
import os
import re
import shutil
import sys

HASHED = re.compile(r"\.[0-9a-f]{16}\.[a-z0-9]+(\.br|\.gz)?$")


def hashed_name(rel, data):
    stem, ext = os.path.splitext(rel)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:16]}{ext}"


def stamp(dist, rel, written):
    with open(os.path.join(dist, rel), "rb") as f:
        data = f.read()
    name = hashed_name(rel, data)
    path = os.path.join(dist, name)
    if not os.path.exists(path):
        shutil.copyfile(os.path.join(dist, rel), path)
    written.add(path)
    return name


def main(source_html, dist, list_file, files):
    with open(os.path.join(dist, "fonts", "slices.json"), encoding="utf-8") as f:
        files = files + [s["file"] for s in json.load(f)["slices"]]
    written = set()
    names = {rel: stamp(dist, rel, written) for rel in files}

    table = "window.yishiAssets = " + json.dumps(names, sort_keys=True, separators=(",", ":")) + ";\n"
    table_name = hashed_name("assets.js", table.encode())
    with open(os.path.join(dist, table_name), "w", encoding="utf-8") as f:
        f.write(table)
    written.add(os.path.join(dist, table_name))

    with open(source_html, encoding="utf-8") as f:
        html = f.read()
    for rel, name in names.items():
        html = html.replace(f'src="{rel}"', f'src="{name}"').replace(f'href="{rel}"', f'href="{name}"')
    first_script = html.index("<script")
    html = html[:first_script] + f'<script src="{table_name}"></script>\n' + html[first_script:]
    with open(os.path.join(dist, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)
    written.add(os.path.join(dist, "index.html"))

    for folder, _, entries in os.walk(dist):
        for entry in entries:
            path = os.path.join(folder, entry)
            base = path[:-3] if path.endswith((".br", ".gz")) else path
            if HASHED.search(entry) and base not in written:
                os.remove(path)
    with open(list_file, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in sorted(written)))


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
