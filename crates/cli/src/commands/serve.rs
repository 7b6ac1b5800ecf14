//! `tierwatch serve [--addr 127.0.0.1:8080] [--map-data PATH] [--public-read] [--secure-cookies]`:
//! the JSON API and web app. Once the store has accounts (`tierwatch user add`), writes need
//! a login, and so does reading unless `--public-read`.

use std::net::SocketAddr;
use tierwatch_store::Location;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Other map shapes (a `world.json` written by `node crates/server/web/build-map.mjs`);
    /// without this flag the shapes shipped with tierwatch are used.
    #[arg(long, env = "TIERWATCH_MAP_DATA")]
    map_data: Option<PathBuf>,
    /// Once the store has accounts, let visitors read without logging in (writes still need a login).
    #[arg(long)]
    public_read: bool,
    /// Mark the session cookie Secure (when served behind https; requests a proxy marks
    /// `X-Forwarded-Proto: https` get it anyway).
    #[arg(long)]
    secure_cookies: bool,
}

pub fn run(db: &Location, args: Args) -> anyhow::Result<ExitCode> {
    let config = tierwatch_server::Config {
        map_data: args.map_data,
        public_read: args.public_read,
        secure_cookies: args.secure_cookies,
        ..tierwatch_server::Config::new(db.clone())
    };
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(tierwatch_server::serve(config, args.addr, |addr| {
        use std::io::Write;
        println!("tierwatch serve: listening on http://{addr}/");
        let _ = std::io::stdout().flush();
    }))
    .map_err(anyhow::Error::msg)?;
    Ok(ExitCode::SUCCESS)
}
