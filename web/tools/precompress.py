#!/usr/bin/env python3
"""Writes FILE.gz and FILE.br beside each FILE given, so that the server sends the smallest
form a browser accepts without compressing on every request. Skips a file whose compressed
forms are not smaller, and one whose forms are already newer than it. An argument @LIST names a
file listing more files, one a line. Usage: precompress.py STAMP FILE|@LIST..."""
import gzip
import os
import sys

import brotli


def write_if_smaller(path, data, packed):
    if len(packed) < len(data):
        with open(path, "wb") as out:
            out.write(packed)
    elif os.path.exists(path):
        os.remove(path)


def up_to_date(name):
    made = os.path.getmtime(name)
    return all(os.path.exists(name + ext) and os.path.getmtime(name + ext) >= made
               for ext in (".gz", ".br"))


def main():
    stamp, files = sys.argv[1], []
    for arg in sys.argv[2:]:
        if arg.startswith("@"):
            with open(arg[1:], encoding="utf-8") as f:
                files += [line.strip() for line in f if line.strip()]
        else:
            files.append(arg)
    for name in files:
        if up_to_date(name):
            continue
        with open(name, "rb") as f:
            data = f.read()
        # mtime=0: the same input gives the same bytes, so rebuilds do not change ETags.
        write_if_smaller(name + ".gz", data, gzip.compress(data, compresslevel=9, mtime=0))
        mode = brotli.MODE_FONT if name.endswith(".ttf") else brotli.MODE_GENERIC
        write_if_smaller(name + ".br", data, brotli.compress(data, quality=11, mode=mode))
    with open(stamp, "w") as out:
        out.write("\n".join(files) + "\n")


if __name__ == "__main__":
    main()
