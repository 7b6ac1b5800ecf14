//! Write the hostile test files into a folder, to try `tierwatch ingest` on them by hand:
//! `cargo run -p tierwatch-ingest --features testgen --example hostile_files -- DIR [CORPUS]`
//! (CORPUS defaults to ../shared/corpus). Good chapters are copied beside them.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(args.first().expect("usage: hostile_files DIR [CORPUS]"));
    let corpus = std::path::PathBuf::from(args.get(1).map(String::as_str).unwrap_or("../shared/corpus")).join("tip-2018");
    std::fs::create_dir_all(&dir).expect("create DIR");
    let read = |n: &str| std::fs::read_to_string(corpus.join(n)).expect("a corpus chapter");
    for good in ["mexico.txt", "albania.txt", "ghana.txt"] {
        std::fs::copy(corpus.join(good), dir.join(good)).expect("copy a good chapter");
    }
    let names = tierwatch_ingest::testgen::hostile::write_all(&dir, &read("mexico.txt"), &read("bhutan.txt")).expect("write the files");
    println!("wrote {} hostile files and 3 good chapters to {}", names.len(), dir.display());
}
