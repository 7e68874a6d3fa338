//! Altinn's access package catalog and ER-role table, built into the binary.
//!
//! The data files are Altinn's own (see `data/*.yaml` for their sources); they
//! are parsed once, on first use, so commands that never need them pay nothing.

use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The prefix of an access package URN; plans may use either form.
pub const URN_PREFIX: &str = "urn:altinn:accesspackage:";

const PACKAGES_YAML: &str = include_str!("../data/access-packages.yaml");
const ROLES_YAML: &str = include_str!("../data/er-role-packages.yaml");
const SYNONYMS_YAML: &str = include_str!("../data/package-synonyms.yaml");

/// The packages an everyday word starting with `term` means (two letters
/// at least): `mva`, `vat` → merverdiavgift. A picker lists them first.
pub fn meant_by(term: &str) -> Vec<&'static str> {
    let term = fold(term.trim());
    if term.chars().count() < 2 {
        return Vec::new();
    }
    synonyms()
        .iter()
        .filter(|(word, _)| word.starts_with(&term))
        .flat_map(|(_, codes)| codes.iter().map(String::as_str))
        .collect()
}

/// Everyday search words (folded) and the package codes they mean.
fn synonyms() -> &'static [(String, Vec<String>)] {
    static SYNONYMS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    SYNONYMS.get_or_init(|| {
        let map: std::collections::BTreeMap<String, Vec<String>> =
            serde_yaml::from_str(SYNONYMS_YAML).expect("data/package-synonyms.yaml is valid");
        map.into_iter()
            .map(|(w, codes)| (fold(&w), codes))
            .collect()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Organization,
    Person,
}

/// Which kind of system user a package may go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Assignable only: standard system users.
    Standard,
    /// Delegable only: client system users.
    Client,
    Both,
    /// Neither: the system register refuses it (or it is a person package).
    Neither,
}

impl Fit {
    pub fn as_str(self) -> &'static str {
        match self {
            Fit::Standard => "standard",
            Fit::Client => "client",
            Fit::Both => "both",
            Fit::Neither => "neither",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct RoleGrant {
    pub role: String,
    #[serde(default)]
    pub er_code: Option<String>,
    #[serde(default)]
    pub only_for_client_unit_type: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Package {
    pub code: String,
    pub urn: String,
    pub name_nb: String,
    pub name_nn: String,
    pub name_en: String,
    pub area: String,
    pub area_en: String,
    pub area_group: String,
    pub area_group_en: String,
    pub entity_type: EntityType,
    pub is_assignable: bool,
    pub is_delegable: bool,
    #[serde(default)]
    pub description_nb: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub granted_by_roles: Vec<RoleGrant>,
}

impl Package {
    pub fn fit(&self) -> Fit {
        if self.entity_type == EntityType::Person {
            return Fit::Neither;
        }
        match (self.is_assignable, self.is_delegable) {
            (true, true) => Fit::Both,
            (true, false) => Fit::Standard,
            (false, true) => Fit::Client,
            (false, false) => Fit::Neither,
        }
    }

    pub fn is_person_package(&self) -> bool {
        self.entity_type == EntityType::Person
    }

    /// The name in the given language (`nb`, `nn` or anything else for English).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "nb" => &self.name_nb,
            "nn" => &self.name_nn,
            _ => &self.name_en,
        }
    }
}

/// One row of the ER-role table: a role gives a package, possibly only for
/// clients of one organisation form.
#[derive(Debug, Clone)]
pub struct RolePackage {
    pub package: String,
    pub only_if_client_unit_type: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub role: String,
    pub er_code: Option<String>,
    pub name_nb: String,
    pub name_en: String,
    pub packages: Vec<RolePackage>,
}

#[derive(Deserialize)]
struct RawRole {
    role: String,
    #[serde(default)]
    er_code: Option<String>,
    name_nb: String,
    name_en: String,
    #[serde(default)]
    packages: Vec<RawRolePackage>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRolePackage {
    Code(String),
    Detailed {
        package: String,
        #[serde(default)]
        only_if_client_unit_type: Option<String>,
    },
}

pub struct Catalog {
    packages: Vec<Package>,
    by_code: HashMap<String, usize>,
    roles: Vec<Role>,
}

/// Package names the guidance uses as examples that do not exist in Altinn,
/// with the nearest real packages (from RULES.md).
const GUIDANCE_EXAMPLE_NAMES: &[(&str, &[&str])] = &[
    (
        "sykmelding",
        &[
            "sykefravaer",
            "sykefravaer-personopplysninger-saerlig-kategori",
            "oppgi-naermeste-leder",
        ],
    ),
    ("inntektsmelding", &["a-ordning", "lonn"]),
];

impl Catalog {
    fn load() -> Catalog {
        // The fast reader covers the built-in files (a test holds it to that);
        // the full parser stays as the fallback.
        let packages: Vec<Package> =
            crate::fastyaml::from_str(PACKAGES_YAML).unwrap_or_else(|| {
                serde_yaml::from_str(PACKAGES_YAML).expect("built-in access-packages.yaml is valid")
            });
        let raw_roles: Vec<RawRole> = crate::fastyaml::from_str(ROLES_YAML).unwrap_or_else(|| {
            serde_yaml::from_str(ROLES_YAML).expect("built-in er-role-packages.yaml is valid")
        });
        let by_code = packages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.clone(), i))
            .collect();
        let roles = raw_roles
            .into_iter()
            .map(|r| Role {
                role: r.role,
                er_code: r.er_code,
                name_nb: r.name_nb,
                name_en: r.name_en,
                packages: r
                    .packages
                    .into_iter()
                    .map(|p| match p {
                        RawRolePackage::Code(package) => RolePackage {
                            package,
                            only_if_client_unit_type: None,
                        },
                        RawRolePackage::Detailed {
                            package,
                            only_if_client_unit_type,
                        } => RolePackage {
                            package,
                            only_if_client_unit_type,
                        },
                    })
                    .collect(),
            })
            .collect();
        Catalog {
            packages,
            by_code,
            roles,
        }
    }

