//! The `whosaid` binary end to end: inputs, output shape, determinism across
//! thread counts, bad input, atomic output and resume. The pipeline's
//! attributions are still growing, so these tests check structure, never
//! which quotes are found.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use whosaid::core::row::HEADER;

fn whosaid() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs whosaid with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = whosaid()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "whosaid panicked: {stderr}");
    output
}

/// Runs whosaid and expects success; returns stdout.
fn ok(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let output = run(args, stdin);
    assert!(
        output.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The sample stories, from the repository.
fn stories() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "the sample has {} stories", paths.len());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// A JSONL corpus of `n` articles: the sample stories under varied ids, some
/// with CRLF line ends or non-ASCII text, so that offsets differ by kind.
fn corpus(n: usize) -> Vec<u8> {
    let stories = stories();
    let mut out = Vec::new();
    for i in 0..n {
        let mut text = stories[i % stories.len()].clone();
        if i % 3 == 1 {
            text = text.replace('\n', "\r\n");
        }
        if i % 4 == 2 {
            text = format!("Zürich — {text}");
        }
        let line = serde_json::json!({"id": format!("doc-{i}"), "text": text});
        serde_json::to_writer(&mut out, &line).unwrap();
        out.push(b'\n');
    }
    out
}

/// The CSV's records, the header checked and left out.
fn records(csv: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, HEADER);
    reader.records().map(|r| r.unwrap()).collect()
}

