//! What can go wrong reading gold and predictions: always a file, and a line
//! when the fault is in one.

use std::fmt;
use std::path::{Path, PathBuf};

/// A bad or unreadable input file.
#[derive(Debug, thiserror::Error)]
pub struct Error {
    /// The file at fault.
    pub path: PathBuf,
    /// The 1-based line at fault, when the fault is in one line.
    pub line: Option<u64>,
    /// What is wrong, in words.
    pub message: String,
}

impl Error {
    pub(crate) fn at(path: &Path, line: Option<u64>, message: impl Into<String>) -> Error {
        Error {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}
