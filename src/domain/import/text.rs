//! A notice's lines -> numbered items with their allocations: numbering `一、` `（一）` `1.`
//! `1．` `（1）` `①`, allocations in brackets or on labelled lines under an item, one bracketed
//! allocation on a line of its own covering the group above it, and the metadata of the preamble.

use super::alloc::{self, Alloc};
use super::fold::Folded;

/// Numbering styles, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// 一、
    Cn,
    /// （一）
    ParenCn,
    /// 1. 1． 1、
    Num,
    /// （1）
    ParenNum,
    /// ①
    Circled,
}

/// One numbered item of the notice.
#[derive(Debug, Clone)]
pub struct Item {
    pub style: Style,
    /// As printed: 一、 （一） 1. ①.
    pub label: String,
    pub text: String,
    pub alloc: Alloc,
    /// An allocation on a line of its own after the item's sub-items, for all of them.
    pub group: Option<Alloc>,
    /// 1-based line of the input.
    pub line: usize,
}

/// What the preamble says.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub number: String,
    pub issuer: String,
    pub addressees: String,
    pub date: Option<jiff::civil::Date>,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub meta: Meta,
    pub items: Vec<Item>,
    /// Lines not placed anywhere: (line, text).
    pub unplaced: Vec<(usize, String)>,
    /// Lines of at most a few characters with no punctuation (a PDF table read column-wise
    /// leaves many).
    pub fragments: usize,
    pub lines: usize,
}

/// How many items back a group's allocation line may reach.
const GROUP_REACH: usize = 200;

const CN_DIGITS: &str = "一二三四五六七八九十百零〇";

