//! Reading an input file fgf did not write (a document, a state file): without blocking, only a
//! regular file, and only up to a limit.
//!
//! A FIFO would block `open()` until a writer came, and a device such as `/dev/zero` never ends: the
//! file is opened non-blocking, its type checked on the open descriptor (no race with a rename), and
//! anything that is not a regular file is refused before a byte is read. The bytes are read once, into
//! one buffer of the file's size.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why an input file was not read.
#[derive(Debug)]
pub enum InputError {
    /// Missing, unreadable, …: the OS error.
    Io(io::Error),
    /// A FIFO, a device, a directory, a socket: what it is.
    NotRegular(&'static str),
    /// Larger than the limit: its size.
    TooLarge(u64),
}

/// The bytes of the regular file at `path` (symlinks followed), refused when larger than `max`.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, InputError> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(InputError::Io)?.len();
    if size > max {
        return Err(InputError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow while it is read: stop one byte past the limit.
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    if bytes.len() as u64 > max {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens `path` for reading without blocking and refuses what is not a regular file.
pub fn open_regular(path: &Path) -> Result<File, InputError> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    non_blocking(&mut opts);
    let file = opts.open(path).map_err(InputError::Io)?;
    let kind = file.metadata().map_err(InputError::Io)?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(InputError::NotRegular(describe(&kind)))
    }
}

#[cfg(unix)]
fn non_blocking(opts: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    opts.custom_flags(libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn non_blocking(_: &mut OpenOptions) {}

#[cfg(unix)]
fn describe(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a plain file"
    }
}

#[cfg(not(unix))]
fn describe(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a directory"
    } else {
        "not a plain file"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_device_and_a_directory_are_refused_and_a_file_is_read() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(InputError::NotRegular("a character device"))
        ));
        assert!(matches!(
            read_regular(Path::new("/"), 10),
            Err(InputError::NotRegular("a directory"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        std::fs::write(&f, "12345").unwrap();
        assert_eq!(read_regular(&f, 5).unwrap(), b"12345");
        assert!(matches!(read_regular(&f, 4), Err(InputError::TooLarge(5))));
    }
}
