//! Bytes to text: refuse empty and binary input, decode UTF-8, UTF-16 (with BOM) and
//! Windows-1252/Latin-1, and say which decoding was used.

use crate::error::ErrorKind;

/// The encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252 (a superset of printable Latin-1).
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252/Latin-1",
        }
    }

    /// True when text byte offsets equal source byte offsets (shifted by `prefix_len`).
    pub fn is_byte_exact(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Bytes skipped at the start of the file (a BOM).
    pub prefix_len: usize,
}

/// Decode a file's bytes, or say why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ErrorKind::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = std::str::from_utf8(rest).map_err(|e| ErrorKind::Binary { offset: 3 + e.valid_up_to() })?;
        return Ok(Decoded { text: text.to_string(), encoding: Encoding::Utf8Bom, prefix_len: 3 });
    }
    for (bom, enc, encoding) in [
        (&[0xFF, 0xFE], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&[0xFE, 0xFF], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors || text.contains('\0') {
                return Err(ErrorKind::Binary { offset: 2 });
            }
            return Ok(Decoded { text: text.into_owned(), encoding, prefix_len: 2 });
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ErrorKind::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_string(), encoding: Encoding::Utf8, prefix_len: 0 }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            // Text has few control characters; random bytes have many.
            let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
            if controls * 100 > text.chars().count().max(1) {
                return Err(ErrorKind::Binary { offset: 0 });
            }
            Ok(Decoded { text: text.into_owned(), encoding: Encoding::Windows1252, prefix_len: 0 })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert!(matches!(decode(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b"abc\0def"), Err(ErrorKind::Binary { offset: 3 })));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80).map(|b| if b == 0x80 { 0x81 } else { b }).chain([1u8, 2, 3, 4, 5, 6, 7, 8].repeat(100)).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn decodes_utf16_and_latin1() {
        let text = "Côte d'Ivoire (Tier 2)";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Utf16Le));
        let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        let d = decode(&latin1).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Windows1252));
    }
}
