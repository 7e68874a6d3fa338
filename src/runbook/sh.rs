//! The vendor's calls as a POSIX sh script with curl. The token comes from
//! `ALTINN_TOKEN` and reaches curl on its standard input (never a command
//! line, never a file); every answer is checked and the script stops at the
//! first error. `ALTINN_BASE_URL` overrides the base URL (a test server).

use super::{Call, CallKind, Phase, Runbook, one_line};

/// Single-quoted for sh.
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

const PRELUDE: &str = r#"set -u

if [ -z "${ALTINN_TOKEN:-}" ]; then
  echo "error: set ALTINN_TOKEN to a Maskinporten access token of the vendor (see the top of this file)" >&2
  exit 2
fi
command -v curl >/dev/null 2>&1 || { echo "error: this script needs curl" >&2; exit 2; }
WORK=$(mktemp -d) || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 1' HUP INT TERM
STATUS=
ST=

fail() {
  echo "error: $*" >&2
  if [ -s "$WORK/answer" ]; then cat "$WORK/answer" >&2; echo >&2; fi
  exit 1
}

# call METHOD PATH [BODY-FILE]: sets STATUS; the answer is in $WORK/answer.
call() {
  : > "$WORK/answer"
  if [ $# -ge 3 ]; then
    STATUS=$(printf 'header = "Authorization: Bearer %s"\n' "$ALTINN_TOKEN" |
      curl -sS --max-time 60 -K - -X "$1" -H 'Accept: application/json' \
        -H 'Content-Type: application/json' --data-binary "@$3" \
        -o "$WORK/answer" -w '%{http_code}' "$BASE_URL$2") || fail "$1 $2: no answer"
  else
    STATUS=$(printf 'header = "Authorization: Bearer %s"\n' "$ALTINN_TOKEN" |
      curl -sS --max-time 60 -K - -X "$1" -H 'Accept: application/json' \
        -o "$WORK/answer" -w '%{http_code}' "$BASE_URL$2") || fail "$1 $2: no answer"
  fi
}

# expect "CODES" WHAT: stops unless STATUS is one of CODES.
expect() {
  case " $1 " in
    *" $STATUS "*) ;;
    *) fail "$2 answered HTTP $STATUS" ;;
  esac
}

# field NAME: the first string value of NAME in the answer (one value a line
# after splitting at , { and }; the answers are flat enough for that).
# shellcheck disable=SC2020
field() {
  tr ',{}' '\n\n\n' < "$WORK/answer" |
    sed -n "s/^[[:space:]]*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1
}

uuid() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' |
    sed 's/^\(........\)\(....\)\(....\)\(....\)\(............\)$/\1-\2-\3-\4-\5/'
}
"#;

pub fn sh(rb: &Runbook) -> String {
    let scopes: std::collections::BTreeSet<&str> = rb.calls().map(|c| c.scope).collect();
    let phases: Vec<Phase> = [Phase::Request, Phase::Status, Phase::Finish]
        .into_iter()
        .filter(|p| rb.calls().any(|c| c.phase == *p))
        .collect();
    let mut s = format!(
        "#!/bin/sh\n# Names from the plan are echoed literally, in single quotes:\n# shellcheck disable=SC2016\n# sysuser requests: the system vendor's API calls for {} and organisation {} ({}).\n#\n",
        one_line(&rb.system_id),
        rb.organisation,
        rb.env.as_str()
    );
    for p in &phases {
        let what = match p {
            Phase::Request => "the vendor's calls before approval (the default)",
            Phase::Status => "poll each request; once approved, look up the system user's id",
            Phase::Finish => {
                "last, after the old system users are deleted: clean up the register entry"
            }
        };
        s.push_str(&format!("#   sh requests.sh {:<8} {what}\n", p.as_str()));
    }
    s.push_str(&format!(
        "#\n# ALTINN_TOKEN: a Maskinporten access token of the vendor ({}) with the scopes\n#   {}\n# It is read from the environment and handed to curl on its standard input: never\n# written to a file or a command line. ALTINN_BASE_URL overrides {}.\n# Each answer is checked; the script stops at the first error.\n# The people's steps (approval, clients, deletion) are in the markdown runbook.\n\nBASE_URL=${{ALTINN_BASE_URL:-{}}}\n",
        rb.vendor,
        scopes.into_iter().collect::<Vec<_>>().join(" "),
        rb.base_url,
        rb.base_url
    ));
    let registers = rb
        .calls()
        .any(|c| matches!(c.body, Some(super::Body::Register(_))));
    if registers {
        let fields: Vec<&str> = rb.missing.iter().map(|m| m.field.as_str()).collect();
        s.push_str(&format!(
            "# What the plan must still say before the register call (empty: nothing).\nMISSING={}\n",
            sq(&fields.join(", "))
        ));
    }
    s.push_str(PRELUDE);
    for p in &phases {
        s.push_str(&format!("\n{}() {{\n", p.as_str()));
        if *p == Phase::Request && registers {
            s.push_str(
                "  if [ -n \"$MISSING\" ]; then\n    fail \"the plan lacks what the system register entry needs; fill in $MISSING under system: and generate the script again\"\n  fi\n",
            );
        }
        for c in rb.calls().filter(|c| c.phase == *p) {
            call_sh(&mut s, c);
        }
        s.push_str("}\n");
    }
    let usage: Vec<&str> = phases.iter().map(|p| p.as_str()).collect();
    s.push_str("\ncase \"${1:-request}\" in\n");
    for p in &usage {
        s.push_str(&format!("  {p}) {p} ;;\n"));
    }
    s.push_str(&format!(
        "  *) echo \"usage: sh requests.sh [{}]\" >&2; exit 2 ;;\nesac\necho 'finished without errors'\n",
        usage.join("|")
    ));
    s
}

