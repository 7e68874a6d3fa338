//! The runbook as one REST-client file (the `.http` format VS Code's REST
//! Client and JetBrains' HTTP client run). The token is the `{{token}}`
//! variable from the user's environment file: never written here.

use super::{Runbook, one_line};

pub fn http(rb: &Runbook) -> String {
    let mut s = format!(
        "# sysuser requests: {} for {} in {}.\n\
         # Define `token` in your REST-client environment (VS Code: rest-client.environmentVariables;\n\
         # JetBrains: http-client.private.env.json): a Maskinporten token of the vendor with the scope\n\
         # each request names. Keep it out of this file and out of version control.\n\
         # Portal steps are comments in their own ### blocks, in their place in the order.\n\n@baseUrl = {}\n",
        one_line(&rb.system_id),
        rb.organisation,
        rb.env.as_str(),
        rb.base_url
    );
    if !rb.missing.is_empty() {
        s.push_str("\n# Fill in first (in the plan's `system:`, then generate again):\n");
        for m in &rb.missing {
            s.push_str(&format!("#   {}\n", m.field));
        }
    }
    for (i, stage) in rb.stages.iter().enumerate() {
        s.push_str(&format!(
            "\n### ==== {}. {}: {}\n# token: {}\n",
            i + 1,
            stage.actor.label(),
            one_line(&stage.title),
            stage.token
        ));
        for item in &stage.checklist {
            s.push_str(&format!("# [ ] {}\n", one_line(item)));
        }
        for c in &stage.calls {
            s.push_str(&format!(
                "\n### {} {}\n# scope: {}; success: {}\n",
                c.name,
                one_line(&c.title),
                c.scope,
                c.ok.iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            if c.path.contains('{') {
                s.push_str("# set the {{…}} values in the URL first\n");
            }
            s.push_str(&format!(
                "{} {{{{baseUrl}}}}{}\nAuthorization: Bearer {{{{token}}}}\nAccept: application/json\n",
                c.method,
                c.path.replace('{', "{{").replace('}', "}}")
            ));
            if let Some(b) = &c.body {
                s.push_str(&format!(
                    "Content-Type: application/json\n\n{}",
                    b.to_json()
                ));
            }
        }
    }
    s
}
