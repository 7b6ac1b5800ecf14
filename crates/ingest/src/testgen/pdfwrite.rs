//! Low-level PDF writing for the fixture generator: Helvetica text runs placed on pages,
//! with a WinAnsi encoding whose unused codes 0x81/0x8D draw the "fi"/"fl" ligature glyphs.

use lopdf::{dictionary, Document, Object, Stream};

pub const PAGE_W: f32 = 612.0;
pub const PAGE_H: f32 = 792.0;
/// Codes that draw the ligature glyphs.
pub const LIG_FI: u8 = 0x81;
pub const LIG_FL: u8 = 0x8D;

/// One run of text at a position.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub bold: bool,
    pub size: f32,
    pub bytes: Vec<u8>,
}

/// A page: text runs in drawing order, or an image filling the page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub runs: Vec<Run>,
    pub image: bool,
}

/// Text to WinAnsi bytes; `ligatures` draws "fi"/"fl" between letters as one glyph.
pub fn encode(text: &str, ligatures: bool) -> Vec<u8> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lig = ligatures
            && c == 'f'
            && matches!(chars.get(i + 1), Some('i' | 'l'))
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 2).is_some_and(|n| n.is_alphabetic());
        if lig {
            out.push(if chars[i + 1] == 'i' { LIG_FI } else { LIG_FL });
            i += 2;
            continue;
        }
        match c {
            'ﬁ' => out.push(LIG_FI),
            'ﬂ' => out.push(LIG_FL),
            c => {
                let mut buf = [0u8; 4];
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                out.extend_from_slice(if bytes.len() == 1 { &bytes } else { b"?" });
            }
        }
        i += 1;
    }
    out
}

/// Rough Helvetica advance width of `text` at `size` points (an overestimate, for wrapping).
pub fn width(text: &str, size: f32) -> f32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '.' | ',' | ':' | ';' | '|' | '!' | ' ' => 0.30,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' => 0.92,
            c if c.is_ascii_uppercase() => 0.74,
            c if c.is_ascii_digit() => 0.56,
            _ => 0.58,
        })
        .sum();
    em * size
}

fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for &b in bytes {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// Write the pages as a PDF file.
pub fn write(pages: &[Page]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let encoding = dictionary! {
        "Type" => "Encoding",
        "BaseEncoding" => "WinAnsiEncoding",
        "Differences" => vec![Object::Integer(LIG_FI as i64), "fi".into(), Object::Integer(LIG_FL as i64), "fl".into()],
    };
    let font = |doc: &mut Document, base: &str| {
        doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base, "Encoding" => encoding.clone() })
    };
    let f1 = font(&mut doc, "Helvetica");
    let f2 = font(&mut doc, "Helvetica-Bold");
    let image = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 8, "Height" => 8, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        (0..64u32).map(|i| (i * 4) as u8).collect(),
    ));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2 },
        "XObject" => dictionary! { "Im1" => image },
    });
    let mut kids = Vec::new();
    for page in pages {
        let mut content = Vec::new();
        if page.image {
            content.extend_from_slice(format!("q {} 0 0 {} 50 50 cm /Im1 Do Q\n", PAGE_W - 100.0, PAGE_H - 100.0).as_bytes());
        }
        for r in &page.runs {
            let font = if r.bold { "F2" } else { "F1" };
            content.extend_from_slice(format!("BT /{font} {} Tf {:.2} {:.2} Td ", r.size, r.x, r.y).as_bytes());
            content.extend(literal(&r.bytes));
            content.extend_from_slice(b" Tj ET\n");
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(Object::from(doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing a PDF to memory");
    out
}

/// The same PDF, encrypted (RC4, 128-bit) with a user password: it cannot be opened without it.
pub fn encrypt(pdf: &[u8], user_password: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = Document::load_mem(pdf).expect("a PDF we wrote");
    let id = Object::string_literal(b"tierwatch-fixture".to_vec());
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypting");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing a PDF to memory");
    out
}
