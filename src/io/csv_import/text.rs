//! Bytes to text: files that are not a CSV told apart, the encoding, the delimiter.

use super::{Encoding, ImportError, NotCsv};

/// What a file that is not text looks like, from its first bytes.
pub(super) fn not_csv(bytes: &[u8]) -> Option<NotCsv> {
    let start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    match start {
        [b'P', b'K', 3, 4, ..] => Some(NotCsv::Spreadsheet),
        [0xD0, 0xCF, 0x11, 0xE0, ..] => Some(NotCsv::OldExcel),
        [b'%', b'P', b'D', b'F', ..] => Some(NotCsv::Pdf),
        _ if matches!(first, Some(b'{' | b'[')) => {
            let text = std::str::from_utf8(start).ok()?;
            serde_json::from_str::<serde::de::IgnoredAny>(text)
                .is_ok()
                .then_some(NotCsv::Json)
        }
        _ => None,
    }
}

pub(super) fn decode(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    let utf16 = |body: &[u8], le: bool| {
        if !body.len().is_multiple_of(2) {
            return Err(ImportError::Encoding {
                offset: bytes.len() - 1,
            });
        }
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ImportError::Encoding { offset: 2 })
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(|s| (s.to_owned(), Encoding::Utf8Bom))
            .map_err(|e| ImportError::Encoding {
                offset: 3 + e.valid_up_to(),
            }),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true).map(|s| (s, Encoding::Utf16Le)),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false).map(|s| (s, Encoding::Utf16Be)),
        _ => std::str::from_utf8(bytes)
            .map(|s| (s.to_owned(), Encoding::Utf8))
            .map_err(|e| ImportError::Encoding {
                offset: e.valid_up_to(),
            }),
    }
}

/// The delimiter that appears most often outside quotes in the first line.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if b == *d {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}
