//! The query language: fzf's extended syntax plus fgf's field scopes.
//!
//! A query is an AND of groups; a group is an OR (`|`) of terms. A term is
//! `[!][scope][kind]text[$]` where
//! - `!` negates (and, as in fzf, makes the term exact unless `'` toggles it back),
//! - scope is `@` / `lead:` (lead units), `+` / `with:` (cooperating units), `#` (ids),
//!   `>` `>=` `<` `<=` (milestone deadlines: `>2019`, `<2020-06-30`),
//! - kind is `'` (exact; `'x'` exact at word boundaries), `^` (prefix), `$` (suffix), `^x$` (equal).
//!
//! Input typed through a Chinese input method works too: U+3000 splits terms and `！＇＾＄｜＃＠＋＞＜`
//! act like their ASCII forms. `\` escapes: `\ ` a space inside a term, `\!` (etc.) a literal operator.
//! A token that is only operators (a lone `!`) is ignored and noted, never an error.

use jiff::civil::Date;

use super::fold;

const LOWER: fold::Mode = fold::Mode {
    lower: true,
    accents: false,
};
const SAME: fold::Mode = fold::Mode {
    lower: false,
    accents: false,
};

/// How a term's text must occur in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The characters in order, gaps allowed (SkimMatcherV2).
    Fuzzy,
    /// A substring (`'text`).
    Exact,
    /// A substring at word boundaries (`'text'`).
    Boundary,
    /// The field starts with it (`^text`).
    Prefix,
    /// The field ends with it (`text$`).
    Suffix,
    /// The field is exactly it (`^text$`).
    Equal,
}

/// Inclusive bounds on a milestone deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// Which fields a term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Ids, titles, unit names, lead and cooperating units, measure texts.
    Any,
    /// Lead units (牵头) only: `@`, `lead:`.
    Lead,
    /// Cooperating units (配合) only: `+`, `with:`.
    Support,
    /// Task number or measure id: `#19` is task 19 and its measures, `#19.3` one measure.
    Id,
    /// A milestone deadline in the range: `>2019`, `<=2020-06`.
    Deadline(DateRange),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub negate: bool,
    pub scope: Scope,
    pub kind: Kind,
    /// The text to find, without operators (empty for deadline terms).
    pub text: String,
    /// Smart case: an upper-case letter in the term makes it case-sensitive.
    pub case_sensitive: bool,
    /// Whether Latin accents fold (`cafe` finds `café`): not when the term has an accent.
    pub accents: bool,
    /// An all-ASCII, lower-case term with a letter also matches Chinese by pinyin.
    pub pinyin: bool,
}

/// Terms joined by `|`: any one may match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Group {
    pub alts: Vec<Term>,
}

/// A parsed query: every group must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Group>,
    /// What was ignored or read literally, for a status line.
    pub notes: Vec<String>,
}

impl Term {
    /// How this term folds the texts it is matched against.
    pub fn mode(&self) -> fold::Mode {
        fold::Mode {
            lower: !self.case_sensitive,
            accents: self.accents,
        }
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether any term may match through pinyin keys.
    pub fn wants_pinyin(&self) -> bool {
        self.groups.iter().flat_map(|g| &g.alts).any(|t| t.pinyin)
    }
}

/// One character of a token, and whether a backslash made it literal.
type Tok = Vec<(char, bool)>;

/// Parses a query. Never fails: odd input is read literally or ignored with a note.
pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let mut pending_or = false;
    for tok in tokenize(input) {
        if is_bar(&tok) {
            if q.groups.is_empty() || pending_or {
                q.notes
                    .push("`|` needs a term on each side; ignored".into());
            }
            pending_or = !q.groups.is_empty();
            continue;
        }
        let Some(term) = parse_term(&tok, &mut q.notes) else {
            continue;
        };
        if pending_or {
            q.groups.last_mut().expect("checked").alts.push(term);
            pending_or = false;
        } else {
            q.groups.push(Group { alts: vec![term] });
        }
    }
    if pending_or {
        q.notes
            .push("`|` at the end has nothing after it; ignored".into());
    }
    q
}

