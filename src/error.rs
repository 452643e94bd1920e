//! The crate's one error type. Parsing never fails; only decoding bytes and I/O can.

use std::path::PathBuf;

/// What can go wrong before a document can be parsed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not UTF-8.
    #[error("not UTF-8 at byte {offset} (bytes {bytes}){hint}")]
    Decode {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// The bytes there, in hex.
        bytes: String,
        /// A guess at the encoding, if one fits.
        hint: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Describes a UTF-8 error at `offset` of `bytes`.
    pub fn decode(bytes: &[u8], offset: usize) -> Self {
        let shown: Vec<String> = bytes[offset..bytes.len().min(offset + 4)]
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        let legacy = bytes.iter().filter(|&&b| b >= 0x80).count();
        let hint = if legacy > 0
            && bytes
                .windows(2)
                .any(|w| w[0] == 0xA9 || w[0] == 0xB8 && w[1] == 0x6E)
        {
            "; it looks like a legacy Vietnamese encoding (TCVN3, VNI or VISCII): convert it to UTF-8 first".to_string()
        } else {
            String::new()
        };
        Error::Decode {
            offset,
            bytes: shown.join(" "),
            hint,
        }
    }
}