fn call_sh(s: &mut String, c: &Call) {
    let what = format!("{} {}", c.method, c.path);
    s.push_str(&format!(
        "  # {}: {}\n  echo {}\n",
        c.name,
        one_line(&c.title),
        sq(&one_line(&format!("{} {}", c.name, c.title)).replace('`', ""))
    ));
    if let Some(b) = &c.body {
        s.push_str(&format!(
            "  cat > \"$WORK/body\" <<'JSON'\n{}JSON\n",
            b.to_json()
        ));
    }
    let body_arg = if c.body.is_some() {
        " \"$WORK/body\""
    } else {
        ""
    };
    let ok =
        c.ok.iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(" ");
    match &c.kind {
        CallKind::RegisterSystem => {
            s.push_str(&format!(
                "  call {} {}{body_arg}\n  case $STATUS in\n    200|201) echo '   registered' ;;\n    409) echo '   exists already: left as it is (PUT would replace the whole entry; see the runbook)' ;;\n    *) fail {} \"answered HTTP $STATUS\" ;;\n  esac\n",
                c.method,
                sq(&c.path),
                sq(&what)
            ));
        }
        CallKind::ReplaceSystem => {
            s.push_str(&format!(
                "  call {} {}{body_arg}\n  expect {} {}\n  echo '   replaced'\n",
                c.method,
                sq(&c.path),
                sq(&ok),
                sq(&what)
            ));
        }
        CallKind::RequestSystemUser { .. } => {
            s.push_str(&format!(
                "  call {} {}{body_arg}\n  case $STATUS in\n    201) echo \"   requested (id $(field id)); an access manager of the organisation approves it at:\"\n         echo \"   $(field confirmUrl)\" ;;\n    200) echo \"   a request with this external ref exists already (status $(field status)); Altinn returns it unchanged whatever its packages. Approve at:\"\n         echo \"   $(field confirmUrl)\" ;;\n    *) fail {} \"answered HTTP $STATUS\" ;;\n  esac\n",
                c.method,
                sq(&c.path),
                sq(&what)
            ));
        }
        CallKind::ChangeRequest { lookup, .. } => {
            let path = c
                .path
                .replace("{correlationId}", "$corr")
                .replace("{systemUserId}", "$id");
            s.push_str(&format!(
                "  call GET {}\n  expect 200 {}\n  id=$(field id)\n  [ -n \"$id\" ] || fail 'the lookup gave no id'\n  corr=$(uuid)\n  call {} \"{path}\"{body_arg}\n  expect {} {}\n  echo \"   change requested; approve at: $(field confirmUrl)\"\n",
                sq(lookup),
                sq(&format!("GET {lookup}")),
                c.method,
                sq(&ok),
                sq(&what)
            ));
        }
        CallKind::Poll { .. } => {
            s.push_str(&format!(
                "  call {} {}\n  expect {} {}\n  ST=$(field status)\n  echo \"   status: $ST\"\n",
                c.method,
                sq(&c.path),
                sq(&ok),
                sq(&what)
            ));
        }
        CallKind::Lookup { .. } => {
            s.push_str(&format!(
                "  if [ \"$ST\" = Accepted ]; then\n    call {} {}\n    expect {} {}\n    echo \"   system user id: $(field id)\"\n  else\n    echo '   not approved yet: run sh requests.sh status again later'\n  fi\n",
                c.method,
                sq(&c.path),
                sq(&ok),
                sq(&what)
            ));
        }
    }
}