/// The numbering at the start of a folded line: its style and length in characters.
pub fn numbering(f: &[char]) -> Option<(Style, usize)> {
    let at = |i: usize| f.get(i).copied().unwrap_or('\0');
    let cn = |c: char| CN_DIGITS.contains(c);
    if cn(at(0)) {
        let n = f.iter().take_while(|&&c| cn(c)).count();
        if n <= 3 && matches!(at(n), '、' | '.' | ',') {
            return Some((Style::Cn, n + 1));
        }
    }
    if at(0) == '(' {
        if cn(at(1)) {
            let n = f[1..].iter().take_while(|&&c| cn(c)).count();
            if n <= 3 && at(n + 1) == ')' {
                return Some((Style::ParenCn, n + 2));
            }
        }
        if at(1).is_ascii_digit() {
            let n = f[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n <= 3 && at(n + 1) == ')' {
                return Some((Style::ParenNum, n + 2));
            }
        }
    }
    if at(0).is_ascii_digit() {
        let n = f.iter().take_while(|c| c.is_ascii_digit()).count();
        // 1. / 1． / 1、 but not 2020.6 or 1.5亿
        if n <= 3 && matches!(at(n), '.' | '、') && !at(n + 1).is_ascii_digit() && at(n + 1) != '\0'
        {
            return Some((Style::Num, n + 1));
        }
    }
    if ('①'..='⑳').contains(&at(0)) {
        return Some((Style::Circled, 1));
    }
    None
}

/// A line that labels the item above it: 牵头单位：… 责任单位：… 完成时限：…
fn is_label_line(f: &Folded) -> bool {
    let s = f.folded_str();
    let Some(colon) = s.find(':') else {
        return false;
    };
    let head = &s[..colon];
    head.chars().count() <= 8
        && [
            "单位", "部门", "领导", "时限", "时间", "节点", "牵头", "责任", "配合",
        ]
        .iter()
        .any(|w| head.contains(w))
}

/// A line wholly in brackets: （责任单位：…）.
fn bracketed(f: &Folded) -> Option<String> {
    let (first, last) = (*f.fold.first()?, *f.fold.last()?);
    let pair = matches!((first, last), ('(', ')') | ('[', ']'));
    (pair && f.len() > 2).then(|| f.text(1, f.len() - 1))
}

/// The issuer's name on a line of its own (the signature at the end).
fn is_signature(f: &Folded) -> bool {
    let s = f.folded_str();
    f.len() <= 24
        && !s.contains([',', ';', ':', '。', '、'])
        && ["办公室", "办公厅", "人民政府", "委员会"]
            .iter()
            .any(|e| s.ends_with(e))
}

fn is_date_line(s: &str) -> Option<jiff::civil::Date> {
    let f = Folded::new(s);
    let found = super::deadline::find(&f, None);
    let d = found.first()?;
    (d.phrase.chars().count() == f.len() && s.ends_with('日')).then_some(d.date?)
}

pub fn parse(lines: &[(usize, String)]) -> Parsed {
    let mut p = Parsed {
        lines: lines.len(),
        ..Parsed::default()
    };
    let mut preamble: Vec<(usize, String)> = Vec::new();
    for (no, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let f = Folded::new(line);
        let short = f.len() <= 6 && !line.contains(['。', '，', '；', '：', '、', ',']);
        if short {
            p.fragments += 1;
        }
        if let Some(d) = is_date_line(line) {
            p.meta.date.get_or_insert(d);
            continue;
        }
        if let Some((style, n)) = numbering(&f.fold) {
            p.items.push(Item {
                style,
                label: f.text(0, n),
                text: f.text(n, f.len()).trim().to_string(),
                alloc: Alloc::default(),
                group: None,
                line: *no,
            });
            continue;
        }
        let Some(cur) = p.items.len().checked_sub(1) else {
            preamble.push((*no, line.to_string()));
            continue;
        };
        if let Some(inner) = bracketed(&f)
            && let Some(a) = alloc::parse(&inner)
        {
            // After several sub-items, for their group: the nearest item of an outer style.
            // (Looked for among the last items only: a group is short.)
            let style = p.items[cur].style;
            let from = p.items.len().saturating_sub(GROUP_REACH);
            let parent = p.items[from..]
                .iter()
                .rposition(|i| i.style < style)
                .map(|g| g + from);
            match parent {
                Some(g)
                    if p.items.len() - g > 2
                        && p.items[g + 1..].iter().all(|i| i.style > p.items[g].style) =>
                {
                    p.items[g].group.get_or_insert_with(Alloc::default).merge(a);
                }
                _ => p.items[cur].alloc.merge(a),
            }
            continue;
        }
        if is_label_line(&f) {
            match alloc::parse(line) {
                Some(a) => p.items[cur].alloc.merge(a),
                None => p.unplaced.push((*no, line.to_string())),
            }
            continue;
        }
        if line.contains("此件公开发布") || line.starts_with("附件") {
            continue;
        }
        if is_signature(&f) {
            if p.meta.issuer.is_empty() {
                p.meta.issuer = line.to_string();
            }
            continue;
        }
        // A line broken by the page: more of the item's text.
        let item = &mut p.items[cur];
        item.text.push_str(line);
    }
    meta(&mut p, preamble);
    for item in &mut p.items {
        split_allocation(item);
    }
    p
}

/// The preamble: title, 文号, issuer, addressees; the rest is reported as not placed.
fn meta(p: &mut Parsed, preamble: Vec<(usize, String)>) {
    for (no, line) in preamble {
        let f = Folded::new(&line);
        let folded = f.folded_str();
        let is_number = folded.contains('[') && folded.contains('号') && f.len() <= 30;
        if is_number && p.meta.number.is_empty() {
            p.meta.number = line;
        } else if p.meta.title.is_empty()
            && (folded.contains("关于") || folded.contains("通知") || folded.contains("方案"))
        {
            p.meta.title = line;
        } else if p.meta.addressees.is_empty() && folded.starts_with('各') && folded.ends_with(':')
        {
            p.meta.addressees = line.trim_end_matches(['：', ':']).to_string();
        } else if p.meta.issuer.is_empty()
            && f.len() <= 24
            && ["办公室", "办公厅", "人民政府", "委员会"]
                .iter()
                .any(|e| folded.ends_with(e))
        {
            p.meta.issuer = line;
        } else {
            p.unplaced.push((no, line));
        }
    }
    if p.meta.title.is_empty()
        && let Some(i) = p.unplaced.iter().position(|(_, l)| l.chars().count() <= 60)
    {
        p.meta.title = p.unplaced.remove(i).1;
    }
    // The issuer from the title: what comes before 关于 (關於).
    let title = Folded::new(&p.meta.title);
    if p.meta.issuer.is_empty()
        && let Some(i) = title.find("关于", 0)
        && i > 0
    {
        p.meta.issuer = title.text(0, i);
    }
}

/// Takes the allocation out of an item's text: bracketed groups that name units, and an inline
/// `牵头单位：…` to the end.
fn split_allocation(item: &mut Item) {
    let f = Folded::new(&item.text);
    let closing = closers(&f);
    let mut keep = String::new();
    let mut i = 0;
    while i < f.len() {
        if let Some(end) = closing[i]
            && end - i <= alloc::MAX_ALLOC
            && let Some(a) = alloc::parse(&f.text(i + 1, end))
        {
            item.alloc.merge(a);
            i = end + 1;
            continue;
        }
        if let Some(end) = inline_label(&f, i)
            && let Some(a) = alloc::parse(&f.text(i, end))
        {
            item.alloc.merge(a);
            i = end;
            continue;
        }
        keep.push(f.orig[i]);
        i += 1;
    }
    item.text = keep
        .trim()
        .trim_end_matches(['，', ',', '；', ';'])
        .trim()
        .to_string();
    if !item.alloc.has_units() {
        trailing_sentence(item);
    }
}

/// An allocation written as the item's last sentence, without brackets: `…。税务总局负责。`
fn trailing_sentence(item: &mut Item) {
    let body = item.text.trim_end_matches(['。', '.']);
    let start = body.rfind(['。', '；']).map_or(0, |i| i + '。'.len_utf8());
    if start == 0 {
        return;
    }
    if let Some(a) = alloc::parse(&body[start..]) {
        item.alloc.merge(a);
        item.text = body[..start].to_string();
    }
}

/// For each opening bracket, where it closes: one pass with a stack.
fn closers(f: &Folded) -> Vec<Option<usize>> {
    let mut out = vec![None; f.len()];
    let mut open = Vec::new();
    for (j, &c) in f.fold.iter().enumerate() {
        match c {
            '(' | '[' => open.push(j),
            ')' | ']' => {
                if let Some(i) = open.pop() {
                    out[i] = Some(j);
                }
            }
            _ => {}
        }
    }
    out
}

/// An inline `牵头单位：` / `责任单位：` … starting at `i`: where its allocation ends (the end of
/// the text, or a 。 after it).
fn inline_label(f: &Folded, i: usize) -> Option<usize> {
    const LABELS: &[&str] = &[
        "牵头单位:",
        "责任单位:",
        "配合单位:",
        "牵头部门:",
        "责任部门:",
        "牵头负责领导:",
        "责任领导:",
        "协同责任单位:",
        "主责单位:",
    ];
    // Every label starts with one of these: most positions are passed at once.
    if !matches!(f.fold[i], '牵' | '责' | '配' | '协' | '主') {
        return None;
    }
    let starts = LABELS.iter().any(|l| {
        let mut rest = f.fold[i..].iter();
        l.chars().all(|c| rest.next() == Some(&c))
    });
    if !starts {
        return None;
    }
    // To the end of the text or of its sentence (the 。 goes with it).
    let end = (i..f.len())
        .find(|&j| f.fold[j] == '。')
        .map_or(f.len(), |j| j + 1);
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles() {
        let n = |s: &str| numbering(&Folded::new(s).fold);
        assert_eq!(n("一、深化改革"), Some((Style::Cn, 2)));
        assert_eq!(n("（十二）推进"), Some((Style::ParenCn, 4)));
        assert_eq!(n("(3)推进"), Some((Style::ParenNum, 3)));
        assert_eq!(n("12．推进"), Some((Style::Num, 3)));
        assert_eq!(n("1.推进"), Some((Style::Num, 2)));
        assert_eq!(n("2020.6底前"), None);
        assert_eq!(n("③推进"), Some((Style::Circled, 1)));
        assert_eq!(n("推进"), None);
    }
}
