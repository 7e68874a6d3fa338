//! `sysuser schema`: the plan format's JSON Schema, for editors.

pub fn run() -> anyhow::Result<u8> {
    super::emit(None, &crate::schema::to_json())?;
    Ok(crate::cli::EXIT_OK)
}
