//! The article readers (`whosaid::input`): every input kind, the id rules, and
//! bad input reported with file and line.

use std::io::Write;
use std::path::{Path, PathBuf};

use whosaid::input::{Article, Articles, Fields, Input, InputError};

fn read(inputs: &[&Path]) -> Vec<Result<Article, InputError>> {
    read_with(inputs, Fields::default())
}

fn read_with(inputs: &[&Path], fields: Fields) -> Vec<Result<Article, InputError>> {
    Articles::new(inputs.iter().map(|p| Input::new(*p)), fields).collect()
}

fn ok(records: Vec<Result<Article, InputError>>) -> Vec<(String, String)> {
    records
        .into_iter()
        .map(|r| {
            let a = r.unwrap_or_else(|e| panic!("unexpected error: {e}"));
            (a.id, a.text)
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn pair(id: &str, text: &str) -> (String, String) {
    (id.to_string(), text.to_string())
}

#[test]
fn a_text_file_is_one_article_named_by_its_path_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Line one,\r\nwith CRLF,\u{a0}NBSP and a \u{7} bell.\n";
    let path = write(dir.path(), "story", text.as_bytes());
    let records = read(&[&path]);
    assert_eq!(ok(records), [pair(&path.to_string_lossy(), text)]);
}

#[test]
fn json_lines_take_id_and_text_fields_and_name_the_rest_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let lines = concat!(
        "\u{feff}{\"id\": \"a\", \"text\": \"First.\", \"extra\": [1, {\"text\": 2}]}\n",
        "\n",
        "{\"text\": \"No id.\"}\r\n",
        "   \n",
        "{\"id\": 7, \"text\": \"Numeric id.\"}\n",
        "{\"id\": null, \"text\": \"Null id.\"}"
    );
    let path = write(dir.path(), "a.jsonl", lines.as_bytes());
    let name = path.to_string_lossy();
    assert_eq!(
        ok(read(&[&path])),
        [
            pair("a", "First."),
            pair(&format!("{name}:3"), "No id."),
            pair("7", "Numeric id."),
            pair(&format!("{name}:6"), "Null id."),
        ]
    );
}

#[test]
fn other_field_names_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write(
        dir.path(),
        "a.ndjson",
        b"{\"doc\": \"d1\", \"body\": \"Hello.\", \"text\": 3}\n",
    );
    let csv = write(dir.path(), "b.csv", b"body,doc\nHi.,d2\n");
    let fields = Fields {
        id: "doc".into(),
        text: "body".into(),
    };
    assert_eq!(
        ok(read_with(&[&jsonl, &csv], fields)),
        [pair("d1", "Hello."), pair("d2", "Hi.")]
    );
}

#[test]
fn csv_rows_with_a_header_and_quoted_multiline_text() {
    let dir = tempfile::tempdir().unwrap();
    let csv = concat!(
        "id,title,text\n",
        "x1,T,\"\"\"Quoted,\"\" she said.\n\nSecond paragraph.\"\n",
        ",U,No id here.\n"
    );
    let path = write(dir.path(), "a.csv", csv.as_bytes());
    let name = path.to_string_lossy();
    assert_eq!(
        ok(read(&[&path])),
        [
            pair("x1", "\"Quoted,\" she said.\n\nSecond paragraph."),
            pair(&format!("{name}:5"), "No id here."),
        ]
    );
    let no_id_column = write(dir.path(), "b.csv", b"text\nOnly text.\n");
    let name = no_id_column.to_string_lossy();
    assert_eq!(
        ok(read(&[&no_id_column])),
        [pair(&format!("{name}:2"), "Only text.")]
    );
}

#[test]
fn compressed_inputs_of_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = b"{\"id\": \"g1\", \"text\": \"One.\"}\n{\"id\": \"g2\", \"text\": \"Two.\"}\n";
    // Two gzip members back to back, as `cat a.gz b.gz` makes.
    let mut members = gzip(&jsonl[..29]);
    members.extend(gzip(&jsonl[29..]));
    let gz = write(dir.path(), "a.jsonl.gz", &members);
    let zst = write(
        dir.path(),
        "b.CSV.ZST",
        &zstd::encode_all(&b"id,text\nz1,Three.\n"[..], 0).unwrap(),
    );
    let txt = write(dir.path(), "c.txt.gz", &gzip("Four é.".as_bytes()));
    assert_eq!(
        ok(read(&[&gz, &zst, &txt])),
        [
            pair("g1", "One."),
            pair("g2", "Two."),
            pair("z1", "Three."),
            pair(&txt.to_string_lossy(), "Four é."),
        ]
    );
}

