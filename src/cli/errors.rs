//! A failed command's error in the run's language: the core's errors (`StoreError`, `LoadError`)
//! are written here in Chinese; the system's and the JSON parser's own words stay as they are.

use std::io;

use super::lang::{Lang, get};
use crate::domain::{LoadError, StoreError};

/// `e` for people, in the run's language.
pub fn text(e: &anyhow::Error) -> String {
    let en = get() == Lang::En;
    // Their own text names the cause already: not again as anyhow's chain.
    if let Some(e) = e.downcast_ref::<StoreError>() {
        return if en { e.to_string() } else { store(e) };
    }
    if let Some(e) = e.downcast_ref::<LoadError>() {
        return if en { e.to_string() } else { load(e) };
    }
    format!("{e:#}")
}

fn store(e: &StoreError) -> String {
    match e {
        StoreError::Malformed {
            path,
            line,
            column,
            field,
            message,
        } => format!(
            "{}：第 {line} 行第 {column} 列，{}：{}（状态文件未改动）",
            path.display(),
            if field == "(top level)" {
                "（顶层）"
            } else {
                field
            },
            crate::domain::lang::json_message(message, crate::domain::Lang::Zh)
        ),
        StoreError::WrongDocument {
            path,
            expected,
            found,
        } => format!(
            "{}：这个状态文件属于文档 {found:?}，不是 {expected:?}（状态文件未改动）",
            path.display()
        ),
        StoreError::Missing { path } => format!("{}：文件不存在", path.display()),
        StoreError::NotRegular { path, kind } => format!(
            "{}：状态文件不是普通文件（{}）；不予读取（状态文件未改动）",
            path.display(),
            kind_text(kind)
        ),
        StoreError::TooLarge { path, size } => format!(
            "{}：状态文件有 {size} 字节，超过 fgf 的上限 {} 字节；不予读取（状态文件未改动）",
            path.display(),
            crate::domain::store::MAX_BYTES
        ),
        StoreError::ReadOnly { path, why } => {
            let why = why
                .replace("mode", "权限")
                .replace("no write permission for this user", "当前用户没有写权限");
            format!(
                "{}：状态文件只读（{why}）；未写入（改为可写才能保存勾选）",
                path.display()
            )
        }
        StoreError::Read { path, err } => {
            format!("读不了状态文件 {}：{}", path.display(), io_text(err))
        }
        StoreError::CreateDir { path, err } => {
            format!("建不了状态目录 {}：{}", path.display(), io_text(err))
        }
        StoreError::Write { path, err } => {
            format!("写不了状态文件 {}：{}", path.display(), io_text(err))
        }
        StoreError::Lock { path, err } => format!(
            "在状态文件旁建不了或锁不住 {}：{}",
            path.display(),
            io_text(err)
        ),
        StoreError::NoDataDir => {
            "没有主目录可放状态文件：请设置 FGF_STATE 或用 --state PATH".to_string()
        }
        // A variant added later speaks English until it is written here.
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn load(e: &LoadError) -> String {
    match e {
        LoadError::Io { path, source } => {
            format!("读不了文档 {}：{}", path.display(), io_text(source))
        }
        LoadError::TooLarge { path, size } => format!(
            "文档 {} 有 {size} 字节，超过 fgf 的上限 256 MiB；不予读取",
            path.display()
        ),
        LoadError::NotRegular { path, kind } => format!(
            "文档 {} 不是普通文件（{}）；不予读取",
            path.display(),
            kind_text(kind)
        ),
        LoadError::Invalid { path, findings } => {
            let mut out = format!(
                "{} 不是有效的 fgf 文档（{} 处问题）：",
                path.display(),
                findings.len()
            );
            for f in findings {
                let f = f.text_in(Lang::Zh);
                out.push_str(&format!("\n  {}:{f}", path.display()));
            }
            out
        }
    }
}

/// What a file that is not a plain file is (`domain::input`'s words), in Chinese.
fn kind_text(kind: &str) -> &str {
    match kind {
        "a directory" => "是目录",
        "a FIFO (named pipe)" => "是命名管道 FIFO",
        "a character device" => "是字符设备",
        "a block device" => "是块设备",
        "a socket" => "是套接字",
        _ => "不是普通文件",
    }
}

/// The commonest system errors in Chinese; others in the system's own words.
fn io_text(e: &io::Error) -> String {
    let zh = match e.kind() {
        io::ErrorKind::NotFound => "不存在",
        io::ErrorKind::PermissionDenied => "没有权限",
        io::ErrorKind::IsADirectory => "是目录，不是文件",
        io::ErrorKind::NotADirectory => "路径中有一段不是目录",
        io::ErrorKind::AlreadyExists => "已存在",
        io::ErrorKind::StorageFull => "磁盘已满",
        io::ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        _ => return e.to_string(),
    };
    zh.to_string()
}

/// A note of the query parser in the run's language (see `domain::lang::query_note`).
pub fn query_note(note: &str) -> String {
    crate::domain::lang::query_note(note, get())
}
