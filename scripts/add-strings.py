#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files, kept sorted by key.

Reads tab-separated lines from standard input: KEY<TAB>English<TAB>简体中文
Usage: scripts/add-strings.py < strings.tsv
"""
import fcntl
import html
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "CampaignHub.Web", "Resources")
FILES = {"en": os.path.join(ROOT, "SharedResource.resx"), "zh": os.path.join(ROOT, "SharedResource.zh-CN.resx")}
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve"><value>(.*?)</value></data>\n', re.S)


def merge(path, updates):
    text = open(path, encoding="utf-8").read()
    first = ENTRY.search(text)
    head = text[: first.start()] if first else text[: text.rindex("</root>")]
    entries = {m.group(1): m.group(2) for m in ENTRY.finditer(text)}
    for key, value in updates.items():
        entries[key] = html.escape(value, quote=False)
    body = "".join(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n' for k in sorted(entries))
    open(path, "w", encoding="utf-8").write(head + body + "</root>\n")


def main():
    en, zh = {}, {}
    for number, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            sys.exit(f"line {number}: expected KEY<TAB>English<TAB>Chinese, got: {line!r}")
        en[parts[0]], zh[parts[0]] = parts[1], parts[2]
    with open(os.path.join(ROOT, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        merge(FILES["en"], en)
        merge(FILES["zh"], zh)
    print(f"{len(en)} strings written")


if __name__ == "__main__":
    main()
