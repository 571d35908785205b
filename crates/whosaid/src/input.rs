//! Article readers: plain-text files, JSON Lines and CSV, plain or compressed
//! (`.gz`, `.zst`), from files, directories or standard input.
//!
//! [`Articles`] streams the articles of a list of inputs one at a time, in
//! input order, so a corpus of any size is read in bounded memory. Every item
//! is a `Result`: a bad record (a malformed JSON line, a missing text field,
//! invalid UTF-8) is an [`InputError`] naming the file and line, and the reader
//! carries on after it; the caller decides whether to stop or skip. An error
//! that leaves the rest of a file unreadable (it cannot be opened, a compressed
//! stream is truncated) is [`InputError::fatal`], and the reader moves on to the
//! next input.
//!
//! | input | articles | id |
//! | --- | --- | --- |
//! | `a.txt` (or any unknown extension) | the whole file | the path as given |
//! | `a.jsonl`, `a.ndjson` | one JSON object a line | the id field, else `FILE:LINE` |
//! | `a.csv` | one record a row, with a header row | the id column, else `FILE:LINE` |
//! | `dir/` | every file of a known extension below it, sorted by name | as above, with the path joined to `dir/` |
//! | `-` | JSON Lines from standard input | the id field, else `stdin:LINE` |
//!
//! Any of these files may be compressed: `a.jsonl.gz`, `a.txt.zst`.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

/// One article: its id and its text, taken as it comes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// The file it came from, as given (`stdin` for standard input).
    pub source: Arc<str>,
    /// Its line in that file (JSONL and CSV).
    pub line: Option<u64>,
}

/// A record that could not be read, or a file that could not be read on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file, as given (`stdin` for standard input).
    pub source: Arc<str>,
    /// The record's line, when the error is about one record.
    pub line: Option<u64>,
    /// The article's id, when it could be read.
    pub id: Option<String>,
    pub message: String,
    /// Whether the rest of the file is lost (the reader goes on with the next
    /// input), rather than just this record.
    pub fatal: bool,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (article {id})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for InputError {}

/// Which fields hold an article's id and text in JSONL and CSV input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
        }
    }
}

/// How a file holds its articles, judged by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The format and compression a file name says, or `None` for an extension
/// whosaid does not know (read as plain text when named on the command line,
/// passed over inside a directory).
pub fn detect(path: &Path) -> (Option<Format>, Compression) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (stem, compression) = if let Some(stem) = name.strip_suffix(".gz") {
        (stem, Compression::Gzip)
    } else if let Some(stem) = name.strip_suffix(".zst") {
        (stem, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let format = match stem.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt") => Some(Format::Text),
        Some("jsonl" | "ndjson") => Some(Format::JsonLines),
        Some("csv") => Some(Format::Csv),
        _ => None,
    };
    (format, compression)
}

/// One command-line input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// `-`: JSON Lines on standard input.
    Stdin,
    /// A file or a directory.
    Path(PathBuf),
}

impl Input {
    pub fn new(arg: impl Into<PathBuf>) -> Input {
        let path = arg.into();
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(path)
        }
    }
}

/// The articles of a list of inputs, in order. See the [module docs](self).
pub struct Articles {
    fields: Arc<Fields>,
    /// Inputs not yet started.
    pending: VecDeque<Input>,
    /// The directories being walked: each one's remaining entries, sorted.
    walk: Vec<std::vec::IntoIter<PathBuf>>,
    current: Option<Source>,
}

impl Articles {
    pub fn new(inputs: impl IntoIterator<Item = Input>, fields: Fields) -> Articles {
        Articles {
            fields: Arc::new(fields),
            pending: inputs.into_iter().collect(),
            walk: Vec::new(),
            current: None,
        }
    }

    /// The next file to read: the next entry of the directory being walked,
    /// else the next input. Directory entries of unknown kinds are passed over.
    fn next_source(&mut self) -> Option<Result<Source, InputError>> {
        loop {
            if let Some(entries) = self.walk.last_mut() {
                let Some(path) = entries.next() else {
                    self.walk.pop();
                    continue;
                };
                if path.is_dir() {
                    if let Err(e) = self.enter(&path) {
                        return Some(Err(e));
                    }
                    continue;
                }
                match detect(&path) {
                    (Some(format), compression) => {
                        return Some(Source::open(&path, format, compression, &self.fields))
                    }
                    (None, _) => continue,
                }
            }
            match self.pending.pop_front()? {
                Input::Stdin => {
                    let reader: Box<dyn BufRead + Send> =
                        Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                    let lines = JsonLines::new("stdin".into(), reader, self.fields.clone());
                    return Some(Ok(Source::JsonLines(lines)));
                }
                Input::Path(path) if path.is_dir() => {
                    if let Err(e) = self.enter(&path) {
                        return Some(Err(e));
                    }
                }
                Input::Path(path) => {
                    let (format, compression) = detect(&path);
                    let format = format.unwrap_or(Format::Text);
                    return Some(Source::open(&path, format, compression, &self.fields));
                }
            }
        }
    }

