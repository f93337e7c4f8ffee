//! The `bedside scan --format jsonl` contract: one output line per input line, in order,
//! ids echoed, code-point offsets, bad lines reported inline.

use batch::{scan, ScanArgs, ScanFormat};

fn run(name: &str, input: &str, threads: usize) -> (bool, Vec<serde_json::Value>) {
    let dir = std::env::temp_dir().join(format!(
        "bedside-scan-{name}-{}-{threads}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("in.jsonl");
    std::fs::write(&path, input).expect("write input");
    let args = ScanArgs {
        file: Some(path),
        format: ScanFormat::Jsonl,
        threads,
        min_confidence: 0.5,
        health: false,
    };
    let mut out = Vec::new();
    let found = scan(&args, &mut out).expect("scan runs");
    let text = String::from_utf8(out).expect("utf8 output");
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (found, lines)
}

#[test]
fn contract() {
    let input = concat!(
        "{\"id\": 7, \"text\": \"é Julie Guzman called 555-201-4477\"}\n",
        "not json\n",
        "{\"id\": \"b\"}\n",
        "{\"text\": \"Flu season is here.\"}\n",
    );
    for threads in [1, 2] {
        let (found, lines) = run("contract", input, threads);
        assert!(found);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], 7);
        let spans = lines[0]["spans"].as_array().expect("spans");
        let person = spans
            .iter()
            .find(|s| s["type"] == "PERSON")
            .expect("person");
        assert_eq!(
            (person["start"].as_u64(), person["end"].as_u64()),
            (Some(2), Some(14))
        );
        assert_eq!(person["text"], "Julie Guzman");
        assert!(spans.iter().any(|s| s["type"] == "PHONE_NUMBER"));
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().is_some());
        assert_eq!(lines[2]["line"], 3);
        assert_eq!(lines[3]["spans"].as_array().map(Vec::len), Some(0));
        assert!(lines[3].get("id").is_none());
    }
}

#[test]
fn nothing_found_is_false() {
    let (found, lines) = run("nothing", "{\"text\": \"Wash your hands.\"}\n", 1);
    assert!(!found);
    assert_eq!(lines.len(), 1);
}
