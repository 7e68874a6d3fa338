use crate::cli::{CheckArgs, Ctx, EXIT_FINDINGS, EXIT_OK, ReportFormat};

pub fn run(args: &CheckArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    let plan = super::load_plan(&args.file)?;
    let report = crate::engine::check(&plan);
    match args.format {
        ReportFormat::Json => super::emit(None, &super::to_json(&report))?,
        ReportFormat::Text => {
            let mut s = String::new();
            for f in &report.findings {
                s.push_str(&format!(
                    "{}[{}]: {}\n",
                    f.severity.as_str(),
                    f.rule.id(),
                    f.message
                ));
            }
            super::emit(None, &s)?;
        }
    }
    Ok(if report.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
