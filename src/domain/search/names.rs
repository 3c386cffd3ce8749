//! Units' official names as the search engine indexes them: the document gives them
//! (`official.name`: 重庆市发展和改革委员会), people type them or their pinyin initials, but
//! without the country or the issuer's place that begins them, so that `重庆` or `^cq` do not match
//! every unit.

/// The issuer's place: its name up to 省, 市 or 自治区 (重庆市人民政府办公厅 -> 重庆市), if any.
pub fn place_of(issuer: &str) -> Option<String> {
    let head: String = issuer.chars().take(8).collect();
    let end = ["自治区", "省", "市"]
        .iter()
        .filter_map(|end| head.find(end).map(|i| i + end.len()))
        .min()?;
    Some(head[..end].to_string())
}

/// An official name without the country and the place it starts with (`place`: 重庆市, which
/// also strips a bare 重庆): 重庆市发展和改革委员会 -> 发展和改革委员会, 重庆两江新区管理委员会 ->
/// 两江新区管理委员会, 中国人民银行重庆营业管理部 -> 人民银行重庆营业管理部.
pub fn place_less(official: &str, place: Option<&str>) -> String {
    let mut s = official;
    for country in ["中华人民共和国", "中国"] {
        if let Some(rest) = s.strip_prefix(country) {
            s = rest;
            break;
        }
    }
    if let Some(place) = place {
        let bare = ["自治区", "省", "市"]
            .iter()
            .find_map(|end| place.strip_suffix(end))
            .unwrap_or(place);
        // The whole place (重庆市), else the bare name (重庆) unless that leaves the place's own
        // 市 behind; never the whole name.
        let long_enough = |r: &&str| r.chars().count() >= 2;
        if let Some(rest) = s.strip_prefix(place).filter(long_enough) {
            s = rest;
        } else if let Some(rest) = s
            .strip_prefix(bare)
            .filter(|r| long_enough(r) && !r.starts_with(['市', '省']))
        {
            s = rest;
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::{place_less, place_of};

    #[test]
    fn the_country_and_the_issuers_place_are_left_out() {
        let cq = place_of("重庆市人民政府办公厅");
        assert_eq!(cq.as_deref(), Some("重庆市"));
        let cq = cq.as_deref();
        assert_eq!(place_less("重庆市发展和改革委员会", cq), "发展和改革委员会");
        assert_eq!(
            place_less("重庆两江新区管理委员会", cq),
            "两江新区管理委员会"
        );
        assert_eq!(
            place_less("中国人民银行重庆营业管理部", cq),
            "人民银行重庆营业管理部"
        );
        assert_eq!(
            place_less("国家税务总局重庆市税务局", cq),
            "国家税务总局重庆市税务局"
        );
        assert_eq!(place_less("重庆市", cq), "重庆市", "never emptied");
        assert_eq!(place_of("国务院办公厅"), None);
        assert_eq!(
            place_less("四川省人民政府办公厅", None),
            "四川省人民政府办公厅"
        );
    }

    /// The embedded document's official names reach the index without 重庆 at their start.
    #[test]
    fn no_embedded_official_name_keeps_chongqing_at_its_start() {
        let cat = crate::domain::seeds::embedded();
        let place = place_of(&cat.doc.issuer);
        let names: Vec<String> = cat
            .doc
            .units
            .iter()
            .filter_map(|u| u.official.as_ref())
            .map(|o| place_less(&o.name, place.as_deref()))
            .collect();
        assert!(names.len() >= 30, "{names:?}");
        assert!(names.iter().all(|n| !n.starts_with("重庆")), "{names:?}");
    }
}
