//! Small text helpers shared by search, suggestions and slugs.

/// Folds Norwegian letters and case so that `sykefravær`, `Sykefravaer` and
/// `SYKEFRAVAER` compare equal, the way Altinn spells package codes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'å' | 'á' | 'à' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' | 'ù' => out.push('u'),
            'í' | 'ì' | 'ï' => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// A readable identifier: folded, letters and digits kept, everything else a
/// single `-`. Used for external refs, which the end-user system shows to people.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Edit distance (insertions, deletions, substitutions), over chars.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = fold(word);
    candidates
        .into_iter()
        .map(|c| (levenshtein(&word, &fold(c)), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `4812` → `4,812`: counts people read in trees and summaries.
pub fn thousands(n: usize) -> String {
    thousands_in(n, crate::lang::Lang::En)
}

/// [`thousands`] as the language writes it: `4,812`, or `4 812` in bokmål.
pub fn thousands_in(n: usize, lang: crate::lang::Lang) -> String {
    let sep = match lang {
        crate::lang::Lang::En => ',',
        crate::lang::Lang::Nb => ' ',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Greedy word wrap at `width` characters; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `"s"` after an English count that is not one: `format!("{n} client{}", plural_s(n))`.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An English count with its noun: "1 problem", "2 problems".
pub fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", plural_s(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_norwegian_letters() {
        assert_eq!(fold("Sykefravær"), "sykefravaer");
        assert_eq!(fold("Økonomi og Å"), "okonomi og a");
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Accounting + sick leave"), "accounting-sick-leave");
        assert_eq!(slug("  Grünerløkka bydel "), "grunerlokka-bydel");
    }

    #[test]
    fn suggests_close_words_only() {
        let fields = ["clients", "organisation", "system"];
        assert_eq!(did_you_mean("clents", fields), Some("clients"));
        assert_eq!(did_you_mean("zzzzzz", fields), None);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(4812), "4,812");
        assert_eq!(thousands(100000), "100,000");
        assert_eq!(thousands(12), "12");
    }
}
