//! Embeds the dataset in `data/` into the library, so that `cryptoreg` runs with no set-up. Each file is stored
//! compressed (zlib) and inflated when loaded: the text is read once, and stored plain it would stay in memory as
//! the binary's pages (3 MB) for the life of the process.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = manifest.join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    println!("cargo:rerun-if-changed={}", data.join("frameworks").display());
    let mut files = Vec::new();
    collect(&data, &data, &mut files);
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut out = String::from(
        "/// Every data file, as (path relative to data/, text compressed with zlib).\n\
         pub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (i, (rel, abs)) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", abs.display());
        let text = std::fs::read(abs).expect("read a data file");
        let packed = out_dir.join(format!("data-{i}.zlib"));
        std::fs::write(&packed, miniz_oxide::deflate::compress_to_vec_zlib(&text, 9)).expect("write a packed file");
        writeln!(out, "    ({rel:?}, include_bytes!({:?})),", packed.display().to_string()).expect("write to string");
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("embedded.rs"), out).expect("write embedded.rs");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "schema") {
                collect(root, &path, files);
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
            files.push((rel, path));
        }
    }
}
