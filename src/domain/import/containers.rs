//! Reading the containers: a .docx's paragraphs and tables (zip + quick-xml), a .xlsx's sheets
//! (calamine), a .csv's rows (csv). Each with a limit on what it unpacks.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::decode::{clean, decode};

/// Rows of a table, numbered from 1 as the source counts them.
pub type Rows = Vec<(usize, Vec<String>)>;

/// Numbered lines of text.
pub type Lines = Vec<(usize, String)>;

/// The most a container may unpack (a zip bomb stops here).
const MAX_UNPACKED: u64 = 64 << 20;

/// A .docx's paragraphs (outside tables) as numbered lines, and its tables.
pub fn docx(bytes: &[u8]) -> Result<(Lines, Vec<Rows>), String> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a .docx (zip): {e}"))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| format!("not a .docx (no word/document.xml): {e}"))?
        .take(MAX_UNPACKED)
        .read_to_string(&mut xml)
        .map_err(|e| format!("word/document.xml unreadable: {e}"))?;
    let mut reader = Reader::from_str(&xml);
    let (mut paras, mut tables) = (Vec::new(), Vec::new());
    let mut para = String::new();
    let mut cell: Option<String> = None;
    let mut row: Option<Vec<String>> = None;
    let mut table: Vec<Rows> = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!(
                    "word/document.xml at byte {}: {e}",
                    reader.error_position()
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tbl" => table.push(Vec::new()),
                "tr" => row = Some(Vec::new()),
                "tc" => cell = Some(String::new()),
                "p" => para.clear(),
                _ => {}
            },
            Ok(Event::Empty(e)) => {
                if matches!(e.local_name().as_ref(), "tab" | "br") {
                    para.push(' ');
                }
            }
            Ok(Event::Text(t)) if in_text => {
                let text = t.xml10_content();
                para.push_str(&text);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    let name = r.borrow().into_inner();
                    para.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let p = clean(&std::mem::take(&mut para));
                    match cell.as_mut() {
                        Some(c) => {
                            if !c.is_empty() {
                                c.push('\n');
                            }
                            c.push_str(&p);
                        }
                        None => paras.push((paras.len() + 1, p)),
                    }
                }
                "tc" => {
                    if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                        r.push(c);
                    }
                }
                "tr" => {
                    if let (Some(t), Some(r)) = (table.last_mut(), row.take()) {
                        let n = t.len() + 1;
                        t.push((n, r));
                    }
                }
                "tbl" => tables.extend(table.pop()),
                _ => {}
            },
            Ok(_) => {}
        }
    }
    Ok((paras, tables))
}

/// Every sheet of a .xlsx (or .xls / .ods) as rows.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Rows>, String> {
    use calamine::Reader as _;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("not a spreadsheet: {e}"))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("sheet {name:?}: {e}"))?;
        let (first, _) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| {
                (
                    first as usize + i + 1,
                    r.iter().map(|c| clean(&c.to_string())).collect(),
                )
            })
            .collect();
        out.push(rows);
    }
    Ok(out)
}

/// The rows of a .csv in UTF-8 or GB18030.
pub fn csv(bytes: &[u8]) -> Result<Rows, String> {
    let (text, _) = decode(bytes);
    let mut r = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| format!("CSV: {e}"))?;
        let line = rec.position().map_or(out.len() + 1, |p| p.line() as usize);
        out.push((line, rec.iter().map(clean).collect()));
    }
    Ok(out)
}
