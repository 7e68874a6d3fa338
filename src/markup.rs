//! Escaping for HTML and SVG: every string a plan provides (names can hold
//! `<script>`) passes through [`escape`] before it is written into markup.

use std::borrow::Cow;

/// The text with `&`, `<`, `>`, `"` and `'` written as character references,
/// safe in element content and in quoted attribute values; control and bidi
/// characters are first made visible as a terminal shows them
/// ([`crate::text::visible`]), so a page never reads differently from the plan.
pub fn escape(s: &str) -> Cow<'_, str> {
    let shown = crate::text::visible(s);
    if !shown.contains(['&', '<', '>', '"', '\'']) {
        return shown;
    }
    let mut out = String::with_capacity(shown.len() + 16);
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escape("a\u{1b}[31mb"), "a\\x1b[31mb");
        assert_eq!(escape("abc\u{202e}fed<"), "abc\\u{202e}fed&lt;");
    }
}
