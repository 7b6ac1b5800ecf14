//! `tierwatch user add|list|disable`: accounts in the store (for the team mode of issue 14).
//! The password is read from the terminal without echo, or from standard input with
//! `--password-stdin` (its first line); the time of each change is read from the clock here.

use std::io::BufRead;
use std::process::ExitCode;
use tierwatch_store::{Location, Role};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Add an account: `user add NAME --role analyst|reviewer|admin`.
    Add {
        name: String,
        /// analyst (drafts), reviewer (approves or returns), admin (manages users).
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Read the password from standard input (its first line) instead of the terminal.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List accounts: name, role, made, disabled.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Disable an account (it stays listed, and named in the audit trail).
    Disable { name: String },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("unknown role {s:?}: analyst, reviewer or admin"))
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    } else {
        let first = rpassword::prompt_password("password: ")
            .map_err(|e| anyhow::anyhow!("cannot read the password from the terminal ({e}); use --password-stdin"))?;
        let again = rpassword::prompt_password("again: ")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        Ok(first)
    }
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_store(db)?;
    match args.action {
        Action::Add { name, role, password_stdin } => {
            let password = read_password(password_stdin)?;
            let user = tierwatch_app::accounts::add_user(&store, &name, role, &password, &tierwatch_server::clock::now_rfc3339())?;
            println!("added {} ({})", user.name, user.role.code());
        }
        Action::List { json } => {
            let users = store.users()?;
            if json {
                crate::render::json(&users)?;
            } else {
                for u in users {
                    let state = u.disabled_at.as_deref().map(|t| format!("disabled {t}")).unwrap_or_else(|| "active".into());
                    println!("{:<24} {:<9} made {}  {state}", u.name, u.role.code(), u.created_at);
                }
            }
        }
        Action::Disable { name } => {
            tierwatch_app::accounts::disable_user(&store, &name, &tierwatch_server::clock::now_rfc3339())?;
            println!("disabled {name}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
