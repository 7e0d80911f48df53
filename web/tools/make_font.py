#!/usr/bin/python3
"""Builds the client's CJK font from face 0 of a TrueType collection (WenQuanYi Micro Hei), cut
in three so that a first visit downloads only what the first screen shows:

  OUT/base.ttf        Latin, punctuation, CJK punctuation, full-width forms and every character
                      of the catalogs given: the screens' own words;
  OUT/common.ttf      the rest of the 3,755 common characters (GB 2312 level 1), which most names
                      and texts from the server use: fetched by the client as soon as the first
                      screen is drawn (with the manifest below);
  OUT/slice-NN.ttf    every other character the font maps, in runs of consecutive code points,
                      fetched by the client when a character outside the others appears (users
                      type and name rare ones);
  OUT/slices.json     {"slices": [{"file": "fonts/slice-NN.ttf", "spans": [[first, last], ...],
                      "prefetch": true?}]}: the code points each file but the base holds, as
                      spans that never cover a code point of another file (one the font lacks
                      there is not worth a fetch); "prefetch" marks common.ttf

Each file keeps the face's metrics, so ImGui merges the others into the base without seams, and
drops what ImGui's rasteriser never reads: hinting, OpenType layout, vertical metrics.
Usage: make_font.py IN.ttc OUTDIR CATALOG.json..."""
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SLICE_SIZE = 1000  # code points a slice: about 45 KB with brotli


def gb2312_level1():
    """The common characters: GB 2312 rows 16 to 55, read from Python's own codec."""
    out = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass  # the row's unassigned cells
    return out


# Latin, general punctuation, arrows, circled numbers, shapes, CJK punctuation, full-width forms
# and the replacement character: the base has whatever of these the font maps.
COMMON_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF),
                 (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0xFFFD, 0xFFFD)]


def spans(codepoints, others):
    """Runs of the sorted code points, split wherever a code point of another file lies between
    two."""
    out = []
    for cp in codepoints:
        if out and not any(c in others for c in range(out[-1][1] + 1, cp)):
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def screen_codepoints(catalogs):
    out = {cp for first, last in COMMON_RANGES for cp in range(first, last + 1)}
    for name in catalogs:
        with open(name, encoding="utf-8") as f:
            out |= {ord(ch) for ch in f.read()}
    return out


def write_subset(src, codepoints, dst):
    font = TTFont(src, fontNumber=0)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "FFTM", "gasp"]
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.save(dst)
    return set(font.getBestCmap().keys())


def main(src, out_dir, catalogs):
    mapped = set(TTFont(src, fontNumber=0).getBestCmap().keys())
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):  # slices of an earlier build
        if name.startswith("slice-") and name.endswith(".ttf"):
            os.remove(os.path.join(out_dir, name))

    base = screen_codepoints(catalogs) & mapped
    kept = write_subset(src, base, os.path.join(out_dir, "base.ttf"))
    common = sorted((gb2312_level1() & mapped) - base)
    kept |= write_subset(src, set(common), os.path.join(out_dir, "common.ttf"))
    slices = [{"file": "fonts/common.ttf", "spans": spans(common, mapped - set(common)),
               "prefetch": True}]
    rest = sorted(mapped - base - set(common))
    for n, at in enumerate(range(0, len(rest), SLICE_SIZE)):
        run = rest[at:at + SLICE_SIZE]
        name = f"slice-{n:02d}.ttf"
        kept |= write_subset(src, set(run), os.path.join(out_dir, name))
        slices.append({"file": "fonts/" + name, "spans": spans(run, mapped - set(run))})
    if kept != mapped:
        sys.exit(f"make_font: lost {len(mapped - kept)} characters")
    with open(os.path.join(out_dir, "slices.json"), "w", encoding="utf-8") as f:
        json.dump({"slices": slices}, f, separators=(",", ":"))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