#[test]
fn directories_are_walked_recursively_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    write(&root, "b.txt", b"B");
    write(&root, "a/z.txt", b"AZ");
    write(&root, "a/notes.md", b"not an article");
    write(&root, "c.jsonl", b"{\"text\": \"C\"}\n");
    write(
        &root,
        "a/y.txt.zst",
        &zstd::encode_all(&b"AY"[..], 0).unwrap(),
    );
    write(&root, "d.csv.gz", &gzip(b"text\nD\n"));
    let name = |rest: &str| root.join(rest).to_string_lossy().into_owned();
    assert_eq!(
        ok(read(&[&root])),
        [
            pair(&name("a/y.txt.zst"), "AY"),
            pair(&name("a/z.txt"), "AZ"),
            pair(&name("b.txt"), "B"),
            pair(&format!("{}:1", name("c.jsonl")), "C"),
            pair(&format!("{}:2", name("d.csv.gz")), "D"),
        ]
    );
}

fn errors(records: &[Result<Article, InputError>]) -> Vec<String> {
    records
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect()
}

#[test]
fn bad_json_lines_are_errors_with_file_and_line_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let lines = concat!(
        "{\"id\": \"a\", \"text\": \"Good.\"}\n",
        "{\"id\": \"b\", \"text\": \"Cut\n",
        "{\"id\": \"c\"}\n",
        "{\"id\": \"d\", \"text\": 42}\n",
        "[\"not\", \"an object\"]\n",
        "{\"id\": [], \"text\": \"Bad id.\"}\n",
        "{\"id\": \"e\", \"text\": \"Also good.\"}\n",
    );
    let mut bytes = lines.as_bytes().to_vec();
    bytes.extend(b"{\"id\": \"f\", \"text\": \"\xff\"}\n");
    let path = write(dir.path(), "a.jsonl", &bytes);
    let records = read(&[&path]);
    let name = path.to_string_lossy();
    let errors = errors(&records);
    assert_eq!(errors.len(), 6, "{errors:#?}");
    for (error, line) in errors.iter().zip([2, 3, 4, 5, 6, 8]) {
        assert!(
            error.starts_with(&format!("{name}:{line}")),
            "{error} is not about line {line}"
        );
    }
    assert!(errors[1].contains("(article c)") && errors[1].contains("no \"text\" field"));
    assert!(errors[2].contains("not a string"), "{}", errors[2]);
    let good: Vec<_> = records.into_iter().filter_map(Result::ok).collect();
    assert_eq!(good.len(), 2);
    assert_eq!(good[1].id, "e");
    assert!(!records_fatal(&read(&[&path])));
}

fn records_fatal(records: &[Result<Article, InputError>]) -> bool {
    records.iter().any(|r| r.as_ref().is_err_and(|e| e.fatal))
}

#[test]
fn bad_csv_and_text_files_are_errors_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "a.csv",
        b"id,text\nx,Good.\ny,Too,many\nz,\"Bad \xff byte\"\nw,Fine.\n",
    );
    let txt = write(dir.path(), "b.txt", b"First line.\nSecond \xc3 line.\n");
    let records = read(&[&csv, &txt]);
    let errors = errors(&records);
    let csv_name = csv.to_string_lossy();
    let txt_name = txt.to_string_lossy();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("{csv_name}:3")),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with(&format!("{csv_name}:4 (article z)")),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with(&format!("{txt_name}:2")),
        "{}",
        errors[2]
    );
    assert!(errors[2].contains("UTF-8"));
    let good: Vec<_> = records.into_iter().filter_map(Result::ok).collect();
    assert_eq!(good.len(), 2);
}

#[test]
fn unreadable_and_truncated_files_are_fatal_for_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.jsonl");
    let mut jsonl = String::new();
    for n in 0..2000 {
        jsonl.push_str(&format!(
            "{{\"id\": \"{n}\", \"text\": \"Article number {n}.\"}}\n"
        ));
    }
    let gz = gzip(jsonl.as_bytes());
    let truncated_gz = write(dir.path(), "t.jsonl.gz", &gz[..gz.len() / 2]);
    let zst = zstd::encode_all(jsonl.as_bytes(), 0).unwrap();
    let truncated_zst = write(dir.path(), "t.jsonl.zst", &zst[..zst.len() / 2]);
    let no_text_column = write(dir.path(), "n.csv", b"id,body\n1,x\n");
    let good = write(dir.path(), "good.txt", b"Still read.");
    for bad in [&missing, &truncated_gz, &truncated_zst, &no_text_column] {
        let records = read(&[bad, &good]);
        let errors = errors(&records);
        assert_eq!(errors.len(), 1, "{bad:?}: {errors:#?}");
        assert!(
            errors[0].starts_with(&*bad.to_string_lossy()),
            "{}",
            errors[0]
        );
        assert!(records_fatal(&records));
        let last = records.last().unwrap().as_ref().unwrap();
        assert_eq!(last.text, "Still read.");
        // Whatever came before the cut was read, in order.
        for (n, record) in records.iter().filter_map(|r| r.as_ref().ok()).enumerate() {
            if record.text != "Still read." {
                assert_eq!(record.id, n.to_string());
            }
        }
    }
}
