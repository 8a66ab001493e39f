//! The Atom feeds read by a real feed parser (Python's feedparser): every feed parses without error and has entries
//! (issue #11). Ignored by a plain `cargo test` (it needs python3 with feedparser); `scripts/test` runs it.

use crate::harness::{get, get_with, shipped};

/// A python3 that can import feedparser: `CRYPTOREG_PYTHON`, Debian's, or the one on PATH.
fn python() -> String {
    let candidates =
        [std::env::var("CRYPTOREG_PYTHON").unwrap_or_default(), "/usr/bin/python3".into(), "python3".into()];
    candidates
        .into_iter()
        .filter(|p| !p.is_empty())
        .find(|p| {
            std::process::Command::new(p).args(["-c", "import feedparser"]).output().is_ok_and(|o| o.status.success())
        })
        .unwrap_or_else(|| panic!("no python3 can import feedparser: install python3-feedparser (scripts/test does)"))
}

#[tokio::test]
#[ignore = "needs python3 with feedparser: run by scripts/test"]
async fn every_feed_parses_with_feedparser() {
    let python = python();
    let dir = std::env::temp_dir().join(format!("cryptoreg-feeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut feeds = Vec::new();
    for uri in [
        "/changes.atom",
        "/frameworks/alpha-law/changes.atom",
        "/jurisdictions/FR/changes.atom",
        "/aspects/travel-rule/changes.atom",
    ] {
        feeds.push((uri.to_owned(), get(uri).await.body));
    }
    for uri in ["/changes.atom", "/frameworks/eu-mica/changes.atom", "/jurisdictions/US/changes.atom"] {
        feeds.push((format!("shipped {uri}"), get_with(shipped(), uri, None).await.body));
    }
    let check = "import feedparser, sys\nd = feedparser.parse(sys.argv[1])\nassert not d.bozo, d.bozo_exception\nassert d.version == 'atom10', d.version\nassert len(d.entries) > 0\nassert all(e.id and e.link and e.updated_parsed for e in d.entries)\nprint(len(d.entries))";
    for (i, (name, body)) in feeds.iter().enumerate() {
        let path = dir.join(format!("{i}.atom"));
        std::fs::write(&path, body).expect("write feed");
        let out = std::process::Command::new(&python)
            .args(["-c", check, path.to_str().expect("utf-8 path")])
            .output()
            .expect("run python");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
