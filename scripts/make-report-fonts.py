#!/usr/bin/python3
"""Regenerates the report fonts in src/CampaignHub.Web/Features/Reports/Fonts/ (committed; CI never runs this).

Chromium's PDF backend embeds CFF-outline fonts, such as Debian's Noto Sans CJK, as hundreds of unnamed Type 3
fonts (large files, text that copies badly). With TrueType outlines it embeds named, subsetted CID TrueType fonts.
Debian has no TrueType CJK font with a real bold, so this converts Noto Sans CJK SC Regular and Bold
(fonts-noto-cjk, SIL OFL 1.1) to TrueType outlines:

  1. subset each weight to what reports need: GB 2312 (6,763 hanzi and its symbols), Latin, common punctuation
     and symbols, plus every character of the app's Chinese texts and the demo data;
  2. redraw every glyph's cubic curves as quadratic ones (cu2qu, at most 1 unit of 1,000 off);
  3. rename the family (the OFL forbids a modified font to carry the Reserved Font Names, and "Noto" is a
     trademark): "CampaignHub Sans SC".

Characters outside the subset still render: the report's font list falls back to the system's Noto Sans CJK SC.

Needs Debian's fonts-noto-cjk and python3-fonttools (apt-get install -y fonts-noto-cjk python3-fonttools).
Usage: scripts/make-report-fonts.py [output directory]
"""

import glob
import os
import re
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont, newTable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src/CampaignHub.Web/Features/Reports/Fonts")
NOTO = "/usr/share/fonts/opentype/noto"
FAMILY = "CampaignHub Sans SC"
WEIGHTS = [("Regular", "NotoSansCJK-Regular.ttc", 400), ("Bold", "NotoSansCJK-Bold.ttc", 700)]

# Blocks a report may print besides GB 2312: Latin, punctuation, letterlike symbols (℃ №), numbers (Ⅻ), arrows,
# maths, enclosed numbers (①), box drawing, shapes (■ ●), symbols (★ ✓), CJK punctuation, enclosed CJK (㈠),
# CJK units (㎡), full-width forms. Only what the source font has is kept.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x02C6, 0x02DD), (0x0391, 0x03C9), (0x0401, 0x0451),
    (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
    (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),
    (0x3000, 0x303F), (0x3040, 0x30FF), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]

# Texts whose every character must be in the subset: the Chinese UI and report texts, and the demo data.
TEXT_SOURCES = [
    "src/CampaignHub.Web/Resources/SharedResource.zh-CN.resx",
    "src/CampaignHub.Web/Data/Seeding/**/*.cs",
]


def gb2312():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return {ord(c) for c in chars}


def wanted_codepoints():
    codepoints = gb2312()
    for first, last in RANGES:
        codepoints.update(range(first, last + 1))
    for pattern in TEXT_SOURCES:
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            with open(path, encoding="utf-8") as file:
                codepoints.update(ord(c) for c in file.read() if ord(c) >= 0x20)
    return codepoints


def subset(font, codepoints):
    options = Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    # Horizontal Chinese and Latin text only: no vertical forms, no Japanese or Korean variants.
    options.layout_features = ["ccmp", "kern", "liga", "mark", "mkmk", "palt"]
    options.hinting = False
    options.desubroutinize = True
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def to_truetype(font):
    """Replaces the CFF table by glyf/loca with the same glyphs, in the same order, with the same advances."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # PostScript outlines run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    head = font["head"]
    head.glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}


def rename(font, style, weight):
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    postscript = re.sub(r"[^A-Za-z0-9]", "", FAMILY) + "-" + style
    name = font["name"]
    version = name.getDebugName(5) or ""
    values = {
        1: FAMILY,
        2: style,
        3: f"{postscript};converted from Noto Sans CJK SC {style} 2.004",
        4: full,
        5: f"{version}; TrueType outlines and subset for CampaignHub reports",
        6: postscript,
        16: FAMILY,
        17: style,
    }
    # Trademark and vendor names belong to the original font, not to this derivative.
    name.names = [n for n in name.names if n.nameID not in (7, 16, 17, 18, 19, 21, 22, 25) and n.nameID not in values]
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    os2 = font["OS/2"]
    os2.usWeightClass = weight
    bold = style == "Bold"
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = 1 if bold else 0


def licence():
    """The SIL Open Font License 1.1 as Debian ships it with fonts-noto-cjk, with the font's copyright line."""
    with open("/usr/share/doc/fonts-noto-cjk/copyright", encoding="utf-8") as file:
        text = file.read()
    body = text.split("License: SIL-1.1\n", 2)[2]
    lines = []
    for line in body.splitlines():
        if line and not line.startswith(" "):
            break
        line = line[1:] if line.startswith(" ") else line
        lines.append("" if line == "." else line)
    return (
        "CampaignHub Sans SC Regular and Bold are modified versions of Noto Sans CJK SC (fonts-noto-cjk 2.004):\n"
        "converted to TrueType outlines and subset by scripts/make-report-fonts.py. They are not Noto fonts.\n\n"
        "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
        "Noto is a trademark of Google Inc.\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n"
        + "\n".join(lines).strip() + "\n"
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    codepoints = wanted_codepoints()
    for style, source, weight in WEIGHTS:
        # Face 2 is the SC face of the collection; the original timestamp keeps a regenerated file byte-identical.
        font = TTFont(os.path.join(NOTO, source), fontNumber=2, recalcTimestamp=False)
        if not font["name"].getDebugName(4).startswith("Noto Sans CJK SC"):
            sys.exit(f"{source}: face 2 is {font['name'].getDebugName(4)}, not Noto Sans CJK SC")
        subset(font, codepoints)
        to_truetype(font)
        rename(font, style, weight)
        path = os.path.join(OUT, f"CampaignHubSansSC-{style}.ttf")
        font.save(path)
        print(f"{path}: {len(font.getGlyphOrder())} glyphs, {len(font.getBestCmap())} characters, "
              f"{os.path.getsize(path) / 1048576:.1f} MiB")
    with open(os.path.join(OUT, "OFL.txt"), "w", encoding="utf-8") as file:
        file.write(licence())


if __name__ == "__main__":
    main()
