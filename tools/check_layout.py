#!/usr/bin/env python3
"""Checks seeds/yufubanfa-2019-103.layout.json against the seed text and the reference reading.

The layout file is the proof that the dataset accounts for every character of the seed's
allocation table (渝府办发〔2019〕103号), page by page: nothing dropped, nothing invented.

    python3 tools/check_layout.py [--layout PATH] [--seed PATH] [--reference PATH]

Checks (see the layout file's pages for the decoding itself):
  1. every page's seed text (whitespace removed) is an interleaving (shuffle) of its
     streams: each heading, the measure column, the lead column, the cooperating column;
  2. every reference measure is present once, in order, and its pieces give label + text;
  3. per measure, the lead cell (exactly one) and cooperating cell (zero or one) give the
     units of the reference, or the difference is printed as a DISAGREEMENT;
  4. every heading is an allowed heading and every task heading is printed somewhere.
Exit status 0 when 1, 2 and 4 hold and the layout is well formed; DISAGREEMENTs are
reported (all of them) but are readings, not failures. Python 3 standard library only.
"""
import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LAYOUT = ROOT / "seeds" / "yufubanfa-2019-103.layout.json"
DEFAULT_SEED = ROOT / "seeds" / "yufubanfa-2019-103.source.txt"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "data" / "yufubanfa-2019-103.reference.json"

# Every whitespace character: str.split()/\s cover ASCII blanks, U+3000, NBSP, U+2000-200A,
# line/paragraph separators; the zero-width ones are added for safety.
WS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

NUMERALS = "一二三四五六七八九十"
TABLE_TITLE = "贯彻落实重庆市深化“放管服”改革优化营商环境电视电话会议重点任务分工"
COLUMN_HEADERS = ["重点任务", "贯彻举措", "牵头单位", "配合单位"]
UNNUMBERED_TASKS = {6, 17, 24}   # tasks with one measure printed without a label
UNIT_SPLIT = re.compile(r"[、，]")


def strip_ws(s):
    return WS.sub("", s)


def cn_numeral(n):
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


class Report:
    def __init__(self):
        self.failures = []
        self.disagreements = []

    def fail(self, where, msg):
        self.failures.append(f"FAIL [{where}] {msg}")

    def disagree(self, msg):
        self.disagreements.append(f"DISAGREEMENT {msg}")


def load_reference(path):
    ref = json.loads(Path(path).read_text(encoding="utf-8"))
    measures = []       # in document order
    headings = {"sections": [], "tasks": []}
    for sec in ref["sections"]:
        headings["sections"].append(f"{sec['numeral']}、{strip_ws(sec['title'])}")
        for task in sec["tasks"]:
            n = task["number"]
            headings["tasks"].append(f"（{cn_numeral(n)}）{strip_ws(task['title'])}")
            for m in task["measures"]:
                k = int(m["id"].split(".")[1])
                label = "" if n in UNNUMBERED_TASKS else f"{k}．"
                measures.append({
                    "id": m["id"], "task": n, "label": label,
                    "text": strip_ws(m["text"]),
                    "lead": [strip_ws(u) for u in m["lead"]],
                    "support": [strip_ws(u) for u in m["support"]],
                    "confidence": m.get("confidence"),
                })
    return measures, headings


def units(text):
    return [u for u in UNIT_SPLIT.split(text) if u]


# ---------------------------------------------------------------- 1. interleaving

