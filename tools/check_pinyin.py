#!/usr/bin/env python3
"""A second reading of the pinyin fgf gives the embedded document's texts (heteronyms).

fgf reads each character with the `pinyin` crate's default reading, except for the words in
src/domain/search/pinyin.rs OVERRIDES. This script compares that with pypinyin's phrase-aware
reading, and lists every character with more than one reading (tones aside) with its contexts,
for a person to review. Not run by CI (it needs pypinyin: `pip install pypinyin`).

    cargo run --release --example pinyin_dump > /tmp/ours.jsonl
    python3 tools/check_pinyin.py /tmp/ours.jsonl            # disagreements only
    python3 tools/check_pinyin.py /tmp/ours.jsonl --all      # every heteronym, with contexts

Reviewed 2026-11-25 (units, task titles, all 112 measure texts): pypinyin disagreed in 5 places;
fgf was wrong in one (商标囤积: tún, now an override), pypinyin in four (人行 and 行业 are háng,
整改行动 xíng, 门诊和药店 hé). The 224 heteronym groups of --all were read through: no other
reading is wrong for this document.
"""
import collections
import json
import sys

from pypinyin import Style, lazy_pinyin, pinyin


def hanzi(ch):
    return "\u4e00" <= ch <= "\u9fff"


def main():
    path = sys.argv[1]
    show_all = "--all" in sys.argv[2:]
    disagree = collections.defaultdict(list)
    groups = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        text = d["text"]
        ours = {i: s for i, s in d["syllables"]}
        theirs = lazy_pinyin(text, style=Style.NORMAL, errors=lambda x: [None] * len(x))
        if len(theirs) != len(text):
            continue  # not aligned one reading a character; the --all listing still covers it
        for i, ch in enumerate(text):
            if not hanzi(ch):
                continue
            context = text[max(0, i - 3) : i + 4]
            t = theirs[i].replace("ü", "v") if theirs[i] else None
            if t and ours.get(i) != t:
                disagree[(ch, ours.get(i), t)].append(f"{d['where']}: {context}")
            readings = {r.replace("ü", "v") for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]}
            if len(readings) > 1 and not d["where"].startswith("section"):
                groups[(ch, ours.get(i), "/".join(sorted(readings)))].append(context)
    for (ch, o, t), places in sorted(disagree.items(), key=lambda kv: -len(kv[1])):
        print(f"{ch}: fgf {o}, pypinyin {t} ({len(places)}): " + " | ".join(places))
    if show_all:
        print()
        for (ch, o, rs), contexts in sorted(groups.items()):
            print(f"{ch} {o} ({rs}) x{len(contexts)}: " + " ".join(sorted(set(contexts))))


if __name__ == "__main__":
    main()