    /// Starts walking a directory: lists its entries, sorted by name.
    fn enter(&mut self, dir: &Path) -> Result<(), InputError> {
        let fail = |e: io::Error| file_error(dir, None, format!("cannot read directory: {e}"));
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(fail)? {
            entries.push(entry.map_err(fail)?.path());
        }
        entries.sort();
        self.walk.push(entries.into_iter());
        Ok(())
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(source) = &mut self.current {
                match source.next() {
                    Some(Err(e)) if e.fatal => {
                        self.current = None;
                        return Some(Err(e));
                    }
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.next_source()? {
                Ok(source) => self.current = Some(source),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn file_error(path: &Path, line: Option<u64>, message: String) -> InputError {
    InputError {
        source: path.to_string_lossy().into(),
        line,
        id: None,
        message,
        fatal: true,
    }
}

/// One open file (or standard input).
enum Source {
    /// A text file not yet read: it is one article.
    Text(Option<PathBuf>),
    JsonLines(JsonLines),
    Csv(CsvRecords),
}

impl Source {
    fn open(
        path: &Path,
        format: Format,
        compression: Compression,
        fields: &Arc<Fields>,
    ) -> Result<Source, InputError> {
        if format == Format::Text {
            return Ok(Source::Text(Some(path.to_path_buf())));
        }
        let reader = open_file(path, compression)
            .map_err(|e| file_error(path, None, format!("cannot open: {e}")))?;
        let name: Arc<str> = path.to_string_lossy().into();
        Ok(match format {
            Format::JsonLines => Source::JsonLines(JsonLines::new(name, reader, fields.clone())),
            Format::Csv | Format::Text => Source::Csv(CsvRecords::new(name, reader, fields)?),
        })
    }

    fn next(&mut self) -> Option<Result<Article, InputError>> {
        match self {
            Source::Text(path) => path.take().map(|path| read_text_file(&path)),
            Source::JsonLines(lines) => lines.next(),
            Source::Csv(records) => records.next(),
        }
    }
}

/// Opens a file, decompressing it as its extension says.
fn open_file(path: &Path, compression: Compression) -> io::Result<Box<dyn BufRead + Send>> {
    const CAPACITY: usize = 1 << 16;
    let file = File::open(path)?;
    Ok(match compression {
        Compression::None => Box::new(BufReader::with_capacity(CAPACITY, file)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            CAPACITY,
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            CAPACITY,
            zstd::Decoder::new(file)?,
        )),
    })
}

/// A whole text file as one article, its id the path as given.
fn read_text_file(path: &Path) -> Result<Article, InputError> {
    let (_, compression) = detect(path);
    let mut bytes = Vec::new();
    open_file(path, compression)
        .and_then(|mut reader| reader.read_to_end(&mut bytes))
        .map_err(|e| file_error(path, None, format!("cannot read: {e}")))?;
    let source: Arc<str> = path.to_string_lossy().into();
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Article {
            id: source.to_string(),
            text,
            source,
            line: None,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = count_lines(&e.as_bytes()[..at]) + 1;
            Err(InputError {
                source,
                line: Some(line),
                id: None,
                message: format!("invalid UTF-8 at byte {at}"),
                fatal: false,
            })
        }
    }
}

fn count_lines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// JSON Lines: one object a line; blank lines are passed over.
struct JsonLines {
    source: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    fields: Arc<Fields>,
    line: u64,
    buffer: Vec<u8>,
}

impl JsonLines {
    fn new(source: Arc<str>, reader: Box<dyn BufRead + Send>, fields: Arc<Fields>) -> JsonLines {
        JsonLines {
            source,
            reader,
            fields,
            line: 0,
            buffer: Vec::new(),
        }
    }

    fn next(&mut self) -> Option<Result<Article, InputError>> {
        loop {
            self.buffer.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(self.error(format!("cannot read: {e}"), true))),
            }
            let mut line = self.buffer.as_slice();
            if self.line == 1 {
                line = line.strip_prefix(BOM).unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse(line));
        }
    }

    fn parse(&self, line: &[u8]) -> Result<Article, InputError> {
        let mut deserializer = serde_json::Deserializer::from_slice(line);
        let record = ArticleFields(&self.fields)
            .deserialize(&mut deserializer)
            .and_then(|record| deserializer.end().map(|()| record))
            .map_err(|e| self.error(json_message(&e), false))?;
        let id = match record.id {
            Some(serde_json::Value::String(id)) => Some(id),
            Some(serde_json::Value::Number(id)) => Some(id.to_string()),
            Some(serde_json::Value::Null) | None => None,
            Some(_) => {
                let message = format!("the {:?} field is not a string or number", self.fields.id);
                return Err(self.error(message, false));
            }
        };
        let text = match record.text {
            Some(serde_json::Value::String(text)) => text,
            other => {
                let message = match other {
                    None => format!("no {:?} field", self.fields.text),
                    Some(_) => format!("the {:?} field is not a string", self.fields.text),
                };
                let mut error = self.error(message, false);
                error.id = id;
                return Err(error);
            }
        };
        Ok(Article {
            id: id.unwrap_or_else(|| format!("{}:{}", self.source, self.line)),
            text,
            source: self.source.clone(),
            line: Some(self.line),
        })
    }

    fn error(&self, message: String, fatal: bool) -> InputError {
        InputError {
            source: self.source.clone(),
            line: Some(self.line),
            id: None,
            message,
            fatal,
        }
    }
}

/// serde_json's message without its "at line 1 column N": the line is the
/// file's, told separately.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(bare) => format!("invalid JSON at column {}: {bare}", error.column()),
        None => format!("invalid JSON: {message}"),
    }
}

