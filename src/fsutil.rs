//! The one file writer: every file sysuser writes (`advise -o`, `import --into`,
//! the wizard's export and its session autosave) goes through [`write_atomic`].
//!
//! - A regular file (or a path that does not exist yet) is replaced atomically:
//!   a temporary file with an unpredictable name is created exclusively in the
//!   same folder (so a planted symlink or a pre-created file is never written
//!   through), with the final mode from the start, then fsynced and renamed over
//!   the target. A crash or a full disk never leaves a half-written plan.
//! - A symlink is followed: its target is replaced, the link stays a link.
//!   In a sticky world-writable folder (`/tmp`) a link is followed only if it
//!   belongs to the user or to the folder's owner, as the kernel's
//!   `protected_symlinks` does for the shell's `>`: otherwise anyone could
//!   plant `/tmp/plan.yaml -> ~victim/.profile` and have the victim's next
//!   `advise -o /tmp/plan.yaml` replace that file.
//! - Anything that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO, a
//!   terminal) is written straight through, never renamed over; so is `-`
//!   (standard output).
//!
//! Reading has its counterpart, [`read_limited`].

mod read;

pub use read::{Also, ReadFailure, io_reason, read_limited, read_stdin_limited};

use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many symlinks are followed before giving up, as the kernel does (ELOOP).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` as described in the module docs. On failure the old
/// file (if any) is left as it was and no temporary file is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        )),
        Ok(m) if !m.is_file() => write_through(path, bytes),
        Ok(m) => replace(&final_target(path)?, bytes, Some(m.permissions())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace(&final_target(path)?, bytes, None),
        Err(e) => Err(e),
    }
}

/// Whether [`write_atomic`] would write `path` in place rather than replace it:
/// standard output, a device, a FIFO. Callers use it to skip "file exists"
/// questions and backups that make no sense for such targets.
pub fn writes_through(path: &Path) -> bool {
    path.as_os_str() == "-" || fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Opens a device or FIFO for writing (following links, as the shell's `>`
/// does) and writes in place; there is nothing to rename over.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    final_target(path)?; // refuses links planted in shared folders
    let mut f = OpenOptions::new().write(true).truncate(true).open(path)?;
    f.write_all(bytes)?;
    f.flush()
}

/// The path a rename must land on: `path` itself, or for a symlink (even a
/// dangling one) the file it finally points at, so the link stays a link.
fn final_target(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                may_follow(&p, &m)?;
                let next = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Refuses a link that another user planted in a shared folder (see the
/// module docs): sticky and world-writable, and the link owned by neither
/// the folder's owner nor the user writing.
#[cfg(unix)]
fn may_follow(link: &Path, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let dir = match link.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = fs::metadata(dir)?;
    let shared = folder.mode() & 0o1002 == 0o1002;
    let owner = meta.uid();
    if shared && owner != folder.uid() && owner != rustix::process::geteuid().as_raw() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is a symbolic link another user made in a shared folder; not following it",
                link.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn may_follow(_: &Path, _: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// The atomic replacement: exclusive temporary file, final mode from the
/// start, fsync, rename, fsync the folder.
fn replace(target: &Path, bytes: &[u8], keep: Option<Permissions>) -> io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{}.", name.to_string_lossy());
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(12);
    set_creation_mode(&mut builder, keep.as_ref());
    let mut tmp = builder.tempfile_in(&dir)?;
    if let Some(perm) = keep {
        // The umask may have narrowed the mode at creation; restore the old
        // file's exact mode before any content is written.
        tmp.as_file().set_permissions(perm)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A new file gets 0666 less the umask, as any editor's would; a replaced file
/// is created with its old mode, so a 0600 plan is never readable by others.
#[cfg(unix)]
fn set_creation_mode(builder: &mut tempfile::Builder, keep: Option<&Permissions>) {
    use std::os::unix::fs::PermissionsExt;
    let mode = keep.map_or(0o666, |p| p.mode() & 0o7777);
    builder.permissions(Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_creation_mode(_: &mut tempfile::Builder, _: Option<&Permissions>) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.yaml");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(entries(dir.path()), ["plan.yaml"]);
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-folder").join("plan.yaml");
        assert!(write_atomic(&p, b"new").is_err());
        let target = dir.path().join("sub");
        fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x").is_err());
        assert!(target.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn dev_null_stays_a_character_device() {
        use std::os::unix::fs::FileTypeExt;
        let p = Path::new("/dev/null");
        assert!(writes_through(p));
        write_atomic(p, b"plan").unwrap();
        assert!(fs::metadata(p).unwrap().file_type().is_char_device());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_writes_its_target_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.yaml");
        let link = dir.path().join("link.yaml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.yaml", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(entries(dir.path()), ["link.yaml", "real.yaml"]);
    }

    #[cfg(unix)]
    #[test]
    fn private_plan_stays_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.yaml");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[cfg(unix)]
    #[test]
    fn planted_symlink_at_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "victim's").unwrap();
        let p = dir.path().join("plan.yaml");
        let old_name = dir
            .path()
            .join(format!(".plan.yaml.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old_name).unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "victim's");
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_another_user_planted_in_a_shared_folder_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let root = rustix::process::geteuid().is_root();
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("tmp");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, Permissions::from_mode(0o1777)).unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "victim's").unwrap();
        let link = shared.join("plan.yaml");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        // The user's own link is followed.
        write_atomic(&link, b"mine").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
        if !root {
            return; // Only root can give the link to another user.
        }
        std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
        let e = write_atomic(&link, b"planted").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(entries(&shared), ["plan.yaml"]);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, b"through").unwrap();
        assert_eq!(reader.join().unwrap(), "through");
        assert!(writes_through(&fifo));
    }
}
