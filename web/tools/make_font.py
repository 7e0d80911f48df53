#!/usr/bin/python3
"""Builds the client's CJK font: face 0 of a TrueType collection (WenQuanYi Micro Hei) as one
TTF with every character it maps kept (users type rare ones), minus what ImGui's rasteriser
never reads: hinting, OpenType layout, vertical metrics. Usage: make_font.py IN.ttc OUT.ttf"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def main(src, dst):
    font = TTFont(src, fontNumber=0)
    codepoints = set(font.getBestCmap().keys())
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
    kept = set(font.getBestCmap().keys())
    if kept != codepoints:
        sys.exit(f"make_font: lost {len(codepoints - kept)} characters")
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