/// Checks what every row must be, whatever was found: 17 fields, articles in
/// input order, quote ids 1, 2, 3 … within each, known kinds and types,
/// offsets in order within the text.
fn check_rows(csv: &[u8], ids_in_order: &[String], texts: &[String]) {
    let mut last_article = 0;
    let mut last_quote = 0;
    for row in records(csv) {
        assert_eq!(row.len(), HEADER.len());
        let article = ids_in_order
            .iter()
            .position(|id| id == &row[0])
            .unwrap_or_else(|| panic!("unknown article id {:?}", &row[0]));
        assert!(article >= last_article, "articles out of order");
        let quote: u32 = row[1].parse().unwrap();
        if article != last_article {
            last_quote = 0;
        }
        assert_eq!(
            quote,
            last_quote + 1,
            "quote ids not consecutive in {row:?}"
        );
        (last_article, last_quote) = (article, quote);
        assert!(["direct", "mixed", "indirect"].contains(&&row[2]));
        assert!(["person", "organization", "group", "unknown"].contains(&&row[11]));
        let chars = texts[article].chars().count();
        let start: usize = row[4].parse().unwrap();
        let end: usize = row[5].parse().unwrap();
        assert!(start <= end && end <= chars, "bad offsets in {row:?}");
        for span in row[6].split(';') {
            let (s, e) = span.split_once('-').unwrap();
            let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
            assert!(start <= s && s <= e && e <= end, "bad span in {row:?}");
        }
        let confidence: f32 = row[16].parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
}

fn texts_of(jsonl: &[u8]) -> (Vec<String>, Vec<String>) {
    jsonl
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_slice(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .unzip()
}

#[test]
fn no_input_runs_the_embedded_sample_like_its_directory() {
    let sample = ok(&[], b"");
    check_rows(&sample, &sample_ids(), &stories());
    // The embedded stories are named by their paths, so reading the
    // directory gives the same bytes.
    assert_eq!(ok(&["data/sample"], b""), sample);
    assert_eq!(ok(&["-q", "-j", "1"], b""), sample);
}

fn sample_ids() -> Vec<String> {
    let mut names: Vec<_> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
    names.sort();
    names.iter().map(|n| format!("data/sample/{n}")).collect()
}

#[test]
fn header_or_none() {
    let with = ok(&["data/sample"], b"");
    let without = ok(&["--no-header", "data/sample"], b"");
    let header = format!("{}\n", HEADER.join(","));
    assert!(with.starts_with(header.as_bytes()));
    assert_eq!(&with[header.len()..], &without[..]);
}

#[test]
fn output_is_the_same_bytes_for_any_thread_count_and_batch_size() {
    let corpus = corpus(60);
    let (ids, texts) = texts_of(&corpus);
    let one = ok(&["-j", "1", "-"], &corpus);
    check_rows(&one, &ids, &texts);
    let two = ok(&["-j", "2", "--batch-articles", "7", "-"], &corpus);
    assert_eq!(one, two);
    let four = ok(&["--threads", "4", "--batch-articles", "1", "-"], &corpus);
    assert_eq!(one, four);
}

#[test]
fn every_input_kind_gives_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(12);
    let (ids, texts) = texts_of(&corpus);
    let from_stdin = ok(&["-"], &corpus);

    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(&jsonl, &corpus).unwrap();
    let gz = dir.path().join("c.ndjson.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&corpus).unwrap();
    std::fs::write(&gz, encoder.finish().unwrap()).unwrap();
    let zst = dir.path().join("c.jsonl.zst");
    std::fs::write(&zst, zstd::encode_all(&corpus[..], 1).unwrap()).unwrap();
    let csv_path = dir.path().join("c.csv");
    let mut csv = csv::Writer::from_path(&csv_path).unwrap();
    csv.write_record(["text", "id"]).unwrap();
    for (id, text) in ids.iter().zip(&texts) {
        csv.write_record([text, id]).unwrap();
    }
    csv.flush().unwrap();

    for path in [&jsonl, &gz, &zst, &csv_path] {
        assert_eq!(ok(&[path.to_str().unwrap()], b""), from_stdin, "{path:?}");
    }

    // Text files and directories: ids are the paths as given.
    let stories = dir.path().join("stories");
    std::fs::create_dir_all(stories.join("more")).unwrap();
    std::fs::write(stories.join("b.txt"), &texts[0]).unwrap();
    std::fs::write(stories.join("more/a.txt"), &texts[1]).unwrap();
    std::fs::write(stories.join("skip.md"), "# not read").unwrap();
    let out = ok(&[stories.to_str().unwrap()], b"");
    let ids = [
        stories.join("b.txt").to_string_lossy().into_owned(),
        stories.join("more/a.txt").to_string_lossy().into_owned(),
    ];
    check_rows(&out, &ids, &texts[..2]);
    let single = ok(&[stories.join("b.txt").to_str().unwrap()], b"");
    check_rows(&single, &ids[..1], &texts[..1]);
}

#[test]
fn json_lines_output_carries_both_offsets() {
    let corpus = corpus(8);
    let (ids, texts) = texts_of(&corpus);
    let out = ok(&["--format", "jsonl", "-"], &corpus);
    let csv_rows = records(&ok(&["-"], &corpus));
    let lines: Vec<serde_json::Value> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), csv_rows.len());
    for (line, row) in lines.iter().zip(&csv_rows) {
        for (field, cell) in HEADER.iter().zip(row.iter()) {
            let value = &line[*field];
            let as_text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            assert_eq!(as_text, cell, "{field} differs between CSV and JSONL");
        }
        let article = ids
            .iter()
            .position(|id| line["article_id"] == **id)
            .unwrap();
        let text = &texts[article];
        let (start, end) = (&line["quote_start_byte"], &line["quote_end_byte"]);
        let (start, end) = (
            start.as_u64().unwrap() as usize,
            end.as_u64().unwrap() as usize,
        );
        let hull = text
            .get(start..end)
            .expect("byte offsets on char boundaries");
        assert_eq!(
            hull.chars().count() as u64,
            line["quote_end"].as_u64().unwrap() - line["quote_start"].as_u64().unwrap()
        );
    }
}

#[test]
fn byte_offsets_on_request() {
    let corpus = corpus(8);
    let (ids, texts) = texts_of(&corpus);
    let out = ok(&["--offsets", "bytes", "-"], &corpus);
    for row in records(&out) {
        let text = &texts[ids.iter().position(|id| id == &row[0]).unwrap()];
        let start: usize = row[4].parse().unwrap();
        let end: usize = row[5].parse().unwrap();
        assert!(
            text.get(start..end).is_some(),
            "{row:?} is off char boundaries"
        );
    }
}

#[test]
fn formula_like_cells_are_neutralized_unless_raw() {
    let corpus: Vec<u8> = corpus(6)
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
        .flat_map(|(n, line)| {
            let mut v: serde_json::Value = serde_json::from_slice(line).unwrap();
            v["id"] = format!("=HYPERLINK(\"x\",{n})").into();
            let mut out = serde_json::to_vec(&v).unwrap();
            out.push(b'\n');
            out
        })
        .collect();
    let safe = records(&ok(&["-"], &corpus));
    assert!(safe.iter().all(|row| row[0].starts_with("'=")));
    let raw = records(&ok(&["--raw-cells", "-"], &corpus));
    assert_eq!(safe.len(), raw.len());
    assert!(raw.iter().all(|row| row[0].starts_with("=HYPERLINK")));
}

