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
            match read_line(&mut self.reader, &mut self.buffer) {
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
        if let Some((id, text)) = scan_string_object(line, &self.fields) {
            return Ok(Article {
                id: id.unwrap_or_else(|| format!("{}:{}", self.source, self.line)),
                text,
                source: self.source.clone(),
                line: Some(self.line),
            });
        }
        self.parse_with_serde(line)
    }

    /// Any line: the article, or an error that says what is wrong.
    fn parse_with_serde(&self, line: &[u8]) -> Result<Article, InputError> {
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

/// Appends the next line of `reader` to `buffer`, with its `\n`, as
/// `BufRead::read_until(b'\n', buffer)` does, but finding the line's end
/// with the `memchr` crate's vector search (std's is a byte-pair loop: a
/// fifth of the reader thread's instructions); returns the bytes read.
fn read_line(reader: &mut dyn BufRead, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(end) => (end + 1, true),
            None => (available.len(), available.is_empty()),
        };
        buffer.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The id and text of a line of the common shape, `{"id": "...", "text":
/// "..."}`: one object whose values are all strings, its keys without
/// escapes, no whitespace but spaces between its tokens. It reads the line
/// as serde_json would (the last of repeated keys wins, the text's field
/// first should the two fields be the same), in about a third of the
/// instructions: one UTF-8 check of the whole line, then each string
/// copied run by run between escapes. `None` for any other line (a number
/// or nested value, a tab or raw control character, a lone surrogate, no
/// text, invalid JSON), which serde_json then reads, or names what is
/// wrong with it.
fn scan_string_object(line: &[u8], fields: &Fields) -> Option<(Option<String>, String)> {
    let is_json_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let start = line.iter().position(|b| !is_json_space(b))?;
    let end = line.iter().rposition(|b| !is_json_space(b))? + 1;
    let line = &line[start..end];
    // Inside a string a raw control character is an error, outside it is
    // whitespace (a tab) or an error: either way serde_json's to judge.
    if line.iter().fold(false, |control, &b| control | (b < 0x20)) {
        return None;
    }
    let line = std::str::from_utf8(line).ok()?;
    let mut scanner = Scanner { rest: line };
    scanner.expect(b'{')?;
    let (mut id, mut text) = (None, None);
    if scanner.peek()? != b'}' {
        loop {
            let key = scanner.key()?;
            scanner.expect(b':')?;
            if key == fields.text {
                text = Some(scanner.string(true)?);
            } else if key == fields.id {
                id = Some(scanner.string(true)?);
            } else {
                scanner.string(false)?;
            }
            match scanner.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    } else {
        scanner.expect(b'}')?;
    }
    scanner.rest.is_empty().then_some(())?;
    Some((id, text?))
}

/// A cursor over the rest of a JSON line, for [`scan_string_object`]: every
/// method returns `None` where the line leaves the common shape.
struct Scanner<'a> {
    rest: &'a str,
}

impl<'a> Scanner<'a> {
    /// The next byte after spaces, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.rest = self.rest.trim_start_matches(' ');
        self.rest.as_bytes().first().copied()
    }

    /// The next byte after spaces, consumed; only ASCII (a token of the
    /// shape, and a character boundary after it).
    fn next(&mut self) -> Option<u8> {
        let byte = self.peek().filter(u8::is_ascii)?;
        self.rest = &self.rest[1..];
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// A key without escapes.
    fn key(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let end = memchr::memchr2(b'"', b'\\', self.rest.as_bytes())?;
        let key = &self.rest[..end];
        (self.rest.as_bytes()[end] == b'"').then_some(())?;
        self.rest = &self.rest[end + 1..];
        Some(key)
    }

    /// A string value, unescaped; only checked, and the empty string
    /// returned, unless `keep`.
    fn string(&mut self, keep: bool) -> Option<String> {
        self.expect(b'"')?;
        // Unescaped, a string is never longer than it is in JSON.
        let mut out = String::with_capacity(if keep { self.rest.len() } else { 0 });
        loop {
            let at = memchr::memchr2(b'"', b'\\', self.rest.as_bytes())?;
            if keep {
                out.push_str(&self.rest[..at]);
            }
            let special = self.rest.as_bytes()[at];
            self.rest = &self.rest[at + 1..];
            if special == b'"' {
                if keep {
                    out.shrink_to_fit();
                }
                return Some(out);
            }
            let escaped = self.escape()?;
            if keep {
                out.push(escaped);
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Option<char> {
        let letter = *self.rest.as_bytes().first().filter(|b| b.is_ascii())?;
        self.rest = &self.rest[1..];
        Some(match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if (0xD800..0xDC00).contains(&unit) {
                    // A high surrogate must be followed by its low one.
                    self.rest = self.rest.strip_prefix("\\u")?;
                    let low = self.hex4()?;
                    (0xDC00..0xE000).contains(&low).then_some(())?;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                } else {
                    char::from_u32(unit)?
                }
            }
            _ => return None,
        })
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.rest.get(..4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.rest = &self.rest[4..];
        u32::from_str_radix(digits, 16).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(fields: Fields) -> JsonLines {
        JsonLines::new("in.jsonl".into(), Box::new(io::empty()), Arc::new(fields))
    }

    #[test]
    fn read_line_splits_as_read_until_across_buffer_ends() {
        let text = b"{\"text\": \"one\"}\n\n{\"text\": \"a longer second line\"}\nlast, unended";
        for capacity in [1, 2, 5, 64] {
            let mut reader = BufReader::with_capacity(capacity, &text[..]);
            let mut expected = BufReader::with_capacity(capacity, &text[..]);
            loop {
                let (mut ours, mut std) = (Vec::new(), Vec::new());
                let n = read_line(&mut reader, &mut ours).unwrap();
                assert_eq!(n, expected.read_until(b'\n', &mut std).unwrap());
                assert_eq!(ours, std, "capacity {capacity}");
                if n == 0 {
                    break;
                }
            }
        }
    }

    proptest::proptest! {
        /// Lines made of JSON's tokens in any order: whatever the scanner
        /// takes, serde_json reads the same.
        #[test]
        fn the_scanner_never_takes_what_serde_json_reads_otherwise(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "{", "}", "\"", "\\", ":", ",", " ", "\t", "u", "d83d", "de00", "00e9",
                "n", "text", "id", "x", "é", "“", "1", "[", "]", "\u{1}",
                "{\"text\": \"", "\", \"id\": \"", "\"}", "\", \"x\": \"",
                r"\n", r#"\""#, r"\\", r"\/", r"\u00e9", r"\ud83d\ude00", r"\ud83d",
                r"\ude00", r"\u12", r"\x", r"\u0000", "plain words ",
            ][..]), 0..24)
        ) {
            // Half the lines inside a valid frame, so that many are taken.
            let line = if parts.len() % 2 == 0 {
                format!("{{\"text\": \"{}\"}}", parts.concat())
            } else {
                parts.concat()
            };
            let fields = Fields::default();
            if let Some((id, text)) = scan_string_object(line.as_bytes(), &fields) {
                let serde = lines(fields).parse_with_serde(line.as_bytes());
                let serde = serde.map_err(|e| e.message);
                proptest::prop_assert!(serde.is_ok(), "{line:?}: {serde:?}");
                let serde = serde.unwrap();
                proptest::prop_assert_eq!(text, serde.text);
                proptest::prop_assert_eq!(id.unwrap_or_else(|| "in.jsonl:0".into()), serde.id);
            }
        }
    }

    /// The scanner reads every line it takes as serde_json does, and leaves
    /// every other line to serde_json.
    #[test]
    fn the_scanner_reads_as_serde_json_or_declines() {
        let taken: &[&str] = &[
            r#"{"id": "a1", "text": "She said \"no.\"\n\nThen left."}"#,
            r#"{"text":"t","id":"x"}"#,
            "  {\"id\" :  \"b\" , \"text\" : \"caf\\u00e9 \\ud83d\\ude00 \\/ \\t\\b\\f\\r \\u0000\"}  \r\n",
            r#"{"id": "c", "other": "skip \" me", "text": "héllo “quoted”"}"#,
            r#"{"text": "first", "text": "last wins"}"#,
            r#"{"text": ""}"#,
        ];
        let declined: &[&str] = &[
            r#"{"id": 7, "text": "number id"}"#,
            r#"{"id": "n", "tags": ["a"], "text": "nested"}"#,
            "{\"id\":\t\"tab\", \"text\": \"x\"}",
            "{\"text\": \"raw\u{1}control\"}",
            r#"{"text": "lone \ud83d surrogate"}"#,
            r#"{"text": "lone \ude00 low"}"#,
            r#"{"text": "bad \x escape"}"#,
            r#"{"text": "short \u12"}"#,
            r#"{"te\u0078t": "escaped key"}"#,
            r#"{"id": "no text"}"#,
            r#"{}"#,
            r#"{"text": "unclosed}"#,
            r#"{"text": "x"} trailing"#,
            r#"{"text": "x",}"#,
            r#"{"text" "x"}"#,
            r#"["text", "x"]"#,
            "{\"text\": \"x\"é}",
            "{\"text\": \"x\\é\"}",
        ];
        for fields in [
            Fields::default(),
            Fields {
                id: "text".into(),
                text: "text".into(),
            },
        ] {
            let reader = lines(fields.clone());
            for line in taken {
                let scanned = scan_string_object(line.as_bytes(), &fields);
                let (id, text) = scanned.unwrap_or_else(|| panic!("declined {line}"));
                let serde = reader.parse_with_serde(line.as_bytes()).unwrap();
                assert_eq!(text, serde.text, "{line}");
                assert_eq!(
                    id.unwrap_or_else(|| "in.jsonl:0".into()),
                    serde.id,
                    "{line}"
                );
            }
            for line in declined {
                assert_eq!(scan_string_object(line.as_bytes(), &fields), None, "{line}");
            }
        }
        let invalid_utf8 = b"{\"text\": \"\xff\"}";
        assert_eq!(scan_string_object(invalid_utf8, &Fields::default()), None);
    }
}
