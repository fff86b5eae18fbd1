"""Makes symbolic.ttf, the font of the fixture truetype-symbolic.pdf.

A subset of DejaVu Sans (fonts-dejavu-core; Bitstream Vera license) with
the glyphs of the fixture's text, whose cmap has only the symbolic
subtables (1,0) code -> glyph and (3,0) 0xF000+code -> glyph, codes 1..n
in order of first appearance, and whose post table (format 2) keeps the
glyph names: a reader gets Unicode only through code -> glyph -> name.

    python3 internal/testpdf/fixturefont/make.py   # needs fonttools

The font is committed; the Go fixture generator embeds it as it is.
"""
import os
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

TEXT = "Høring om ny særavtale for 2024. Svarfrist: 15. mars."
here = os.path.dirname(os.path.abspath(__file__))
font = TTFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", recalcTimestamp=False)
opts = subset.Options()
opts.glyph_names = True
opts.notdef_outline = True
opts.name_IDs = [1, 2]
opts.layout_features = []
opts.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
s = subset.Subsetter(opts)
s.populate(text=TEXT)
s.subset(font)
best = font.getBestCmap()
codes = {}
for ch in TEXT:
    if ch not in codes:
        codes[ch] = len(codes) + 1
mac = CmapSubtable.newSubtable(0)
mac.platformID, mac.platEncID, mac.language = 1, 0, 0
mac.cmap = {c: best[ord(ch)] for ch, c in codes.items()}
win = CmapSubtable.newSubtable(4)
win.platformID, win.platEncID, win.language = 3, 0, 0
win.cmap = {0xF000 + c: best[ord(ch)] for ch, c in codes.items()}
font["cmap"].tables = [mac, win]
font["post"].formatType = 2.0
font["head"].created = font["head"].modified = 0
font.save(os.path.join(here, "symbolic.ttf"), reorderTables=True)
# symbolic.json: the codes of TEXT and each code's advance width in 1/1000 em.
import json
upem = font["head"].unitsPerEm
widths = {c: round(font["hmtx"][best[ord(ch)]][0] * 1000 / upem) for ch, c in codes.items()}
with open(os.path.join(here, "symbolic.json"), "w") as f:
    json.dump({"text": TEXT, "codes": [codes[ch] for ch in TEXT], "widths": [widths[c] for c in sorted(widths)]}, f)
    f.write("\n")
