//! Writers for the quote CSV and its JSON Lines twin
//! (`../shared/docs/csv-format.md`).
//!
//! [`Writer::render`] turns one article's attributions into the bytes of its
//! rows, so that articles can be rendered in parallel and written in order.
//!
//! CSV: the columns of [`HEADER`], offsets as [`OffsetKind`] says. A text cell
//! that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) gets a `'` in front, as OWASP recommends
//! against CSV injection; [`Options::raw_cells`] turns that off. Numbers are
//! never touched.
//!
//! JSON Lines: one object a row with the CSV's fields under the same names,
//! the offsets in characters, plus the same offsets in UTF-8 bytes under names
//! ending in `_byte` (`quote_start_byte`, `quote_spans_byte`, …), as PolNeAR
//! does. An absent offset is `null`. Cells are written as they are: JSON is no
//! spreadsheet.

use serde::Serialize;
use whosaid_core::row::{push_folded_bytes, quote_pieces, HEADER};
use whosaid_core::{Attribution, CharIndex, OffsetKind, Row, Span};

/// What the output looks like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Csv,
    JsonLines,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// The CSV's offsets (JSON Lines carries both kinds).
    pub offsets: OffsetKind,
    /// Leave cells that look like spreadsheet formulas as they are.
    pub raw_cells: bool,
}

/// Renders rows; cheap to copy into every worker.
#[derive(Clone, Copy, Debug, Default)]
pub struct Writer {
    options: Options,
}

impl Writer {
    pub fn new(options: Options) -> Writer {
        Writer { options }
    }

    /// The header row (CSV), or nothing (JSON Lines).
    pub fn header(&self) -> Vec<u8> {
        match self.options.format {
            Format::Csv => {
                let mut out = HEADER.join(",");
                out.push('\n');
                out.into_bytes()
            }
            Format::JsonLines => Vec::new(),
        }
    }

    /// Appends one article's rows to `out`, one per attribution, numbered from 1.
    pub fn render(
        &self,
        article_id: &str,
        text: &str,
        attributions: &[Attribution],
        out: &mut Vec<u8>,
    ) -> csv::Result<()> {
        if attributions.is_empty() {
            return Ok(());
        }
        let index = CharIndex::new(text);
        match self.options.format {
            Format::Csv => {
                // Room for the rows at once: grown a push at a time, the
                // buffer was copied over about seven times per article.
                out.reserve(
                    attributions
                        .iter()
                        .map(|a| content_bytes(a) + article_id.len() + ROW_BYTES)
                        .sum(),
                );
                let cells = Cells {
                    text,
                    index: &index,
                    offsets: self.options.offsets,
                    neutralize: !self.options.raw_cells,
                };
                // The id cell is the same in every row: rendered once, then
                // copied.
                let id_start = out.len();
                text_cell(out, article_id, cells.neutralize);
                let id_cell = id_start..out.len();
                let mut pieces = Vec::new();
                for (n, attribution) in (1..).zip(attributions) {
                    if n > 1 {
                        out.extend_from_within(id_cell.clone());
                    }
                    cells.write_rest_of_row(n, attribution, &mut pieces, out);
                }
            }
            Format::JsonLines => {
                let mut row = Row::default();
                for (n, attribution) in (1..).zip(attributions) {
                    row.fill(article_id, text, n, attribution, &index, OffsetKind::Chars);
                    serde_json::to_writer(&mut *out, &JsonRow::new(&row, attribution))
                        .map_err(std::io::Error::from)?;
                    out.push(b'\n');
                }
            }
        }
        Ok(())
    }
}

/// About what a CSV row takes besides its article id and quote: offsets,
/// the kind, speaker, mention, cue and sieve cells.
const ROW_BYTES: usize = 160;

/// The bytes of text from the first fragment of an attribution's content to
/// the end of its last.
fn content_bytes(attribution: &Attribution) -> usize {
    match (attribution.content.first(), attribution.content.last()) {
        (Some(first), Some(last)) => last.end.saturating_sub(first.start),
        _ => 0,
    }
}

/// What the cells of one article's CSV rows are made from.
struct Cells<'a> {
    text: &'a str,
    index: &'a CharIndex,
    offsets: OffsetKind,
    /// Whether text cells that look like formulas get a `'` in front.
    neutralize: bool,
}

