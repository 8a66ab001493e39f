//! The committed JSON Schemas in data/schema/ match the ones generated from the Rust types.

#[test]
fn committed_schemas_are_up_to_date() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/schema");
    for (name, generated) in cryptoreg_core::schema::data_schemas() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(committed == generated, "data/schema/{name} is stale: run `cargo run -- schema` and commit the result");
    }
}
