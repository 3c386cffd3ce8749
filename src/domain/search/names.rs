//! Long forms of the document's unit names, searched like aliases: the notice prints short forms
//! (重庆银保监局), but people also type the long ones, or their pinyin initials (`yhjg`:
//! 银行保险监督管理). Place names (重庆市, 中国) are left out so that `重庆` or `^cq` do not
//! match every unit.

/// (name as printed in the document, long form of its name without the place).
pub const FULL_NAMES: &[(&str, &str)] = &[
    ("市发展改革委", "发展和改革委员会"),
    ("市商务委", "商务委员会"),
    ("市市场监管局", "市场监督管理局"),
    ("市公共资源交易监管局", "公共资源交易监督管理局"),
    ("市人力社保局", "人力资源和社会保障局"),
    ("市住房城乡建委", "住房和城乡建设委员会"),
    ("重庆市税务局", "国家税务总局"),
    ("市经济信息委", "经济和信息化委员会"),
    ("重庆银保监局", "银行保险监督管理"),
    ("市文化旅游委", "文化和旅游发展委员会"),
    ("市药监局", "药品监督管理局"),
    ("市卫生健康委", "卫生健康委员会"),
    ("市医保局", "医疗保障局"),
    ("人行重庆营管部", "人民银行营业管理部"),
    ("市政府外办", "外事办公室"),
    ("市政府口岸物流办", "口岸和物流办公室"),
    ("市教委", "教育委员会"),
];

/// The full names of a unit (none for most).
pub fn full_names(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    FULL_NAMES
        .iter()
        .filter(move |(n, _)| *n == name)
        .map(|(_, full)| *full)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_full_name_belongs_to_a_unit_of_the_embedded_document() {
        let cat = crate::domain::seeds::embedded();
        for (name, _) in super::FULL_NAMES {
            assert!(cat.unit_index(name).is_some(), "{name}");
        }
    }
}
