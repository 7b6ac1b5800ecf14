//! How far each extraction rule reaches: for every pattern the extractors compiled while
//! reading `../shared/corpus` and `../shared/excerpts/other-years`, and for each of its
//! top-level alternatives, the number of documents whose text it matches, and how many of
//! those are in no gold set. A rule whose alternatives match one or two documents, or only
//! gold documents, is a rule that may have learned those files rather than the way the
//! reports are written (issue 10): this lists them to be read, kept with a reason or removed.
//!
//! Run: `cargo run --release -p tierwatch-extract --example rule_reach -- [MAX_DOCS]`
//! (default 2): prints the alternatives that match at most MAX_DOCS documents; then, inside
//! the alternatives that reach more, each word of a group's list (`(?:convicted|sentenced)`)
//! that matches at most MAX_DOCS of the documents its alternative matches; then a summary. Alternatives anchored with `^` or `$` are applied by their extractors to a part
//! of a sentence, not to whole texts, so they are counted apart and not judged here.
//! Gold sets: `../shared/gold`, `../shared/excerpts/gold`, `data/gold` (any file whose name
//! is the document's).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex_syntax::ast::{parse::Parser, Ast};
use tierwatch_ingest::{read_path, segment, ReadOptions};

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared");
    let mut files = Vec::new();
    for dir in ["corpus/tip-2018", "corpus/refworld", "excerpts/other-years"] {
        files.extend(txt_files(&shared.join(dir)));
    }
    files.sort();
    let gold: BTreeSet<String> = [shared.join("gold"), shared.join("excerpts/gold"), root.join("data/gold")]
        .iter()
        .flat_map(|d| json_stems(d))
        .collect();

    // read and extract everything once: this compiles every pattern the extractors reach
    let mut docs: Vec<(String, String)> = Vec::new();
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        match read_path(f, &ReadOptions::default()) {
            Ok(out) => {
                for d in out.documents {
                    let seg = segment(&d.text);
                    tierwatch_extract::extract(&d, &seg);
                    docs.push((name.clone(), d.text));
                }
            }
            Err(e) => eprintln!("{}: skipped: {e}", f.display()),
        }
    }

    let mut rows = Vec::new();
    let mut inner_rows = Vec::new();
    let mut inner_tried = 0;
    let (mut patterns, mut alternatives, mut anchored) = (0, 0, 0);
    let mut seen = BTreeSet::new();
    for c in tierwatch_model::pattern::compiled().into_iter().filter(|c| c.file.contains("extract")) {
        if !seen.insert(c.pattern.clone()) {
            continue;
        }
        patterns += 1;
        for alt in top_level_alternatives(&c.pattern) {
            alternatives += 1;
            let body = alt.trim_start_matches(&flags_prefix(&c.pattern)[..]);
            if body.trim_start().starts_with('^') || body.trim_end().ends_with('$') {
                anchored += 1;
                continue;
            }
            let re = compile(&alt).unwrap_or_else(|e| panic!("{}:{}: {alt}: {e}", c.file, c.line));
            let hits: Vec<usize> = (0..docs.len()).filter(|&i| re.is_match(&docs[i].1)).collect();
            let distinct: BTreeSet<&str> = hits.iter().map(|&i| docs[i].0.as_str()).collect();
            if distinct.len() <= max {
                let outside = distinct.iter().filter(|n| !gold.contains(**n)).count();
                rows.push((c.file, c.line, distinct.len(), outside, alt.clone(), distinct.into_iter().map(String::from).collect::<Vec<_>>()));
                continue;
            }
            // the alternative reaches more: does each word of the lists inside it?
            for (branch, variant) in inner_branches(&alt) {
                let Ok(re) = compile(&variant) else { continue };
                inner_tried += 1;
                let distinct: BTreeSet<&str> = hits.iter().filter(|&&i| re.is_match(&docs[i].1)).map(|&i| docs[i].0.as_str()).collect();
                if distinct.len() <= max {
                    let outside = distinct.iter().filter(|n| !gold.contains(**n)).count();
                    inner_rows.push((c.file, c.line, distinct.len(), outside, format!("{branch}   in   {alt}"), distinct.into_iter().map(String::from).collect::<Vec<_>>()));
                }
            }
        }
    }
    println!("{} documents read ({} in a gold set); alternatives matching at most {max} of them:", docs.len(), docs.iter().filter(|(n, _)| gold.contains(n)).count());
    println!("{:>4} {:>7}  {:<34} alternative (documents)", "docs", "no gold", "where");
    let mut by_file: BTreeMap<(&str, u32), usize> = BTreeMap::new();
    for (file, line, n, outside, alt, names) in &rows {
        *by_file.entry((file, *line)).or_default() += 1;
        let short: String = alt.chars().take(110).collect();
        println!("{n:>4} {outside:>7}  {:<34} {short}{}  [{}]", format!("{}:{line}", file.rsplit("src/").next().unwrap_or(file)), if alt.chars().count() > 110 { "…" } else { "" }, names.join(", "));
    }
    println!("\nwords of the lists inside an alternative that reaches more, matching at most {max} documents (the word, then its alternative):");
    for (file, line, n, outside, what, names) in &inner_rows {
        let short: String = what.chars().take(150).collect();
        println!("{n:>4} {outside:>7}  {:<34} {short}{}  [{}]", format!("{}:{line}", file.rsplit("src/").next().unwrap_or(file)), if what.chars().count() > 150 { "…" } else { "" }, names.join(", "));
    }
    println!(
        "\n{inner_tried} words inside groups tried (lists of at most {MAX_LIST} words), {} match at most {max} documents, {} none",
        inner_rows.len(),
        inner_rows.iter().filter(|r| r.2 == 0).count()
    );
    println!(
        "{patterns} patterns, {alternatives} top-level alternatives ({anchored} anchored, not judged); {} match at most {max} documents, {} of them none",
        rows.len(),
        rows.iter().filter(|r| r.2 == 0).count()
    );
}