fn tokenize(input: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur: Tok = Vec::new();
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) => cur.push((n, true)),
                None => cur.push(('\\', true)),
            }
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else if !c.is_control() {
            cur.push((c, false));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The ASCII form of an operator typed full-width (U+FF01..).
fn op(c: (char, bool)) -> Option<char> {
    if c.1 {
        return None;
    }
    Some(match c.0 {
        '！' => '!',
        '＇' => '\'',
        '＾' => '^',
        '＄' => '$',
        '｜' => '|',
        '＃' => '#',
        '＠' => '@',
        '＋' => '+',
        '＞' => '>',
        '＜' => '<',
        '＝' => '=',
        '：' => ':',
        c => c,
    })
}

fn is_bar(tok: &[(char, bool)]) -> bool {
    tok.len() == 1 && op(tok[0]) == Some('|')
}

fn starts_with_word(t: &[(char, bool)], word: &str) -> bool {
    let n = word.chars().count();
    t.len() > n
        && t.iter()
            .zip(word.chars())
            .all(|(&c, w)| op(c).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
}

fn parse_term(tok: &[(char, bool)], notes: &mut Vec<String>) -> Option<Term> {
    let raw: String = tok.iter().map(|c| c.0).collect();
    let mut t = tok;
    let mut negate = false;
    let mut kind = Kind::Fuzzy;
    if t.first().and_then(|&c| op(c)) == Some('!') {
        negate = true;
        kind = Kind::Exact;
        t = &t[1..];
    }
    let mut scope = Scope::Any;
    match t.first().and_then(|&c| op(c)) {
        Some('@') => (scope, t) = (Scope::Lead, &t[1..]),
        Some('+') => (scope, t) = (Scope::Support, &t[1..]),
        Some('#') => (scope, t) = (Scope::Id, &t[1..]),
        Some(c @ ('>' | '<')) => {
            let inclusive = t.get(1).and_then(|&c| op(c)) == Some('=');
            let rest = &t[if inclusive { 2 } else { 1 }..];
            let text: String = rest.iter().map(|c| c.0).collect();
            if text.is_empty() {
                notes.push(format!("`{raw}` needs a date after it; ignored"));
                return None;
            }
            if let Some(range) = deadline(c, inclusive, &text) {
                let scope = Scope::Deadline(range);
                return Some(term(negate, scope, Kind::Exact, String::new()));
            }
            notes.push(format!(
                "`{raw}`: not a date (2019, 2019-12, 2019-12-31); matched as text"
            ));
        }
        _ if starts_with_word(t, "lead:") || starts_with_word(t, "lead：") => {
            (scope, t) = (Scope::Lead, &t[5..]);
        }
        _ if starts_with_word(t, "with:") || starts_with_word(t, "with：") => {
            (scope, t) = (Scope::Support, &t[5..]);
        }
        _ => {}
    }
    // The rest is read exactly as fzf 0.74 reads it (pattern.go, parseTerms): `$` at the end,
    // then `'…'` (at word boundaries, negated or not), else a leading `'` (exact, or fuzzy
    // again after `!`, dropping a `$`), else a leading `^`.
    let is = |c: Option<&(char, bool)>, want: char| c.and_then(|&c| op(c)) == Some(want);
    if !(t.len() == 1 && is(t.first(), '$')) && is(t.last(), '$') {
        kind = Kind::Suffix;
        t = &t[..t.len() - 1];
    }
    if t.len() >= 3 && is(t.first(), '\'') && is(t.last(), '\'') {
        kind = Kind::Boundary;
        t = &t[1..t.len() - 1];
    } else if is(t.first(), '\'') {
        kind = if negate { Kind::Fuzzy } else { Kind::Exact };
        t = &t[1..];
    } else if is(t.first(), '^') {
        kind = if kind == Kind::Suffix {
            Kind::Equal
        } else {
            Kind::Prefix
        };
        t = &t[1..];
    }
    let text: String = t.iter().map(|c| c.0).collect();
    if text.is_empty() {
        notes.push(format!("`{raw}` has no text to match; ignored"));
        return None;
    }
    Some(term(negate, scope, kind, text))
}

fn term(negate: bool, scope: Scope, kind: Kind, text: String) -> Term {
    // Smart case as fzf's: any upper-case letter (Ａ, Д, É too) makes the term case-sensitive.
    let case_sensitive = text
        .chars()
        .any(|c| fold::char(c, LOWER) != fold::char(c, SAME));
    // An accented letter asks for that accent (fzf: no normalisation for such a term).
    let accents = !text.chars().any(|c| fold::has_accent(fold::char(c, LOWER)));
    // A capital asks for that exact case, so it is read as Latin text, not as pinyin.
    let pinyin = matches!(scope, Scope::Any | Scope::Lead | Scope::Support)
        && !case_sensitive
        && text.bytes().all(|b| b.is_ascii_graphic())
        && text.chars().any(|c| c.is_ascii_alphabetic());
    Term {
        negate,
        scope,
        kind,
        text,
        case_sensitive,
        accents,
        pinyin,
    }
}

/// `>2019` is after 2019-12-31; `>=2019` from 2019-01-01; `<2020-06` before 2020-06-01; `<=2020` to 2020-12-31.
fn deadline(op: char, inclusive: bool, text: &str) -> Option<DateRange> {
    let (first, last) = period(text)?;
    let range = match (op, inclusive) {
        ('>', false) => DateRange {
            from: last.tomorrow().ok(),
            to: None,
        },
        ('>', true) => DateRange {
            from: Some(first),
            to: None,
        },
        ('<', false) => DateRange {
            from: None,
            to: first.yesterday().ok(),
        },
        _ => DateRange {
            from: None,
            to: Some(last),
        },
    };
    Some(range)
}

/// The first and last day of `2019`, `2019-06` or `2019-06-30` (also `2019/6/30`, `2019.6`).
fn period(text: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let num = |s: &str| -> Option<i16> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = num(parts[0]).filter(|y| parts[0].len() == 4 && *y >= 1000)?;
    match parts[1..] {
        [] => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        [m] => {
            let first = Date::new(year, i8::try_from(num(m)?).ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [m, d] => {
            let day = Date::new(
                year,
                i8::try_from(num(m)?).ok()?,
                i8::try_from(num(d)?).ok()?,
            )
            .ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
