//! Folding a line for recognition only: traditional forms of the words an allocation uses, and
//! full-width digits and punctuation, each to one simplified / ASCII character. One character
//! maps to one, so a position in the folded line is the same position in the line as written
//! (names and texts are kept as the notice writes them).

/// Traditional -> simplified, for the characters of role words, numbering and deadlines.
const TRAD: &[(char, char)] = &[
    ('牽', '牵'),
    ('頭', '头'),
    ('負', '负'),
    ('責', '责'),
    ('單', '单'),
    ('職', '职'),
    ('協', '协'),
    ('參', '参'),
    ('與', '与'),
    ('時', '时'),
    ('間', '间'),
    ('節', '节'),
    ('點', '点'),
    ('項', '项'),
    ('務', '务'),
    ('領', '领'),
    ('導', '导'),
    ('長', '长'),
    ('堅', '坚'),
    ('進', '进'),
    ('續', '续'),
    ('關', '关'),
    ('門', '门'),
    ('區', '区'),
    ('縣', '县'),
    ('辦', '办'),
    ('發', '发'),
    ('會', '会'),
    ('實', '实'),
    ('現', '现'),
    ('統', '统'),
    ('應', '应'),
    ('級', '级'),
    ('處', '处'),
    ('號', '号'),
    ('規', '规'),
    ('據', '据'),
    ('協', '协'),
    ('議', '议'),
    ('開', '开'),
    ('展', '展'),
    ('組', '组'),
    ('織', '织'),
    ('門', '门'),
    ('構', '构'),
    ('機', '机'),
    ('盡', '尽'),
    ('將', '将'),
    ('個', '个'),
    ('們', '们'),
    ('為', '为'),
    ('於', '于'),
    ('屆', '届'),
    ('歲', '岁'),
    ('態', '态'),
    ('週', '周'),
    ('際', '际'),
    ('獨', '独'),
    ('達', '达'),
    ('報', '报'),
    ('農', '农'),
    ('業', '业'),
    ('財', '财'),
    ('稅', '税'),
    ('衛', '卫'),
    ('廳', '厅'),
    ('記', '记'),
    ('準', '准'),
    ('確', '确'),
    ('內', '内'),
    ('戶', '户'),
    ('團', '团'),
    ('傳', '传'),
    ('經', '经'),
    ('濟', '济'),
    ('資', '资'),
    ('書', '书'),
    ('條', '条'),
    ('陸', '陆'),
    ('員', '员'),
    ('專', '专'),
    ('總', '总'),
    ('強', '强'),
    ('劃', '划'),
    ('設', '设'),
    ('營', '营'),
    ('產', '产'),
    ('電', '电'),
    ('車', '车'),
    ('環', '环'),
    ('監', '监'),
    ('據', '据'),
    ('權', '权'),
    ('輔', '辅'),
    ('請', '请'),
];

/// `TRAD` sorted, for a binary search (every character of a notice is folded, some several
/// times).
fn sorted() -> &'static [(char, char)] {
    static SORTED: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v = TRAD.to_vec();
        v.sort_unstable();
        v.dedup_by_key(|(t, _)| *t);
        v
    })
}

/// The character as recognition sees it.
pub fn fold_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '：' => ':',
        '；' => ';',
        '，' => ',',
        '（' => '(',
        '）' => ')',
        '〔' | '［' | '【' | '[' => '[',
        '〕' | '］' | '】' | ']' => ']',
        '\u{3000}' => ' ',
        '○' | '〇' | 'Ｏ' => '〇',
        _ if c < '\u{4e00}' => c,
        _ => {
            let table = sorted();
            table
                .binary_search_by_key(&c, |(t, _)| *t)
                .map_or(c, |i| table[i].1)
        }
    }
}

/// A line as written and as folded, character by character.
#[derive(Debug, Clone)]
pub struct Folded {
    pub orig: Vec<char>,
    pub fold: Vec<char>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let orig: Vec<char> = s.chars().collect();
        let fold = orig.iter().map(|&c| fold_char(c)).collect();
        Folded { orig, fold }
    }

    pub fn len(&self) -> usize {
        self.orig.len()
    }

    pub fn is_empty(&self) -> bool {
        self.orig.is_empty()
    }

    /// The text as written between two character positions.
    pub fn text(&self, from: usize, to: usize) -> String {
        self.orig[from.min(to)..to.min(self.orig.len())]
            .iter()
            .collect()
    }

    /// Where the folded text holds `needle`, from `from`.
    pub fn find(&self, needle: &str, from: usize) -> Option<usize> {
        let n: Vec<char> = needle.chars().collect();
        if n.is_empty() || self.fold.len() < n.len() {
            return None;
        }
        (from..=self.fold.len() - n.len()).find(|&i| self.fold[i..i + n.len()] == n[..])
    }

    pub fn folded_str(&self) -> String {
        self.fold.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_positions() {
        let f = Folded::new("（市政府辦公室牽頭，各區縣按職責分工負責）");
        assert_eq!(f.orig.len(), f.fold.len());
        assert_eq!(f.folded_str(), "(市政府办公室牵头,各区县按职责分工负责)");
        let at = f.find("牵头", 0).unwrap();
        assert_eq!(f.text(1, at), "市政府辦公室");
    }
}
