//! Escaping for HTML and SVG: every string a plan provides (names can hold
//! `<script>`) passes through [`escape`] before it is written into markup.

use std::borrow::Cow;

/// The text with `&`, `<`, `>`, `"` and `'` written as character references,
/// safe in element content and in quoted attribute values. Control characters
/// other than tab and newline (invalid in XML) become spaces.
pub fn escape(s: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || bad_control(c);
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if bad_control(c) => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn bad_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert!(matches!(escape("Rett Revisjon AS"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[31mb"), "a [31mb");
    }
}