def check_interleaving(page_no, page, seed_lines, streams, rep):
    """Breadth-first search over tuples of stream positions, one character of P at a time."""
    lo, hi = page["lines"]
    P_chars, P_line = [], []
    for ln in range(lo, hi + 1):
        s = strip_ws(seed_lines[ln - 1])
        P_chars.extend(s)
        P_line.extend([ln] * len(s))
    P = "".join(P_chars)
    names = [n for n, _ in streams]
    texts = [t for _, t in streams]
    total = sum(len(t) for t in texts)
    where = f"page {page_no} lines {lo}-{hi}"
    if total != len(P):
        rep.fail(where, f"length mismatch: seed text has {len(P)} characters, streams have {total} "
                        f"({', '.join(f'{n}={len(t)}' for n, t in streams)})")
    start = tuple(0 for _ in texts)
    frontier = {start}
    max_states = 1
    for i, c in enumerate(P):
        nxt = set()
        for st in frontier:
            for k, t in enumerate(texts):
                p = st[k]
                if p < len(t) and t[p] == c:
                    nxt.add(st[:k] + (p + 1,) + st[k + 1:])
        if not nxt:
            ln = P_line[i]
            ctx = P[max(0, i - 20):i] + "⟦" + c + "⟧" + P[i + 1:i + 21]
            # what the streams were ready to accept at the furthest point
            expect = {}
            for st in list(frontier)[:50]:
                for k, t in enumerate(texts):
                    if st[k] < len(t):
                        expect.setdefault(names[k], set()).add(t[st[k]:st[k] + 8])
            exp = "; ".join(f"{n}: {' | '.join(sorted(v)[:3])}" for n, v in expect.items())
            rep.fail(where, f"not an interleaving: offset {i} of {len(P)} (seed line {ln}) character "
                            f"'{c}' is consumed by no stream. Context: {ctx}. Streams expected: {exp}")
            return False
        frontier = nxt
        max_states = max(max_states, len(frontier))
    end = tuple(len(t) for t in texts)
    if end not in frontier:
        best = max(frontier, key=lambda st: sum(st))
        left = [f"{names[k]} left '{texts[k][best[k]:best[k] + 20]}'" for k in range(len(texts))
                if best[k] < len(texts[k])]
        rep.fail(where, f"seed text consumed but streams not exhausted: {'; '.join(left)}")
        return False
    return max_states


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layout", default=str(DEFAULT_LAYOUT))
    ap.add_argument("--seed", default=str(DEFAULT_SEED))
    ap.add_argument("--reference", default=str(DEFAULT_REFERENCE))
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print per-page OK lines")
    args = ap.parse_args()

    rep = Report()
    layout = json.loads(Path(args.layout).read_text(encoding="utf-8"))
    seed_lines = Path(args.seed).read_text(encoding="utf-8").split("\n")
    ref_measures, ref_headings = load_reference(args.reference)
    ref_by_id = {m["id"]: m for m in ref_measures}
    order = {m["id"]: i for i, m in enumerate(ref_measures)}

    allowed = {TABLE_TITLE: "title", **{h: "column" for h in COLUMN_HEADERS},
               **{h: "section" for h in ref_headings["sections"]},
               **{h: "task" for h in ref_headings["tasks"]}}

    # -------- page ranges
    t_lo, t_hi = layout["table_lines"]
    pages = layout["pages"]
    expect_lo = t_lo
    for pno, pg in enumerate(pages, 1):
        lo, hi = pg["lines"]
        if lo != expect_lo or hi < lo:
            rep.fail(f"page {pno}", f"lines {lo}-{hi}: pages must be contiguous from {expect_lo}")
        expect_lo = hi + 1
    if expect_lo != t_hi + 1:
        rep.fail("pages", f"pages end at line {expect_lo - 1}, table ends at {t_hi}")
    if t_hi > len(seed_lines):
        rep.fail("pages", f"table_lines end {t_hi} beyond seed length {len(seed_lines)}")
        print("\n".join(rep.failures))
        return 1

    # -------- per page: streams, interleaving, headings, cells
    pieces = {}            # id -> list of (page, piece text incl. label)
    seen_order = []        # ids in order of first appearance
    page_of = {}           # id -> set of pages where the measure (or a piece) is printed
    lead_cover = {}        # id -> list of (page, cell)
    supp_cover = {}
    headings_printed = []
    total_states = 0
    for pno, pg in enumerate(pages, 1):
        where = f"page {pno} lines {pg['lines'][0]}-{pg['lines'][1]}"
        streams = []
        for h in pg.get("headings", []):
            hs = strip_ws(h)
            if hs not in allowed:
                rep.fail(where, f"heading '{hs}' is not an allowed heading")
            headings_printed.append(hs)
            streams.append((f"heading '{hs[:12]}'", hs))
        mtext = []
        ids_here = []
        for ent in pg.get("measures", []):
            mid = ent.get("id")
            ref = ref_by_id.get(mid)
            if ref is None:
                rep.fail(where, f"measure id '{mid}' is not in the reference")
                continue
            if "piece" in ent:
                s = strip_ws(ent["piece"])
            else:
                label = strip_ws(ent.get("label", ref["label"]))
                s = label + ref["text"]
            if mid not in pieces:
                seen_order.append(mid)
            pieces.setdefault(mid, []).append((pno, s, ent))
            page_of.setdefault(mid, set()).add(pno)
            ids_here.append(mid)
            mtext.append(s)
        streams.append(("measures", "".join(mtext)))
        for col, cover in (("lead", lead_cover), ("support", supp_cover)):
            texts = []
            last_rows = None
            for cell in pg.get(col, []):
                t = strip_ws(cell["text"])
                texts.append(t)
                rows = cell.get("rows", [])
                if not rows:
                    rep.fail(where, f"{col} cell '{t}' covers no rows")
                for r in rows:
                    if r not in ref_by_id:
                        rep.fail(where, f"{col} cell '{t}' row '{r}' is not a measure id")
                        continue
                    if r not in ids_here and "note" not in cell:
                        rep.fail(where, f"{col} cell '{t}' covers {r}, which is not printed on this page "
                                        f"(add a note if the cell really reaches across a page break)")
                    cover.setdefault(r, []).append((pno, t, cell))
                idx = sorted(order[r] for r in rows if r in order)
                if idx and idx != list(range(idx[0], idx[0] + len(idx))):
                    rep.fail(where, f"{col} cell '{t}' rows {rows} are not consecutive measures")
                if idx and last_rows is not None and idx[0] <= last_rows:
                    rep.fail(where, f"{col} cell '{t}' is out of row order or overlaps the cell above")
                if idx:
                    last_rows = idx[-1]
            streams.append((col, "".join(texts)))
        st = check_interleaving(pno, pg, seed_lines, streams, rep)
        if st:
            total_states += st
            if not args.quiet:
                print(f"ok   page {pno:2d} lines {pg['lines'][0]:3d}-{pg['lines'][1]:3d}: "
                      f"{len(pg.get('headings', []))} headings, {len(ids_here)} measures "
                      f"({ids_here[0] if ids_here else '-'}..{ids_here[-1] if ids_here else '-'}), "
                      f"{len(pg.get('lead', []))} lead / {len(pg.get('support', []))} cooperating cells; "
                      f"interleaving found (max {st} search states)")

    # -------- 2. measures: all present, in order, pieces give label + text
    ref_ids = [m["id"] for m in ref_measures]
    missing = [i for i in ref_ids if i not in pieces]
    if missing:
        rep.fail("measures", f"reference measures missing from the layout: {missing}")
    if [i for i in seen_order if i in order] != [i for i in ref_ids if i in pieces]:
        rep.fail("measures", "measures are not in reference order")
    for mid, parts in pieces.items():
        ref = ref_by_id[mid]
        pgs = [p for p, _, _ in parts]
        if len(parts) > 1:
            if any("piece" not in e for _, _, e in parts):
                rep.fail(f"measure {mid}", "printed more than once but not as pieces")
            if pgs != list(range(pgs[0], pgs[0] + len(pgs))):
                rep.fail(f"measure {mid}", f"pieces are not on consecutive pages: {pgs}")
        joined = "".join(s for _, s, _ in parts)
        first = parts[0][2]
        label = strip_ws(first.get("label", ref["label"]))
        if not joined.startswith(label):
            rep.fail(f"measure {mid}", f"printed text does not start with its label '{label}': '{joined[:12]}'")
        body = joined[len(label):]
        if body != ref["text"]:
            k = next((i for i, (a, b) in enumerate(zip(body, ref["text"])) if a != b),
                     min(len(body), len(ref["text"])))
            rep.fail(f"measure {mid}", f"text differs from the reference at character {k}: "
                                       f"layout '…{body[max(0, k - 10):k + 15]}…' vs reference "
                                       f"'…{ref['text'][max(0, k - 10):k + 15]}…'")
        if label != ref["label"]:
            print(f"note measure {mid}: label printed as '{label}' (standard '{ref['label'] or '(none)'}')")

    # -------- 3. units per measure
    def joined_cell(mid, cover, col):
        cells = cover.get(mid, [])
        if not cells:
            return None
        if len(cells) == 1:
            return cells[0][1]
        if all("note" in c for _, _, c in cells):     # one cell split over a page break
            return "".join(t for _, t, _ in cells)
        rep.fail(f"measure {mid}", f"covered by {len(cells)} {col} cells: {[t for _, t, _ in cells]}")
        return None

    n_agree = 0
    for m in ref_measures:
        mid = m["id"]
        if mid not in pieces:
            continue
        lead = joined_cell(mid, lead_cover, "lead")
        supp = joined_cell(mid, supp_cover, "cooperating")
        if mid not in lead_cover:
            rep.fail(f"measure {mid}", "no lead cell covers it")
        lu = units(lead) if lead else []
        su = units(supp) if supp else []
        diffs = []
        if lu != m["lead"]:
            diffs.append(f"lead layout {lu} vs reference {m['lead']}")
        if su != m["support"]:
            diffs.append(f"cooperating layout {su} vs reference {m['support']}")
        if diffs:
            whys = [f"{col} cell: {c.get('why')}" for col, cov in (("lead", lead_cover), ("cooperating", supp_cover))
                    for _, _, c in cov.get(mid, []) if c.get("why")]
            rep.disagree(f"measure {mid} (reference confidence {m['confidence']}): " + "; ".join(diffs)
                         + "".join(f"\n    {w}" for w in whys))
        else:
            n_agree += 1

    # -------- 4. headings
    for h in ref_headings["tasks"]:
        if h not in headings_printed:
            rep.fail("headings", f"task heading '{h}' is never printed in the layout")
    for h in ref_headings["sections"]:
        if h not in headings_printed:
            rep.fail("headings", f"section heading '{h}' is never printed in the layout")

    # -------- report
    print()
    print(f"{len(pages)} pages, lines {t_lo}-{t_hi}; {len(pieces)} of {len(ref_ids)} measures; "
          f"{len(headings_printed)} headings printed; units agree with the reference for "
          f"{n_agree} measures, {len(rep.disagreements)} disagreements")
    for d in rep.disagreements:
        print(d)
    for f in rep.failures:
        print(f)
    if rep.failures:
        print(f"\nFAILED: {len(rep.failures)} problem(s)")
        return 1
    print("\nPASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
