//! The report's blocks as a Word (.docx) file with real tables, written with docx-rs.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow, WidthType,
};

use super::report::Block;

/// Half-points: the title, headings, sub-headings and body text.
const SIZES: [usize; 4] = [36, 30, 26, 22];

fn para(text: &str, size: usize, bold: bool) -> Paragraph {
    let mut run = Run::new().add_text(text).size(size);
    if bold {
        run = run.bold();
    }
    Paragraph::new().add_run(run)
}

fn row(cells: &[String], numeric: &[bool], bold: bool) -> TableRow {
    TableRow::new(
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut p = para(c, SIZES[3], bold);
                if numeric.get(i).copied().unwrap_or(false) {
                    p = p.align(AlignmentType::Right);
                }
                TableCell::new().add_paragraph(p)
            })
            .collect(),
    )
}

/// The .docx file's bytes. Chinese text in 宋体 (SimSun), Latin in Times New Roman.
pub fn write(blocks: &[Block]) -> anyhow::Result<Vec<u8>> {
    let fonts = RunFonts::new()
        .east_asia("SimSun")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman");
    let mut doc = Docx::new().default_fonts(fonts);
    for b in blocks {
        doc = match b {
            Block::Title(s) => {
                doc.add_paragraph(para(s, SIZES[0], true).align(AlignmentType::Center))
            }
            Block::Heading(s) => doc.add_paragraph(para(s, SIZES[1], true)),
            Block::Sub(s) => doc.add_paragraph(para(s, SIZES[2], true)),
            Block::Para(s) => doc.add_paragraph(para(s, SIZES[3], false)),
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let mut all = vec![row(head, numeric, true)];
                all.extend(rows.iter().map(|r| row(r, numeric, false)));
                // 5000 fiftieths of a percent: the full width of the page.
                doc.add_table(Table::new(all).width(5000, WidthType::Pct))
                    .add_paragraph(Paragraph::new())
            }
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out)?;
    Ok(out.into_inner())
}
