#!/usr/bin/env python3
"""Builds seeds/yufubanfa-2019-103.json from the reference reading.

Provenance tool, run by hand (not by CI): the committed JSON is the dataset, and the
fidelity tests in tests/ check it against the seed text. Corrections to the
reference reading live in CORRECTIONS below, each with the seed lines that prove it.

    python3 tools/build_dataset.py ../shared/data/yufubanfa-2019-103.reference.json
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "yufubanfa-2019-103.source.txt"
OUT = ROOT / "seeds" / "yufubanfa-2019-103.json"

NUMERALS = "一 二 三 四 五 六 七 八 九 十".split()


def cn_numeral(n):
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else NUMERALS[tens - 1]
    return head + "十" + (NUMERALS[ones - 1] if ones else "")


# Corrections to the reference reading: measure id -> fields to replace, with proof.
# The reference's texts all match the seed; its allocations are kept as the primary reading.
# What changes is that every alternative its `why` notes describe in prose becomes structured
# data (`alternative`), so that the CLI and TUI can show it, and the second, independent
# decoding of the page layout (seeds/yufubanfa-2019-103.layout.json) is recorded where it
# bears on a measure.
SECOND = "Second reading (layout decoding, seeds/yufubanfa-2019-103.layout.json): "
PAGE1 = (SECOND + "L31-32 come out C C L C L C L (各区|县政府、|市政府有|关部门 vs 市市场|监管局、市|司法局): "
         "the cooperating cell sits about one line above row 1.3's centre, which fits a merge over 1.2-1.4 "
         "rather than 1.3 alone; the wrap model is off by up to a line elsewhere, so not conclusive.")
A = lambda lead, support: {"alternative": {"lead": lead, "support": support}}
CORRECTIONS = {
    "1.2": dict(A(["市发展改革委"], ["各区县政府", "市政府有关部门"]), note=PAGE1),
    "1.4": dict(A(["市公共资源交易监管局"], ["各区县政府", "市政府有关部门"]), note=PAGE1),
    "7.3": A(["重庆市税务局"], ["各区县政府", "市政府有关部门"]),
    # Audit (issue 15): both alternatives of the reference need a cooperating cell between lead cells.
    "10.6": dict(confidence="high", alternative=None,
                 why="L125 → m6 (铁路/水路杂费, 收费公路 → 市交通局; 清理收费 → 市市场监管局). No coop. Page 6's unit "
                     "cells L121-127 are seven whole-line cells for seven rows (10.2-10.8) with nothing interleaved: "
                     "as on every page whose cells are one a line, the lead column is printed first, then the "
                     "cooperating column (here empty). The reference's alternatives (L124 merged over m4-m6 as lead "
                     "with L125 as m6's cooperating cell; or L123 a cooperating cell merged down to m6) each need a "
                     "cooperating cell printed between two lead cells, which fits neither print order of this PDF "
                     "(one-line pages column by column; cells side by side interleaved line by line). Under 10.4's "
                     "alternative too (L123 cooperating for a 10.4-10.5 merge under L124), L125 is m6's only cell. "
                     "Correction of the reference reading (medium, with those alternatives): high, no alternative."),
    "11.4": A(["市市场监管局"], ["各区县政府"]),
    "13.1": A(["市市场监管局"], []),
    "16.1": A(["市大数据发展局"], ["市政府有关部门", "各区县政府"]),
    "16.2": A(["市人力社保局"], ["市政府有关部门", "各区县政府"]),
    "16.4": A(["市市场监管局"], ["各区县政府"]),
    "16.5": A(["市市场监管局"], ["市政府有关部门", "各区县政府"]),
    "18.5": A(["市政府办公厅"], []),
    "18.6": A(["市发展改革委"], ["市政府有关部门"]),
    "19.1": A(["市政府办公厅"], []),
    "20.5": A(["市大数据发展局"], ["市政府各部门", "各区县政府"]),
    # Audit (issue 15): the wrap settles the columns; the reference's alternative has no support.
    "21.2": dict(confidence="high", alternative=None,
                 why="L282-283 '市能市经济源局、市信息委市场监管/局': cells 市经济信息委 and 市能源局、市市场监管局, "
                     "interleaved line by line. The wrap shows the columns: lead cells break after 3 characters, then 5 "
                     "a line (市发展|改革委 L280, 市城市|管理局、市|经济信息委 L284), cooperating cells after 2, then 4 "
                     "(市政|府有关部|门 L284). 市经济|信息委 breaks as a lead cell, 市能|源局、市|市场监管|局 as a "
                     "cooperating cell; swapped, they would print 市能源|局、市市场|监管局 and 市经|济信息委, and "
                     "neither appears. Lead 市经济信息委 (办电 is its business), cooperating 市能源局、市市场监管局. "
                     "Correction of the reference reading, which had no column information here (medium, with the "
                     "swap as its alternative)."),
    "23.1": dict(A(["市发展改革委", "市司法局"], ["市工商联"]), confidence="medium",
                 note=SECOND + "L298-299 市工商|联 breaks after 3 characters, the lead column's first-line width "
                      "(as 市医保|局 at L238-239); in the cooperating column it would break after 2. This supports "
                      "the primary reading, so the confidence is raised from low to medium."),
    "23.2": A(["市司法局"], []),
    "23.5": A(["市发展改革委"], []),
}

# Canonical units: name exactly as printed -> (aliases, collective?)
UNITS = {
    "市发展改革委": (["发展改革委", "发改委", "市发改委"], False),
    "市商务委": (["商务委"], False),
    "市市场监管局": (["市场监管局", "市场监管", "市监局"], False),
    "市司法局": (["司法局"], False),
    "市公共资源交易监管局": (["公共资源交易监管局", "公管局"], False),
    "市财政局": (["财政局"], False),
    "市政府办公厅": (["政府办公厅", "市府办", "办公厅"], False),
    "市公安局": (["公安局"], False),
    "市交通局": (["交通局", "市交委", "交委"], False),
    "市人力社保局": (["人力社保局", "人社局", "市人社局"], False),
    "市规划自然资源局": (["规划自然资源局", "规资局", "市规资局"], False),
    "市住房城乡建委": (["住房城乡建委", "住建委", "市住建委"], False),
    "重庆市税务局": (["市税务局", "税务局", "税务"], False),
    "重庆海关": (["海关"], False),
    "市生态环境局": (["生态环境局", "环保局"], False),
    "市经济信息委": (["经济信息委", "经信委", "市经信委"], False),
    "市民政局": (["民政局"], False),
    "重庆铁路办事处": (["铁路办事处"], False),
    "市政府口岸物流办": (["口岸物流办", "口岸办"], False),
    "重庆银保监局": (["银保监局", "银保监"], False),
    "市农业农村委": (["农业农村委", "农委"], False),
    "市文化旅游委": (["文化旅游委", "文旅委", "市文旅委"], False),
    "市文化执法总队": (["文化执法总队"], False),
    "市应急局": (["应急局", "应急管理局"], False),
    "市药监局": (["药监局"], False),
    "市卫生健康委": (["卫生健康委", "卫健委", "市卫健委"], False),
    "市医保局": (["医保局"], False),
    "市大数据发展局": (["大数据发展局", "大数据局", "市大数据局"], False),
    "人行重庆营管部": (["人行", "人民银行", "营管部"], False),
    "市知识产权局": (["知识产权局"], False),
    "重庆边检总站": (["边检总站", "边检"], False),
    "市科技局": (["科技局"], False),
    "市政府外办": (["外办"], False),
    "市城市管理局": (["城市管理局", "城管局", "市城管局"], False),
    "市能源局": (["能源局"], False),
    "市通信管理局": (["通信管理局", "通管局"], False),
    "市工商联": (["工商联"], False),
    "市教委": (["教委"], False),
    "市体育局": (["体育局"], False),
    "市政府督查办": (["督查办"], False),
    "两江新区管委会": (["两江新区"], False),
    "高新区管委会": (["高新区"], False),
    "各区县政府": (["各区县"], True),
    "有关区县政府": (["有关区县"], True),
    "市政府有关部门": (["有关部门"], True),
    "市政府各部门": (["各部门"], True),
    "有关开发区管委会": ([], True),
    "市级公用企事业单位": (["公用企事业单位"], True),
}

# Official full names (issue 15), with the source of each. The notice prints short forms; only
# two full names are printed in the seed itself. The others are the bodies' names as of October
# 2019 from general knowledge of Chongqing's institutions after the 2018 reform, not from the
# seed: check them against an official source before citing them. A unit whose 2019 name is not
# known with confidence has none (重庆铁路办事处, 市文化执法总队 — renamed around 2019, 市政府督查办),
# nor have the collective placeholders other than the one the seed spells out.
SEED_L15 = "seed L15: the notice's signature, 重庆市人民政府办公厅 (also its title, L1)"
SEED_L7 = "seed L7: the addressees, 各区县（自治县）人民政府"
KNOWN = ("general knowledge of Chongqing's institutions in 2019 (after the 2018 reform); "
         "not printed in the notice")
OFFICIAL = {
    "市发展改革委": ("重庆市发展和改革委员会", KNOWN),
    "市商务委": ("重庆市商务委员会", KNOWN),
    "市市场监管局": ("重庆市市场监督管理局", KNOWN),
    "市司法局": ("重庆市司法局", KNOWN),
    "市公共资源交易监管局": ("重庆市公共资源交易监督管理局", KNOWN),
    "市财政局": ("重庆市财政局", KNOWN),
    "市政府办公厅": ("重庆市人民政府办公厅", SEED_L15),
    "市公安局": ("重庆市公安局", KNOWN),
    "市交通局": ("重庆市交通局", KNOWN),
    "市人力社保局": ("重庆市人力资源和社会保障局", KNOWN),
    "市规划自然资源局": ("重庆市规划和自然资源局", KNOWN),
    "市住房城乡建委": ("重庆市住房和城乡建设委员会", KNOWN),
    "重庆市税务局": ("国家税务总局重庆市税务局", KNOWN),
    "重庆海关": ("中华人民共和国重庆海关", KNOWN),
    "市生态环境局": ("重庆市生态环境局", KNOWN),
    "市经济信息委": ("重庆市经济和信息化委员会", KNOWN),
    "市民政局": ("重庆市民政局", KNOWN),
    "市政府口岸物流办": ("重庆市人民政府口岸和物流办公室", KNOWN),
    "重庆银保监局": ("中国银行保险监督管理委员会重庆监管局", KNOWN),
    "市农业农村委": ("重庆市农业农村委员会", KNOWN),
    "市文化旅游委": ("重庆市文化和旅游发展委员会", KNOWN),
    "市应急局": ("重庆市应急管理局", KNOWN),
    "市药监局": ("重庆市药品监督管理局", KNOWN),
    "市卫生健康委": ("重庆市卫生健康委员会", KNOWN),
    "市医保局": ("重庆市医疗保障局", KNOWN),
    "市大数据发展局": ("重庆市大数据应用发展管理局", KNOWN),
    "人行重庆营管部": ("中国人民银行重庆营业管理部", KNOWN),
    "市知识产权局": ("重庆市知识产权局", KNOWN),
    "重庆边检总站": ("重庆出入境边防检查总站", KNOWN),
    "市科技局": ("重庆市科学技术局", KNOWN),
    "市政府外办": ("重庆市人民政府外事办公室", KNOWN),
    "市城市管理局": ("重庆市城市管理局", KNOWN),
    "市能源局": ("重庆市能源局", KNOWN),
    "市通信管理局": ("重庆市通信管理局", KNOWN),
    "市工商联": ("重庆市工商业联合会", KNOWN),
    "市教委": ("重庆市教育委员会", KNOWN),
    "市体育局": ("重庆市体育局", KNOWN),
    "两江新区管委会": ("重庆两江新区管理委员会", KNOWN),
    "高新区管委会": ("重庆高新技术产业开发区管理委员会", KNOWN),
    "各区县政府": ("各区县（自治县）人民政府", SEED_L7),
}

# The reference's `why` notes count the pages one lower than layout.json from page 11 on
# (L187-206 is page 11; the notes called it page 10, and so on to page 17, "Page-16"). Their
# line numbers are right; the page number is made to agree with the lines it cites (the
# layout test checks every page a note names against layout.json).
def fix_pages(why):
    return re.sub(r"Page-(\d+)", lambda g: f"Page-{int(g.group(1)) + (int(g.group(1)) >= 10)}", why)


def unit(name, aliases, collective):
    out = {"name": name, "aliases": aliases, "collective": collective}
    if name in OFFICIAL:
        full, source = OFFICIAL[name]
        out["official"] = {"name": full, "source": source, "printed": source != KNOWN}
    return out


REQUIREMENTS = [("一", 9), ("二", 11), ("三", 13)]

PHRASE = re.compile(r"(20\d\d)年(?:(\d{1,2})月)?(底前)?")


def deadline(m):
    year, month = int(m.group(1)), m.group(2)
    if month:
        month = int(month)
        last = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return f"{year:04d}-{month:02d}-{last:02d}"
    return f"{year:04d}-12-31"


def milestones(mid, text):
    """One milestone per dated phrase; its clause runs from the start of its sentence
    (or the end of the previous dated clause in that sentence) to the next dated
    phrase or the end of the sentence."""
    found = list(PHRASE.finditer(text))
    if not found:
        return [{"id": f"{mid}.1", "deadline": None, "phrase": None, "text": text}]
    out = []
    prev_end = 0
    for i, m in enumerate(found):
        sent_start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
        start = max(sent_start, prev_end)
        ends = [e for e in (text.find("。", m.end()), text.find("；", m.end())) if e != -1]
        end = min(ends) if ends else len(text)
        if i + 1 < len(found) and found[i + 1].start() < end:
            end = found[i + 1].start()
        clause = text[start:end].strip("，、；。 ")
        prev_end = end
        out.append({
            "id": f"{mid}.{i + 1}",
            "deadline": deadline(m),
            "phrase": m.group(0),
            "text": clause,
        })
    # The clauses no dated milestone governs get one undated milestone, after the dated ones (so
    # that the ids of the dated ones stay what they were before it was added: issue 15).
    rest = text
    for k in out:
        rest = rest.replace(k["text"], "\0", 1)
    rest = [p.strip("，、；。 ") for p in rest.split("\0")]
    rest = "。".join(p for p in rest if p)
    if rest:
        out.append({"id": f"{mid}.{len(out) + 1}", "deadline": None, "phrase": None, "text": rest})
    return out


def main():
    ref = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    seed = SEED.read_text(encoding="utf-8").splitlines()
    requirements = []
    for numeral, line in REQUIREMENTS:
        heading = seed[line - 1].strip()
        assert heading.startswith(numeral + "、"), heading
        requirements.append({
            "numeral": numeral,
            "title": heading[len(numeral) + 1:],
            "text": seed[line].strip(),
        })
    used = set()
    sections = []
    for s in ref["sections"]:
        tasks = []
        for t in s["tasks"]:
            measures = []
            for m in t["measures"]:
                fix = dict(CORRECTIONS.get(m["id"], {}))
                note = fix.pop("note", None)
                m = dict(m, **fix)
                if note:
                    m["why"] = m["why"] + " " + note
                m["why"] = fix_pages(m["why"])
                used.update(m["lead"] + m["support"])
                measures.append({
                    "id": m["id"],
                    "text": m["text"],
                    "lead": m["lead"],
                    "support": m["support"],
                    "confidence": m["confidence"],
                    "alternative": m.get("alternative"),
                    "reading": m["why"],
                    "milestones": milestones(m["id"], m["text"]),
                })
            tasks.append({
                "id": str(t["number"]),
                "number": t["number"],
                "numeral": cn_numeral(t["number"]),
                "title": t["title"],
                "measures": measures,
            })
        sections.append({"key": s["key"], "numeral": s["numeral"], "title": s["title"], "tasks": tasks})
    assert set(OFFICIAL) <= set(UNITS), set(OFFICIAL) - set(UNITS)
    missing = used - set(UNITS)
    assert not missing, f"units without a canonical entry: {missing}"
    unused = set(UNITS) - used
    assert not unused, f"canonical units never used: {unused}"
    doc = {
        "format": 1,
        "id": "yufubanfa-2019-103",
        "number": "渝府办发〔2019〕103号",
        "title": seed[0].strip(),
        "issuer": "重庆市人民政府办公厅",
        "signed": "2019-10-11",
        "published": "2019-10-18",
        "addressees": seed[6].strip().rstrip("："),
        "table_title": seed[16].strip(),
        "requirements": requirements,
        "units": [unit(n, a, c) for n, (a, c) in UNITS.items()],
        "sections": sections,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(t["measures"]) for s in sections for t in s["tasks"])
    ms = sum(len(m["milestones"]) for s in sections for t in s["tasks"] for m in t["measures"])
    print(f"wrote {OUT}: {n} measures, {ms} milestones, {len(UNITS)} units")


if __name__ == "__main__":
    main()
