//! The JSON writer of answers: what serde_json would write for the same value, byte for byte, written faster. Cells
//! that many answers show keep their JSON: while this writer runs, a framework's cell in a comparison writes the text
//! its shared view kept the first time, instead of serialising the view again (the view is read-only, so the text
//! can never go stale). Any other serializer sees the ordinary `Serialize` output.

use serde::Serialize;
use std::cell::Cell;

thread_local! {
    /// Whether this thread is inside [`write`], where kept JSON may be written as it is.
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

/// Appends `value` to `buffer` as compact JSON (UTF-8), equal to `serde_json::to_writer`; strings are escaped with
/// SIMD (sonic-rs), and cells write the JSON their shared views kept.
pub fn write<T: Serialize + ?Sized>(buffer: &mut Vec<u8>, value: &T) -> Result<(), sonic_rs::Error> {
    /// Puts the flag back as it was, even if serialisation panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            WRITING.set(self.0);
        }
    }
    let _restore = Restore(WRITING.replace(true));
    sonic_rs::to_writer(buffer, value)
}

/// `value` as compact JSON, as [`write`] writes it.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, sonic_rs::Error> {
    let mut buffer = Vec::new();
    write(&mut buffer, value)?;
    Ok(buffer)
}

/// Whether kept JSON may be written as it is: only [`write`]'s serializer writes it raw.
pub(crate) fn writing_kept() -> bool {
    WRITING.get()
}

/// `value` as JSON kept for writing again: valid JSON text that [`write`] writes unchanged.
pub(crate) fn keep<T: Serialize + ?Sized>(value: &T) -> Option<sonic_rs::OwnedLazyValue> {
    let text = sonic_rs::FastStr::from(sonic_rs::to_string(value).ok()?);
    let lazy = sonic_rs::get_from_faststr(&text, std::iter::empty::<&str>()).ok()?;
    Some(sonic_rs::OwnedLazyValue::from(lazy))
}
