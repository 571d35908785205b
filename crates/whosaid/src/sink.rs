//! Where the rows go: standard output, or a file that is written whole or not
//! at all, and can be resumed after an interruption.
//!
//! `-o FILE` writes to `FILE.partial` beside it and renames that to `FILE`
//! only when the run is complete, so a run that is killed never leaves a
//! truncated `FILE` that looks complete. At every batch boundary the sink
//! flushes the partial file to disk and then records a checkpoint in
//! `FILE.partial.checkpoint` (itself written to a temporary file and renamed):
//! how many input records are done, how many bytes of output they made, and
//! the run's totals so far. `--resume` cuts the partial file back to the
//! checkpoint's length (dropping whatever was written after it), and the
//! pipeline skips that many records, so the resumed run ends with exactly the
//! bytes an uninterrupted run would have written.
//!
//! The checkpoint also keeps a description of the run's options and inputs; a
//! resume with different ones is refused, as its output would be a mixture.
//!
//! A `FILE` that already exists and is not a regular file (`/dev/null`, a
//! named pipe, a terminal) is written directly: renaming a partial file onto
//! it would replace the device or pipe with a regular file, for every other
//! program on the machine. Such output cannot be resumed. A symbolic link is
//! followed, so the partial file is made beside the file it points to and
//! the link stays a link.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Stdout, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// How far a run has got: the totals a checkpoint keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Input records consumed: articles, and bad records skipped.
    pub records: u64,
    pub articles: u64,
    pub bad: u64,
    pub attributions: u64,
    /// Attributions with a canonical speaker.
    pub named: u64,
    /// Bytes of article text analysed.
    pub text_bytes: u64,
}

#[derive(Serialize, Deserialize)]
struct Checkpoint {
    /// What the run was asked to do; a resume must ask the same.
    run: String,
    /// Bytes of the partial file that hold complete output for `progress`.
    output_bytes: u64,
    progress: Progress,
}

pub struct Sink {
    target: Target,
    /// Bytes written so far, committed or not.
    written: u64,
}

enum Target {
    Stdout(BufWriter<Stdout>),
    File(OutputFile),
    /// A device or pipe, written directly; `PathBuf` names it in errors.
    Stream(BufWriter<File>, PathBuf),
}

struct OutputFile {
    writer: BufWriter<File>,
    path: PathBuf,
    partial: PathBuf,
    checkpoint: PathBuf,
    run: String,
}

const BUFFER: usize = 1 << 16;

impl Sink {
    pub fn stdout() -> Sink {
        Sink {
            target: Target::Stdout(BufWriter::with_capacity(BUFFER, io::stdout())),
            written: 0,
        }
    }