/// The leading flag group of a pattern (`(?i)`, `(?mi)`), which applies to every alternative.
fn flags_prefix(pattern: &str) -> String {
    static FLAGS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(r"^\(\?[a-zA-Z]+\)").unwrap());
    FLAGS.find(pattern).map(|m| m.as_str().to_string()).unwrap_or_default()
}

/// A piece of a pattern, compiled with the engine settings the extractors use but not through
/// `pattern::regex`, so the thousands of pieces tried are not remembered as the project's own
/// patterns.
fn compile(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern).dfa_size_limit(tierwatch_model::pattern::DFA_CACHE_BYTES).build()
}

/// The top-level alternatives of `pattern`, each with the pattern's leading flags, as
/// patterns of their own (one element when the pattern is no alternation).
fn top_level_alternatives(pattern: &str) -> Vec<String> {
    let flags = flags_prefix(pattern);
    let Ok(ast) = Parser::new().parse(pattern) else { return vec![pattern.to_string()] };
    match &ast {
        Ast::Alternation(a) => a
            .asts
            .iter()
            .map(|x| {
                let text = &pattern[x.span().start.offset..x.span().end.offset];
                if text.starts_with(&flags) { text.to_string() } else { format!("{flags}{text}") }
            })
            .collect(),
        _ => vec![pattern.to_string()],
    }
}

/// Lists longer than this (number words, currencies) are not split word by word.
const MAX_LIST: usize = 40;

/// For each alternation nested inside `alt` (a group's list of words), each of its branches
/// and `alt` with that list narrowed to the branch alone.
fn inner_branches(alt: &str) -> Vec<(String, String)> {
    let Ok(ast) = Parser::new().parse(alt) else { return Vec::new() };
    let mut lists = Vec::new();
    collect_alternations(&ast, &mut lists);
    let mut out = Vec::new();
    for (start, end, branches) in lists {
        if branches.len() > MAX_LIST {
            continue;
        }
        for (a, b) in branches {
            let branch = &alt[a..b];
            out.push((branch.to_string(), format!("{}(?:{branch}){}", &alt[..start], &alt[end..])));
        }
    }
    out
}

/// A list of words inside a group: its byte span and its branches' spans.
type List = (usize, usize, Vec<(usize, usize)>);

/// Every alternation below the top of `ast`, inside a group.
fn collect_alternations(ast: &Ast, out: &mut Vec<List>) {
    match ast {
        Ast::Alternation(a) => {
            for x in &a.asts {
                collect_alternations(x, out);
            }
        }
        Ast::Concat(c) => c.asts.iter().for_each(|x| collect_alternations(x, out)),
        Ast::Repetition(r) => collect_alternations(&r.ast, out),
        Ast::Group(g) => {
            if let Ast::Alternation(a) = g.ast.as_ref() {
                out.push((a.span.start.offset, a.span.end.offset, a.asts.iter().map(|x| (x.span().start.offset, x.span().end.offset)).collect()));
            }
            collect_alternations(&g.ast, out);
        }
        _ => {}
    }
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect()
}

/// The stems of every `.json` file under `dir`, at any depth.
fn json_stems(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(json_stems(&p));
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    out
}