    pub fn packages(&self) -> &[Package] {
        &self.packages
    }

    /// Looks up by short code or full URN.
    pub fn get(&self, code_or_urn: &str) -> Option<&Package> {
        let code = code_or_urn.strip_prefix(URN_PREFIX).unwrap_or(code_or_urn);
        self.by_code.get(code).map(|&i| &self.packages[i])
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn role(&self, role: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.role == role)
    }

    /// The packages an ER role gives the provider for a client of the given
    /// organisation form (`None`: form unknown, so no form-limited package).
    pub fn role_packages<'a>(
        &'a self,
        role: &str,
        client_unit_type: Option<&'a str>,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.role(role)
            .into_iter()
            .flat_map(|r| r.packages.iter())
            .filter(move |rp| match &rp.only_if_client_unit_type {
                None => true,
                Some(form) => client_unit_type.is_some_and(|u| u.eq_ignore_ascii_case(form)),
            })
            .map(|rp| rp.package.as_str())
    }

    /// The organisation forms a role's grant of `package` is limited to, if any
    /// (empty: the role gives it for every form, or not at all).
    pub fn role_package_forms(&self, role: &str, package: &str) -> Vec<&str> {
        self.role(role)
            .into_iter()
            .flat_map(|r| r.packages.iter())
            .filter(|rp| rp.package == package)
            .filter_map(|rp| rp.only_if_client_unit_type.as_deref())
            .collect()
    }

    /// Organisation packages whose code or name (nb, nn or en) contains
    /// `term`, ignoring case and Norwegian letters, or that an everyday word
    /// starting with `term` means (`mva`, `vat` → merverdiavgift; the words
    /// are data, `data/package-synonyms.yaml`).
    pub fn search<'a>(&'a self, term: &str) -> impl Iterator<Item = &'a Package> + 'a {
        let meant = meant_by(term);
        let term = fold(term.trim());
        self.packages.iter().filter(move |p| {
            term.is_empty()
                || meant.contains(&p.code.as_str())
                || [&p.code, &p.name_nb, &p.name_nn, &p.name_en]
                    .iter()
                    .any(|s| fold(s).contains(&term))
        })
    }

    /// The nearest real codes for an unknown one, best first: the guidance's
    /// own example names first, then codes sharing a prefix or a small edit
    /// distance, organisation packages before person packages.
    pub fn nearest_codes(&self, unknown: &str, max: usize) -> Vec<&str> {
        let code = fold(unknown.strip_prefix(URN_PREFIX).unwrap_or(unknown).trim());
        if let Some((_, near)) = GUIDANCE_EXAMPLE_NAMES.iter().find(|(n, _)| *n == code) {
            return near.iter().copied().take(max).collect();
        }
        let mut scored: Vec<(usize, &str)> = self
            .packages
            .iter()
            .map(|p| {
                let prefix = p
                    .code
                    .chars()
                    .zip(code.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let dist = crate::text::levenshtein(&code, &p.code);
                let contains =
                    p.code.contains(&code) || (code.len() >= 4 && code.contains(&p.code));
                let mut score = dist.saturating_sub(2 * prefix);
                if contains {
                    score = score.min(1);
                }
                if p.is_person_package() {
                    score += 3;
                }
                (score, p.code.as_str())
            })
            .collect();
        scored.sort();
        let limit = (code.chars().count() / 2).max(3);
        scored
            .into_iter()
            .filter(|(s, _)| *s <= limit)
            .map(|(_, c)| c)
            .take(max)
            .collect()
    }
}

