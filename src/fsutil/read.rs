//! The one file reader: plans, client lists and Altinn's saved answers are all
//! read through [`read_limited`], so that no file (`/dev/zero`, a FIFO
//! nobody writes to, a terminal, a 10 GB log) can make a command read forever,
//! block, or run out of memory. Callers word the [`ReadFailure`] for their file.

use std::io::{self, Read};
use std::path::Path;

/// What a caller reads besides regular files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Also {
    /// Regular files only.
    Nothing,
    /// FIFOs too (`import <(xlsx2csv …)`), through the same limit.
    Fifo,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadFailure {
    /// Looking at, opening or reading it failed.
    Io(io::Error),
    Directory,
    /// A FIFO, a device or a socket, in words ("a FIFO (named pipe)").
    NotRegular(&'static str),
    /// Larger than the limit: its size, or the bytes read before giving up.
    TooBig {
        bytes: u64,
        limit: u64,
    },
}

impl std::fmt::Display for ReadFailure {
    /// The reason in plain words, for "cannot read FILE: …".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadFailure::Io(e) => f.write_str(&io_reason(e)),
            ReadFailure::Directory => f.write_str("it is a directory"),
            ReadFailure::NotRegular(what) => write!(f, "it is {what}"),
            ReadFailure::TooBig { limit, .. } => {
                write!(f, "it is over {} MiB", limit.div_ceil(1024 * 1024))
            }
        }
    }
}

/// The bytes of `path`, at most `limit` of them. Only regular files (and
/// FIFOs when `also` says so) are read; what was opened is judged again, in
/// case the path was replaced after it was looked at.
pub fn read_limited(path: &Path, limit: u64, also: Also) -> Result<Vec<u8>, ReadFailure> {
    let meta = std::fs::metadata(path).map_err(ReadFailure::Io)?;
    judge(&meta, also)?;
    if meta.is_file() && meta.len() > limit {
        return Err(ReadFailure::TooBig {
            bytes: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(ReadFailure::Io)?;
    if let Ok(opened) = file.metadata() {
        judge(&opened, also)?;
    }
    let capacity = if meta.is_file() { meta.len() } else { 0 };
    take(file, limit, capacity)
}

/// Standard input, at most `limit` bytes.
pub fn read_stdin_limited(limit: u64) -> Result<Vec<u8>, ReadFailure> {
    take(io::stdin().lock(), limit, 0)
}

/// How an I/O failure reads in a message: the common ones in plain words.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn take(from: impl Read, limit: u64, capacity: u64) -> Result<Vec<u8>, ReadFailure> {
    let mut bytes = Vec::with_capacity(usize::try_from(capacity.min(limit)).unwrap_or(0));
    from.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooBig {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn judge(meta: &std::fs::Metadata, also: Also) -> Result<(), ReadFailure> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(ReadFailure::Directory);
    }
    let kind = special_kind(&meta.file_type());
    if also == Also::Fifo && kind == Some(FIFO) {
        return Ok(());
    }
    Err(ReadFailure::NotRegular(
        kind.unwrap_or("not a regular file"),
    ))
}

const FIFO: &str = "a FIFO (named pipe)";

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Some(FIFO)
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> Option<&'static str> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_limited(&path, 5, Also::Nothing).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&path, 4, Also::Nothing),
            Err(ReadFailure::TooBig { bytes: 5, limit: 4 })
        ));
    }

    #[test]
    fn devices_and_folders_are_refused_before_reading() {
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 1 << 30, Also::Fifo),
            Err(ReadFailure::NotRegular("a device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_limited(dir.path(), 10, Also::Nothing),
            Err(ReadFailure::Directory)
        ));
        assert!(matches!(
            read_limited(&dir.path().join("missing"), 10, Also::Nothing),
            Err(ReadFailure::Io(e)) if io_reason(&e) == "no such file"
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_unless_asked_for_and_then_limited() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        assert!(matches!(
            read_limited(&fifo, 10, Also::Nothing),
            Err(ReadFailure::NotRegular(FIFO))
        ));
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let _ = std::fs::write(&fifo, vec![b'x'; 100]);
            })
        };
        assert!(matches!(
            read_limited(&fifo, 10, Also::Fifo),
            Err(ReadFailure::TooBig {
                bytes: 11,
                limit: 10
            })
        ));
        writer.join().unwrap();
    }
}