#[test]
fn awkward_text_never_breaks_the_run() {
    // 2 MB in one article, a batch of its own (long unquoted prose: the
    // point is the plumbing, not the resolver's speed on 100,000 quotes).
    let huge = "The river rose again near the old mill. ".repeat(50_000) + "\"Yes,\" he said.";
    let texts = [
        String::new(),
        "\"\"\"\"''''“”‘’«»".repeat(50),
        "Line\r\nbreaks\rand\u{0}nul\u{1b}[31m escapes\u{a0}\u{200b}\u{feff}.".into(),
        "\"Unclosed quote, she said.\n\n\"Another".into(),
        huge,
        "é\u{301}".repeat(1000),
    ];
    let mut corpus = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let line = serde_json::json!({"id": n.to_string(), "text": text});
        serde_json::to_writer(&mut corpus, &line).unwrap();
        corpus.push(b'\n');
    }
    let ids: Vec<String> = (0..texts.len()).map(|n| n.to_string()).collect();
    let out = ok(&["-"], &corpus);
    check_rows(&out, &ids, &texts);
}

/// A corpus with bad records at known lines, and the good records alone.
fn corpus_with_bad_lines() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let good = corpus(10);
    let lines: Vec<&[u8]> = good
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let mut with_bad = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        match n {
            4 => with_bad.extend(b"{\"id\": \"broken\", \"text\": \"no end\n"),
            7 => with_bad.extend(b"{\"id\": \"no-text\"}\n"),
            _ => {}
        }
        with_bad.extend(*line);
        with_bad.push(b'\n');
    }
    let before_first_bad: Vec<u8> = lines[..4]
        .iter()
        .flat_map(|l| [*l, b"\n"].concat())
        .collect();
    (with_bad, good, before_first_bad)
}

#[test]
fn a_bad_record_stops_the_run_naming_file_and_line_after_writing_what_came_before() {
    let dir = tempfile::tempdir().unwrap();
    let (with_bad, _, before) = corpus_with_bad_lines();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, &with_bad).unwrap();
    let name = path.to_str().unwrap();
    let output = run(&["--batch-articles", "3", name], b"");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("{name}:5")), "{message}");
    assert_eq!(output.stdout, ok(&["-"], &before));

    let output = run(&["-"], &with_bad);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("stdin:5"), "{}", stderr(&output));

    let missing = dir.path().join("missing.txt");
    let output = run(&[missing.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("missing.txt"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn skip_bad_reports_each_bad_record_and_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let (with_bad, good, _) = corpus_with_bad_lines();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, &with_bad).unwrap();
    let missing = dir.path().join("missing.txt");
    let name = path.to_str().unwrap();
    let output = run(&["--skip-bad", name, missing.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains(&format!("{name}:5")), "{message}");
    assert!(
        message.contains(&format!("{name}:9 (article no-text)")),
        "{message}"
    );
    assert!(message.contains("missing.txt"), "{message}");
    assert!(message.contains("skipped 3 bad records"), "{message}");
    assert_eq!(output.stdout, ok(&["-"], &good));
}

#[test]
fn output_file_appears_whole_by_rename() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(20);
    let out = dir.path().join("quotes.csv");
    let output = run(&["-o", out.to_str().unwrap(), "-"], &corpus);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read(&out).unwrap(), ok(&["-"], &corpus));
    assert_eq!(leftovers(&out), Vec::<PathBuf>::new());

    // A failed run leaves no complete-looking file, only the partial one.
    let failed = dir.path().join("failed.csv");
    let (with_bad, _, _) = corpus_with_bad_lines();
    let output = run(&["-o", failed.to_str().unwrap(), "-"], &with_bad);
    assert_eq!(output.status.code(), Some(1));
    assert!(!failed.exists());
    assert!(
        stderr(&output).contains("failed.csv.partial"),
        "{}",
        stderr(&output)
    );
    // … which --resume with --skip-bad completes.
    let output = run(
        &[
            "-o",
            failed.to_str().unwrap(),
            "--resume",
            "--skip-bad",
            "-",
        ],
        &with_bad,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let (_, good, _) = corpus_with_bad_lines();
    assert_eq!(std::fs::read(&failed).unwrap(), ok(&["-"], &good));
    assert_eq!(leftovers(&failed), Vec::<PathBuf>::new());
}

/// `-o` onto a named pipe writes into the pipe: it must stay a pipe (a rename
/// onto it would turn it, or `/dev/null`, into a regular file), and on a
/// symbolic link the link stays a link to the finished file.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_link_keeps_it_what_it_is() {
    use std::os::unix::fs::FileTypeExt;

    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(20);
    let expected = ok(&["-"], &corpus);

    let pipe = dir.path().join("rows.pipe");
    let made = Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("SKIPPED the pipe half: mkfifo is not available");
    } else {
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || std::fs::read(pipe).unwrap())
        };
        let output = run(&["-o", pipe.to_str().unwrap(), "-"], &corpus);
        if !output.status.success() {
            // Let the reader see the end of the pipe before failing.
            drop(std::fs::OpenOptions::new().write(true).open(&pipe));
            panic!("{}", stderr(&output));
        }
        // Checked before joining: had the pipe been replaced, the reader
        // would wait for a writer for ever.
        assert!(std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo());
        assert_eq!(reader.join().unwrap(), expected);
        assert_eq!(leftovers(&pipe), Vec::<PathBuf>::new());
        let resumed = run(&["-o", pipe.to_str().unwrap(), "--resume", "-"], &corpus);
        assert_eq!(resumed.status.code(), Some(1), "{}", stderr(&resumed));
        assert!(stderr(&resumed).contains("regular output file"));
    }

    let target = dir.path().join("target.csv");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = run(&["-o", link.to_str().unwrap(), "-"], &corpus);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), expected);
}