/// The id and text of a JSON object, the other fields skipped unparsed.
struct ArticleFields<'a>(&'a Fields);

#[derive(Default)]
struct ArticleRecord {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

impl<'de> DeserializeSeed<'de> for ArticleFields<'_> {
    type Value = ArticleRecord;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<ArticleRecord, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ArticleFields<'_> {
    type Value = ArticleRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ArticleRecord, A::Error> {
        let mut record = ArticleRecord::default();
        while let Some(key) = map.next_key_seed(FieldKey(self.0))? {
            match key {
                Field::Text => record.text = Some(map.next_value()?),
                Field::Id => record.id = Some(map.next_value()?),
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// Which of the fields wanted a key names (the text's first, should the
/// two be the same).
enum Field {
    Text,
    Id,
    Other,
}

/// Reads a key as a [`Field`], comparing it where the parser has it rather
/// than copying it into a `String` first.
struct FieldKey<'a>(&'a Fields);

impl<'de> DeserializeSeed<'de> for FieldKey<'_> {
    type Value = Field;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for FieldKey<'_> {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
        Ok(if key == self.0.text {
            Field::Text
        } else if key == self.0.id {
            Field::Id
        } else {
            Field::Other
        })
    }
}

/// CSV with a header row; the id and text columns found by name.
struct CsvRecords {
    source: Arc<str>,
    reader: csv::Reader<Box<dyn BufRead + Send>>,
    id_column: Option<usize>,
    text_column: usize,
    record: csv::ByteRecord,
    done: bool,
}

impl CsvRecords {
    fn new(
        source: Arc<str>,
        reader: Box<dyn BufRead + Send>,
        fields: &Fields,
    ) -> Result<CsvRecords, InputError> {
        let mut reader = csv::ReaderBuilder::new().from_reader(reader);
        let error = |message: String| InputError {
            source: source.clone(),
            line: Some(1),
            id: None,
            message,
            fatal: true,
        };
        let headers = reader
            .byte_headers()
            .map_err(|e| error(format!("cannot read the header row: {e}")))?;
        let column = |name: &str| headers.iter().position(|h| h == name.as_bytes());
        let id_column = column(&fields.id);
        let Some(text_column) = column(&fields.text) else {
            let names: Vec<_> = headers.iter().map(String::from_utf8_lossy).collect();
            return Err(error(format!(
                "no {:?} column in the header row ({})",
                fields.text,
                names.join(", ")
            )));
        };
        Ok(CsvRecords {
            source,
            reader,
            id_column,
            text_column,
            record: csv::ByteRecord::new(),
            done: false,
        })
    }

    fn next(&mut self) -> Option<Result<Article, InputError>> {
        if self.done {
            return None;
        }
        let error = |line: Option<u64>, message: String, fatal: bool| InputError {
            source: self.source.clone(),
            line,
            id: None,
            message,
            fatal,
        };
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                let line = e.position().map(|p| p.line());
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                self.done = fatal;
                let message = match e.kind() {
                    csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("{len} fields where the header row has {expected_len}"),
                    _ => format!("invalid CSV: {e}"),
                };
                return Some(Err(error(line, message, fatal)));
            }
        }
        let line = self.record.position().map(|p| p.line());
        let id = self
            .id_column
            .and_then(|column| self.record.get(column))
            .filter(|id| !id.is_empty())
            .map(|id| String::from_utf8_lossy(id).into_owned());
        let text = self.record.get(self.text_column).unwrap_or_default();
        let text = match std::str::from_utf8(text) {
            Ok(text) => text.to_string(),
            Err(e) => {
                let mut error = error(
                    line,
                    format!("invalid UTF-8 in the text at byte {}", e.valid_up_to()),
                    false,
                );
                error.id = id;
                return Some(Err(error));
            }
        };
        let id = id.unwrap_or_else(|| match line {
            Some(line) => format!("{}:{line}", self.source),
            None => self.source.to_string(),
        });
        Some(Ok(Article {
            id,
            text,
            source: self.source.clone(),
            line,
        }))
    }
}
