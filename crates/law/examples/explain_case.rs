//! Print the explanation (or `--json`) of law case files:
//! `cargo run -p tierwatch-law --example explain_case -- law/cases/26-rule-f-second-year-2019.toml [--json]`

use tierwatch_law::cases::Case;
use tierwatch_law::{render_explanation, Law};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let law = Law::embedded().unwrap_or_else(|e| panic!("law/ does not load: {e}"));
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let case = Case::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (a, bad) = case.check(&law).unwrap_or_else(|e| panic!("{path}: {e}"));
        println!("# {}\n", case.name);
        if json {
            println!("{}", serde_json::to_string_pretty(&a).unwrap());
        } else {
            print!("{}", render_explanation(&a));
        }
        for b in bad {
            println!("MISMATCH: {b}");
        }
    }
}