impl<'a> Cells<'a> {
    /// The offset to write for byte offset `byte`.
    fn at(&self, byte: usize) -> usize {
        match self.offsets {
            OffsetKind::Bytes => byte,
            OffsetKind::Chars => self.index.char_offset(self.text, byte),
        }
    }

    /// Appends the cells after the article id of the row that
    /// [`Row::fill`], [`neutralize_formulas`] (unless raw) and the csv
    /// crate would write, straight from the attribution: no intermediate
    /// strings, each text cell checked, folded and copied in one go.
    /// `pieces` is room for the quote's pieces, reused from row to row.
    fn write_rest_of_row(
        &self,
        quote_id: u32,
        attribution: &Attribution,
        pieces: &mut Vec<&'a str>,
        out: &mut Vec<u8>,
    ) {
        number_cell(out, Some(quote_id as usize));
        text_cell(out, attribution.kind.as_str(), self.neutralize);
        let content = &attribution.content;
        pieces.clear();
        pieces.extend(quote_pieces(self.text, content));
        folded_cell(out, pieces, self.neutralize);
        let first = content.first().copied().unwrap_or_default();
        let last = content.last().copied().unwrap_or_default();
        number_cell(out, Some(self.at(first.start)));
        number_cell(out, Some(self.at(last.end)));
        // Digits, `-` and `;` only: never quoted, never a formula.
        let mut digits = itoa::Buffer::new();
        for (n, s) in content.iter().enumerate() {
            if n > 0 {
                out.push(b';');
            }
            out.extend_from_slice(digits.format(self.at(s.start)).as_bytes());
            out.push(b'-');
            out.extend_from_slice(digits.format(self.at(s.end)).as_bytes());
        }
        out.push(b',');
        let speaker = attribution.speaker.as_deref().unwrap_or_default();
        text_cell(out, speaker, self.neutralize);
        self.span_cells(out, attribution.speaker_mention);
        text_cell(out, attribution.speaker_type.as_str(), self.neutralize);
        self.span_cells(out, attribution.cue);
        text_cell(out, attribution.sieve, self.neutralize);
        let confidence = (attribution.confidence.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
        out.extend_from_slice(ryu::Buffer::new().format(confidence).as_bytes());
        out.push(b'\n');
    }

    /// The cell of a span's folded text, then its start and end.
    fn span_cells(&self, out: &mut Vec<u8>, span: Option<Span>) {
        let Some(span) = span else {
            out.extend_from_slice(b",,,");
            return;
        };
        let piece = span.text(self.text).trim();
        let pieces = if piece.is_empty() {
            &[][..]
        } else {
            &[piece][..]
        };
        folded_cell(out, pieces, self.neutralize);
        number_cell(out, Some(self.at(span.start)));
        number_cell(out, Some(self.at(span.end)));
    }
}

/// Appends a number cell (empty for `None`) and the comma after it.
fn number_cell(out: &mut Vec<u8>, n: Option<usize>) {
    if let Some(n) = n {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
    out.push(b',');
}

/// Appends a text cell and the comma after it, byte for byte what the csv
/// crate's `serialize` writes with its defaults (a cell is quoted when it
/// holds `,`, `"`, `\r` or `\n`, a `"` inside doubled), with a `'` in
/// front when `neutralize` and it looks like a formula.
fn text_cell(out: &mut Vec<u8>, cell: &str, neutralize: bool) {
    let bytes = cell.as_bytes();
    let formula = neutralize && is_formula(bytes);
    if !has_csv_special(bytes) {
        if formula {
            out.push(b'\'');
        }
        out.extend_from_slice(bytes);
        out.push(b',');
        return;
    }
    out.push(b'"');
    if formula {
        out.push(b'\'');
    }
    push_doubling_quotes(out, bytes);
    out.extend_from_slice(b"\",");
}

/// Appends the cell of `pieces` folded (each one's whitespace runs folded to
/// one space) and joined by one space, as [`text_cell`] writes it. Every
/// piece is non-empty and has no whitespace at either end.
fn folded_cell(out: &mut Vec<u8>, pieces: &[&str], neutralize: bool) {
    // Folding takes away whitespace only, so the pieces say whether the
    // cell needs quotes (folded text has no `\r` or `\n`) and how it starts.
    let (mut quotes, mut commas) = (0, 0);
    for piece in pieces {
        let (q, c) = quotes_and_commas(piece.as_bytes());
        quotes |= q;
        commas |= c;
    }
    let has_quote = quotes != 0;
    let quoted = has_quote || commas != 0;
    let formula = neutralize && pieces.first().is_some_and(|p| is_formula(p.as_bytes()));
    if quoted {
        out.push(b'"');
    }
    if formula {
        out.push(b'\'');
    }
    let start = out.len();
    for (n, piece) in pieces.iter().enumerate() {
        if n > 0 {
            out.push(b' ');
        }
        push_folded_bytes(out, piece);
    }
    if has_quote {
        let folded = out.split_off(start);
        push_doubling_quotes(out, &folded);
    }
    if quoted {
        out.extend_from_slice(b"\",");
    } else {
        out.push(b',');
    }
}

/// Whether a spreadsheet would run a cell starting so as a formula.
fn is_formula(cell: &[u8]) -> bool {
    matches!(
        cell.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Appends `bytes` with every `"` doubled.
fn push_doubling_quotes(out: &mut Vec<u8>, bytes: &[u8]) {
    for (n, piece) in bytes.split(|&b| b == b'"').enumerate() {
        if n > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(piece);
    }
}

/// Whether `bytes` holds a `,`, `"`, `\r` or `\n`: eight bytes a step,
/// without branching on them.
fn has_csv_special(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let special = |word: u64| {
        zero_bytes(word ^ (ONES * u64::from(b',')))
            | zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\r')))
            | zero_bytes(word ^ (ONES * u64::from(b'\n')))
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut found = 0;
    for chunk in &mut chunks {
        found |= special(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    // The rest padded with zero bytes, which are none of the four.
    let mut rest = [0; 8];
    rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    found |= special(u64::from_le_bytes(rest));
    found != 0
}

/// Where `bytes` holds a `"`, and where a `,`, as the high bits of words
/// (zero when none): eight bytes a step, without branching on them.
fn quotes_and_commas(bytes: &[u8]) -> (u64, u64) {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let (mut quotes, mut commas) = (0, 0);
    let mut add = |word: u64| {
        quotes |= zero_bytes(word ^ (ONES * u64::from(b'"')));
        commas |= zero_bytes(word ^ (ONES * u64::from(b',')));
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    // The rest padded with zero bytes, which are neither.
    let mut rest = [0; 8];
    rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    add(u64::from_le_bytes(rest));
    (quotes, commas)
}

/// The high bit of every zero byte of `word`, exactly (no sum carries into
/// the next byte).
#[inline]
fn zero_bytes(word: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    !(((word & LOW7) + LOW7) | word | LOW7)
}

/// Appends `row` as one CSV record, the slow way: its cells as they are,
/// what the csv crate's `serialize` writes with its defaults, to test
/// [`Writer::render`] against.
#[cfg(test)]
fn write_csv_record(row: &Row, out: &mut Vec<u8>) {
    text_cell(out, &row.article_id, false);
    number_cell(out, Some(row.quote_id as usize));
    text_cell(out, &row.kind, false);
    text_cell(out, &row.quote, false);
    number_cell(out, Some(row.quote_start));
    number_cell(out, Some(row.quote_end));
    text_cell(out, &row.quote_spans, false);
    text_cell(out, &row.speaker, false);
    text_cell(out, &row.speaker_mention, false);
    number_cell(out, row.speaker_start);
    number_cell(out, row.speaker_end);
    text_cell(out, &row.speaker_type, false);
    text_cell(out, &row.cue, false);
    number_cell(out, row.cue_start);
    number_cell(out, row.cue_end);
    text_cell(out, &row.sieve, false);
    out.extend_from_slice(ryu::Buffer::new().format(row.confidence).as_bytes());
    out.push(b'\n');
}

/// Puts a `'` before every text cell a spreadsheet would run as a formula.
pub fn neutralize_formulas(row: &mut Row) {
    for cell in [
        &mut row.article_id,
        &mut row.kind,
        &mut row.quote,
        &mut row.quote_spans,
        &mut row.speaker,
        &mut row.speaker_mention,
        &mut row.speaker_type,
        &mut row.cue,
        &mut row.sieve,
    ] {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            cell.insert(0, '\'');
        }
    }
}

/// A JSON Lines row: the CSV's fields with character offsets, then the same
/// offsets in bytes.
#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a Row,
    quote_start_byte: usize,
    quote_end_byte: usize,
    quote_spans_byte: String,
    speaker_start_byte: Option<usize>,
    speaker_end_byte: Option<usize>,
    cue_start_byte: Option<usize>,
    cue_end_byte: Option<usize>,
}

impl<'a> JsonRow<'a> {
    fn new(row: &'a Row, attribution: &Attribution) -> JsonRow<'a> {
        let content = &attribution.content;
        let spans: Vec<String> = content
            .iter()
            .map(|s| format!("{}-{}", s.start, s.end))
            .collect();
        let start = |span: Option<Span>| span.map(|s| s.start);
        let end = |span: Option<Span>| span.map(|s| s.end);
        JsonRow {
            row,
            quote_start_byte: content.first().map_or(0, |s| s.start),
            quote_end_byte: content.last().map_or(0, |s| s.end),
            quote_spans_byte: spans.join(";"),
            speaker_start_byte: start(attribution.speaker_mention),
            speaker_end_byte: end(attribution.speaker_mention),
            cue_start_byte: start(attribution.cue),
            cue_end_byte: end(attribution.cue),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid_core::{QuoteKind, SpeakerType};

    /// “Ça va,” dit =Zoë. — an attribution with non-ASCII text, so that
    /// character and byte offsets differ.
    fn example() -> (&'static str, Attribution) {
        let text = "“Ça va,” dit =Zoë.";
        let zoe = text.find("=Zoë").unwrap();
        let dit = text.find("dit").unwrap();
        let attribution = Attribution {
            content: vec![Span::new(0, text.find(" dit").unwrap())],
            kind: QuoteKind::Direct,
            speaker_mention: Some(Span::new(zoe, zoe + "=Zoë".len())),
            speaker: Some("=Zoë".into()),
            speaker_type: SpeakerType::Person,
            cue: Some(Span::new(dit, dit + 3)),
            sieve: "test",
            confidence: 0.9,
        };
        (text, attribution)
    }

    fn render(options: Options, id: &str) -> String {
        let (text, attribution) = example();
        let mut out = Vec::new();
        Writer::new(options)
            .render(id, text, &[attribution.clone(), attribution], &mut out)
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_rows_follow_the_header() {
        let header = String::from_utf8(Writer::default().header()).unwrap();
        assert_eq!(header.trim_end().split(',').collect::<Vec<_>>(), HEADER);
        let rows = render(Options::default(), "a,b");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(rows.as_bytes());
        let records: Vec<_> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].len(), HEADER.len());
        assert_eq!(&records[0][0], "a,b");
        assert_eq!(&records[1][1], "2");
        let offsets: Vec<_> = records[0].iter().skip(4).take(3).collect();
        assert_eq!(offsets, ["0", "8", "0-8"]);
    }

    #[test]
    fn records_are_those_of_the_csv_crate() {
        let (text, attribution) = example();
        let mut row = Row::new(
            "a",
            text,
            1,
            &attribution,
            &CharIndex::new(text),
            OffsetKind::Chars,
        );
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"no\"",
            "\"",
            "line\nbreak",
            "cr\rx",
            "#x",
            " x ",
        ];
        for cell in cells {
            for (speaker_start, confidence) in [(None, 0.0), (Some(7), 0.125), (Some(0), 1.0)] {
                row.quote = cell.into();
                row.speaker = cell.into();
                row.sieve = cell.into();
                row.speaker_start = speaker_start;
                row.confidence = confidence;
                let mut ours = Vec::new();
                write_csv_record(&row, &mut ours);
                let mut theirs = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                theirs.serialize(&row).unwrap();
                let theirs = theirs.into_inner().unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(theirs).unwrap()
                );
            }
        }
    }

    #[test]
    fn rows_are_those_of_the_row_type() {
        // Cells that need quotes, doubled quotes, folding, neutralizing, or
        // nothing; spans that are absent or padded with whitespace.
        let text = "“=Ça,  va\n  bien,” dit -Zoë, \u{a0}“He said \"no\"”  \"\" \
                    @x said it.\t+1, she added";
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let base = Attribution {
            content: vec![at("“=Ça,  va\n  bien,”")],
            kind: QuoteKind::Direct,
            speaker_mention: Some(at(" -Zoë, ")),
            speaker: Some("Zoë, \"Z\"".into()),
            speaker_type: SpeakerType::Person,
            cue: Some(at("dit")),
            sieve: "test",
            confidence: 0.8765,
        };
        let attributions = [
            base.clone(),
            Attribution {
                content: vec![
                    at("\u{a0}“He said \"no\"”  "),
                    at("\"\""),
                    at("@x said it."),
                ],
                kind: QuoteKind::Mixed,
                speaker_mention: None,
                speaker: None,
                cue: Some(at("\t+1, she")),
                sieve: "@sieve",
                ..base.clone()
            },
            Attribution {
                content: Vec::new(),
                kind: QuoteKind::Indirect,
                speaker_mention: Some(at("\t+1")),
                speaker: Some("-x".into()),
                speaker_type: SpeakerType::Unknown,
                cue: None,
                confidence: 1.5,
                ..base
            },
        ];
        for raw_cells in [false, true] {
            for offsets in [OffsetKind::Chars, OffsetKind::Bytes] {
                let options = Options {
                    offsets,
                    raw_cells,
                    ..Options::default()
                };
                for id in ["a", "=a,b", "-\"1\""] {
                    let mut ours = b"before\n".to_vec();
                    Writer::new(options)
                        .render(id, text, &attributions, &mut ours)
                        .unwrap();
                    let mut theirs = b"before\n".to_vec();
                    let index = CharIndex::new(text);
                    for (n, attribution) in (1..).zip(&attributions) {
                        let mut row = Row::new(id, text, n, attribution, &index, offsets);
                        if !raw_cells {
                            neutralize_formulas(&mut row);
                        }
                        write_csv_record(&row, &mut theirs);
                    }
                    assert_eq!(
                        String::from_utf8(ours).unwrap(),
                        String::from_utf8(theirs).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn formulas_are_neutralized_unless_raw() {
        let rows = render(Options::default(), "@id");
        assert!(rows.starts_with("'@id,1,direct,"), "{rows}");
        assert!(rows.contains(",'=Zoë,'=Zoë,"), "{rows}");
        let raw = Options {
            raw_cells: true,
            ..Options::default()
        };
        assert!(render(raw, "@id").starts_with("@id,1,direct,"));
        let (text, attribution) = example();
        let mut row = Row::new(
            "-1",
            text,
            1,
            &attribution,
            &CharIndex::new(text),
            OffsetKind::Bytes,
        );
        row.quote = "\tx".into();
        neutralize_formulas(&mut row);
        assert_eq!(
            (row.article_id.as_str(), row.quote.as_str()),
            ("'-1", "'\tx")
        );
    }

    #[test]
    fn byte_offsets_in_csv_on_request() {
        let options = Options {
            offsets: OffsetKind::Bytes,
            ..Options::default()
        };
        let rows = render(options, "a");
        let end = "“Ça va,”".len();
        assert!(rows.contains(&format!(",0,{end},0-{end},")), "{rows}");
    }

    #[test]
    fn json_lines_carry_both_offsets() {
        let options = Options {
            format: Format::JsonLines,
            ..Options::default()
        };
        assert!(Writer::new(options).header().is_empty());
        let rows = render(options, "=a");
        let lines: Vec<serde_json::Value> = rows
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let row = &lines[0];
        for field in HEADER {
            assert!(row.get(field).is_some(), "no {field} in {row}");
        }
        assert_eq!(row["article_id"], "=a");
        assert_eq!(row["quote_id"], 1);
        assert_eq!(row["quote_end"], 8);
        assert_eq!(row["quote_end_byte"], "“Ça va,”".len());
        assert_eq!(row["quote_spans_byte"], format!("0-{}", "“Ça va,”".len()));
        assert_eq!(row["speaker_start"], 13);
        assert_eq!(row["confidence"], 0.9);
        assert_eq!(lines[1]["quote_id"], 2);
    }
}
