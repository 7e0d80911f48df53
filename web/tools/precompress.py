#!/usr/bin/env python3
"""Writes FILE.gz and FILE.br beside each FILE given, so that the server sends the smallest
form a browser accepts without compressing on every request. Skips a file whose compressed
forms are not smaller. Usage: precompress.py STAMP FILE..."""
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


def main():
    stamp, files = sys.argv[1], sys.argv[2:]
    for name in files:
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
