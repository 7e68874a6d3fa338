//! `sysuser generate`: a large synthetic plan, written atomically.

use crate::cli::{Ctx, EXIT_OK, GenerateArgs};

pub fn run(args: &GenerateArgs, _ctx: &Ctx) -> anyhow::Result<u8> {
    if args.clients > crate::plan::MAX_CLIENTS {
        anyhow::bail!(
            "at most {} clients can be generated (a plan with more is refused when read)",
            crate::plan::MAX_CLIENTS
        );
    }
    let plan = crate::generate::plan(args.clients, args.system_users, args.seed);
    super::emit(args.output.as_deref(), &crate::plan::to_yaml(&plan))?;
    Ok(EXIT_OK)
}