/// Files beside `out` other than `out` itself.
fn leftovers(out: &Path) -> Vec<PathBuf> {
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&name) && n != name
        })
        .collect()
}

/// The records a checkpoint says are done, once it exists.
fn checkpointed_records(out: &Path) -> Option<u64> {
    let mut path = out.as_os_str().to_owned();
    path.push(".partial.checkpoint");
    let bytes = std::fs::read(PathBuf::from(path)).ok()?;
    let checkpoint: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    checkpoint["progress"]["records"].as_u64()
}

#[test]
fn resume_after_a_kill_ends_with_the_output_of_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(40);
    let expected = ok(&["-"], &corpus);
    let out = dir.path().join("quotes.csv");
    let out_arg = out.to_str().unwrap();
    let args = ["-o", out_arg, "--batch-articles", "5", "-j", "2", "-"];

    // Feed 17 articles and hold stdin open: three batches are done and
    // checkpointed, the fourth waits for input when the run is killed.
    let mut child: Child = whosaid()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines: Vec<&[u8]> = corpus.split_inclusive(|&b| b == b'\n').collect();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&lines[..17].concat()).unwrap();
    stdin.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while checkpointed_records(&out) != Some(15) {
        assert!(Instant::now() < deadline, "no checkpoint at 15 records");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert!(!out.exists(), "a killed run left a complete-looking file");
    let mut partial = out.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    // A torn write after the last checkpoint must not survive the resume.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&partial)
        .unwrap()
        .write_all(b"doc-torn,1,direct,half a row")
        .unwrap();

    // Other options would mix two outputs: refused.
    let output = run(&["-o", out_arg, "--resume", "--no-header", "-"], &corpus);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("other options"),
        "{}",
        stderr(&output)
    );

    let output = run(&["-o", out_arg, "--resume", "-j", "1", "-"], &corpus);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(&out).unwrap(), expected);
    assert_eq!(leftovers(&out), Vec::<PathBuf>::new());

    // Nothing to resume: a fresh run.
    std::fs::remove_file(&out).unwrap();
    let output = run(&["-o", out_arg, "--resume", "-"], &corpus);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(&out).unwrap(), expected);
}

#[test]
fn usage_errors() {
    let output = run(&["--resume"], b"");
    assert_eq!(output.status.code(), Some(2));
    let output = run(&["--format", "xml"], b"");
    assert_eq!(output.status.code(), Some(2));
    let output = run(&["--resume", "-o", "-"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--resume needs"));
}

#[test]
fn eval_is_a_subcommand_and_inputs_still_parse() {
    let output = run(&["eval", "--help"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("--gold"));
    assert_eq!(run(&["eval"], b"").status.code(), Some(2));
    // Options of the run are not options of eval, and the other way round.
    assert_eq!(
        run(&["-j", "1", "eval", "--gold", "x"], b"").status.code(),
        Some(2)
    );
    assert_eq!(run(&["--gold", "x"], b"").status.code(), Some(2));
    assert!(run(&["-j", "1", "data/sample"], b"").status.success());
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let corpus = corpus(300);
    let mut child = whosaid()
        .args(["-j", "1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&corpus);
    });
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}