    /// Output to `path`, through `path.partial`. `run` describes the run's
    /// options and inputs. With `resume`, continues the partial file of an
    /// interrupted run of the same `run` and returns its progress; without, or
    /// when there is nothing to resume, starts afresh and returns `None`.
    pub fn file(path: &Path, run: String, resume: bool) -> Result<(Sink, Option<Progress>)> {
        let path = match fs::metadata(path) {
            Ok(existing) if !existing.is_file() && !existing.is_dir() => {
                return Sink::stream(path, resume).map(|sink| (sink, None))
            }
            // Through a symbolic link to the file it names (see the module docs).
            Ok(_) => fs::canonicalize(path).with_context(|| format!("{}", path.display()))?,
            Err(_) => path.to_path_buf(),
        };
        let path = path.as_path();
        let partial = with_suffix(path, ".partial");
        let checkpoint = with_suffix(path, ".partial.checkpoint");
        let saved = match fs::read(&checkpoint) {
            Ok(bytes) => Some(
                serde_json::from_slice::<Checkpoint>(&bytes)
                    .with_context(|| format!("{}: unreadable checkpoint", checkpoint.display()))?,
            ),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).context(format!("{}", checkpoint.display())),
        };
        let resumed = match saved {
            Some(saved) if resume => {
                if saved.run != run {
                    bail!(
                        "{} was written by a run with other options or inputs; \
                         rerun without --resume to start afresh",
                        partial.display()
                    );
                }
                Some(saved)
            }
            Some(_) => {
                eprintln!(
                    "whosaid: discarding {}, the partial output of an interrupted run \
                     (--resume continues it)",
                    partial.display()
                );
                None
            }
            None if resume => {
                eprintln!(
                    "whosaid: no interrupted run to resume for {}; starting from the beginning",
                    path.display()
                );
                None
            }
            None => None,
        };
        let open = |e: io::Error| anyhow::Error::new(e).context(format!("{}", partial.display()));
        let (file, written, progress) = match resumed {
            Some(saved) => {
                let mut file = OpenOptions::new()
                    .write(true)
                    .open(&partial)
                    .map_err(open)?;
                let length = file.metadata().map_err(open)?.len();
                if length < saved.output_bytes {
                    bail!(
                        "{} is shorter than its checkpoint says ({length} < {} bytes); \
                         rerun without --resume",
                        partial.display(),
                        saved.output_bytes
                    );
                }
                file.set_len(saved.output_bytes).map_err(open)?;
                file.seek(SeekFrom::End(0)).map_err(open)?;
                (file, saved.output_bytes, Some(saved.progress))
            }
            None => (File::create(&partial).map_err(open)?, 0, None),
        };
        let target = Target::File(OutputFile {
            writer: BufWriter::with_capacity(BUFFER, file),
            path: path.to_path_buf(),
            partial,
            checkpoint,
            run,
        });
        Ok((Sink { target, written }, progress))
    }

    /// Output straight to the device or pipe at `path`.
    fn stream(path: &Path, resume: bool) -> Result<Sink> {
        if resume {
            bail!(
                "--resume needs a regular output file; {} is a device or pipe",
                path.display()
            );
        }
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("{}", path.display()))?;
        Ok(Sink {
            target: Target::Stream(BufWriter::with_capacity(BUFFER, file), path.to_path_buf()),
            written: 0,
        })
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        match &mut self.target {
            Target::Stdout(out) => out.write_all(bytes).context("writing to standard output")?,
            Target::File(file) => file
                .writer
                .write_all(bytes)
                .with_context(|| format!("writing {}", file.partial.display()))?,
            Target::Stream(out, path) => out
                .write_all(bytes)
                .with_context(|| format!("writing {}", path.display()))?,
        }
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Makes everything written so far durable, as the output of `progress`.
    pub fn commit(&mut self, progress: &Progress) -> Result<()> {
        match &mut self.target {
            Target::Stdout(out) => out.flush().context("writing to standard output"),
            Target::File(file) => file.commit(self.written, progress),
            Target::Stream(out, path) => out
                .flush()
                .with_context(|| format!("writing {}", path.display())),
        }
    }

    /// Commits and, for a file, puts it in place.
    pub fn finish(mut self, progress: &Progress) -> Result<()> {
        self.commit(progress)?;
        if let Target::File(file) = self.target {
            drop(file.writer);
            fs::rename(&file.partial, &file.path).with_context(|| {
                format!(
                    "renaming {} to {}",
                    file.partial.display(),
                    file.path.display()
                )
            })?;
            // The output is complete: the checkpoint has nothing left to say.
            let _ = fs::remove_file(&file.checkpoint);
        }
        Ok(())
    }

    /// The partial file an interrupted run leaves, if output goes to a file.
    pub fn partial_path(&self) -> Option<&Path> {
        match &self.target {
            Target::Stdout(_) | Target::Stream(..) => None,
            Target::File(file) => Some(&file.partial),
        }
    }
}

impl OutputFile {
    fn commit(&mut self, written: u64, progress: &Progress) -> Result<()> {
        let context = || format!("writing {}", self.partial.display());
        self.writer.flush().with_context(context)?;
        // The rows must be on disk before the checkpoint that vouches for them.
        self.writer.get_ref().sync_data().with_context(context)?;
        let checkpoint = Checkpoint {
            run: self.run.clone(),
            output_bytes: written,
            progress: progress.clone(),
        };
        let temporary = with_suffix(&self.checkpoint, ".tmp");
        let json = serde_json::to_vec(&checkpoint)?;
        fs::write(&temporary, json)
            .and_then(|()| fs::rename(&temporary, &self.checkpoint))
            .with_context(|| format!("writing {}", self.checkpoint.display()))
    }
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