/// The package's name in `lang` as a service ("Sick leave", "Sykefravær"),
/// without a trailing stop; unknown codes stay as they are.
pub fn service_name_in(code: &str, lang: crate::lang::Lang) -> &str {
    catalog()
        .get(code)
        .map(|p| match lang {
            crate::lang::Lang::En => p.name_en.as_str(),
            crate::lang::Lang::Nb => p.name_nb.as_str(),
        })
        .map(|n| n.trim_end_matches('.'))
        .unwrap_or(code)
}

/// The built-in catalog.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_find_their_packages_and_name_real_codes() {
        let codes =
            |t: &str| -> Vec<String> { catalog().search(t).map(|p| p.code.clone()).collect() };
        for (word, code) in [
            ("mva", "merverdiavgift"),
            ("vat", "merverdiavgift"),
            ("MVA", "merverdiavgift"),
            ("sykepenger", "sykefravaer"),
            ("payroll", "a-ordning"),
        ] {
            assert!(
                codes(word).iter().any(|c| c == code),
                "{word}: {:?}",
                codes(word)
            );
        }
        for (word, meant) in synonyms() {
            for code in meant {
                assert!(catalog().get(code).is_some(), "{word} → unknown {code}");
            }
        }
    }

    #[test]
    fn has_all_packages_and_roles() {
        let c = catalog();
        assert_eq!(c.packages().len(), 223);
        let org = c
            .packages()
            .iter()
            .filter(|p| p.entity_type == EntityType::Organization)
            .count();
        assert_eq!(org, 147);
        assert_eq!(c.roles().len(), 56);
    }

    #[test]
    fn fits_match_rules_md() {
        let c = catalog();
        let count = |f: Fit| {
            c.packages()
                .iter()
                .filter(|p| p.entity_type == EntityType::Organization && p.fit() == f)
                .count()
        };
        assert_eq!(count(Fit::Both), 129);
        assert_eq!(count(Fit::Client), 6);
        assert_eq!(count(Fit::Standard), 11);
        assert_eq!(count(Fit::Neither), 1);
        assert_eq!(c.get("eksplisitt").unwrap().fit(), Fit::Neither);
    }

    #[test]
    fn looks_up_by_code_or_urn() {
        let c = catalog();
        assert_eq!(c.get("skatt-naering").unwrap().name_en, "Business tax");
        assert!(c.get("urn:altinn:accesspackage:skatt-naering").is_some());
        assert!(c.get("sykmelding").is_none());
    }

    #[test]
    fn role_packages_respect_organisation_form() {
        let c = catalog();
        let ffor_as: Vec<_> = c.role_packages("forretningsforer", Some("AS")).collect();
        assert!(ffor_as.is_empty());
        let ffor_brl: Vec<_> = c.role_packages("forretningsforer", Some("BRL")).collect();
        assert_eq!(ffor_brl, ["forretningsforer-eiendom"]);
        let ffor_nuf: Vec<_> = c.role_packages("forretningsforer", Some("NUF")).collect();
        assert_eq!(ffor_nuf.len(), 10);
        assert!(ffor_nuf.contains(&"merverdiavgift"));
        assert_eq!(c.role_packages("regnskapsforer", None).count(), 3);
        assert_eq!(c.role_packages("revisor", Some("AS")).count(), 2);
        assert_eq!(
            c.role_package_forms("forretningsforer", "forretningsforer-eiendom"),
            ["ESEK", "BRL"]
        );
    }

    #[test]
    fn search_ignores_accents_and_language() {
        let c = catalog();
        let hits: Vec<_> = c.search("sykefravær").map(|p| p.code.as_str()).collect();
        assert!(hits.contains(&"sykefravaer"), "{hits:?}");
        let hits: Vec<_> = c.search("Sick leave").map(|p| p.code.as_str()).collect();
        assert!(hits.contains(&"sykefravaer"), "{hits:?}");
    }

    #[test]
    fn nearest_codes_for_guidance_names_and_typos() {
        let c = catalog();
        assert_eq!(c.nearest_codes("sykmelding", 3)[0], "sykefravaer");
        assert_eq!(c.nearest_codes("inntektsmelding", 3)[0], "a-ordning");
        assert_eq!(c.nearest_codes("merverdiavgft", 3)[0], "merverdiavgift");
        assert_eq!(c.nearest_codes("skatt-naring", 3)[0], "skatt-naering");
    }
}
