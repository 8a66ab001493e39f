//! Static files compiled into the binary, served under content-hashed names so they can be cached forever.

/// One static file.
pub struct Asset {
    /// Name with the content hash (`style.1a2b3c4d.css`).
    pub hashed_name: String,
    /// MIME type.
    pub content_type: &'static str,
    /// Bytes.
    pub body: &'static [u8],
}

/// All static files.
pub struct Assets {
    /// The stylesheet.
    pub css: Asset,
    /// The progressive-enhancement script.
    pub js: Asset,
}

/// FNV-1a, 64 bit: a stable content hash for cache-busting names (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn asset(stem: &str, ext: &str, content_type: &'static str, body: &'static [u8]) -> Asset {
    Asset { hashed_name: format!("{stem}.{:08x}.{ext}", fnv1a(body) as u32), content_type, body }
}

impl Assets {
    /// Hashes the embedded files.
    pub fn load() -> Self {
        Assets {
            css: asset("style", "css", "text/css; charset=utf-8", include_bytes!("../static/style.css")),
            js: asset("app", "js", "text/javascript; charset=utf-8", include_bytes!("../static/app.js")),
        }
    }

    /// The asset with this hashed name.
    pub fn get(&self, name: &str) -> Option<&Asset> {
        [&self.css, &self.js].into_iter().find(|a| a.hashed_name == name)
    }
}
