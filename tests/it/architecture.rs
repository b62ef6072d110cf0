//! The shape of `src/`: dependencies between its files point one way, from
//! the commands down to the smallest shared types, and never go round in a
//! cycle.
//!
//! Every file of `src/` is read and the module paths it names are resolved
//! to the files they lead to: `crate::a::b`, `super::x` and `self::y`, in
//! `use` items and in code alike, braces expanded (`crate::a::{b, c::d}`).
//! Comments, string literals and `#[cfg(test)]` items are not read: tests
//! may reach anywhere. A module naming the files it is made of (its own
//! children, `table::write` from `report/discrepancy_book.rs`) is its own
//! composition, not a dependency; a child naming its parent (`super::X`) is.
//!
//! Two things fail the test:
//!
//! - a cycle between files (`a` uses `b`, which uses `a`, directly or
//!   through others): move what both need into a lower file that both use;
//! - a file using a file of a higher layer of [`LAYERS`]: move the thing it
//!   needs down to the lowest layer that uses it, or, if the data flow has
//!   changed, change [`LAYERS`] and say why there.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// The layers of `src/`, lowest first: a file may use files of its own
/// layer and of the layers below it, never one above. A module belongs to
/// the layer whose entry names it or its closest ancestor
/// (`run::outcome` sits below `report`, the rest of `run` above it).
///
/// The order is the order data passes through: the shared vocabulary, the
/// pipeline that gives the reports their meaning, files opened, cells read
/// into values, tables read, rows consolidated into figures, earlier months,
/// checks, the outcome of a run, its outputs, the run that writes them, and
/// the commands on top.
const LAYERS: &[(&str, &[&str])] = &[
    // The vocabulary every stage speaks: languages, the reporting calendar,
    // the seven counted figures, findings (with their follow-up and the
    // columns they are listed in), why a file is refused, and the text key
    // every match is made on; the matches the specialist confirmed.
    (
        "core",
        &[
            "lang",
            "period",
            "measures",
            "issue",
            "ingest::format",
            "normalize::text",
            "confirmed",
        ],
    ),
    // The workbook kit every writer uses: settings, formats, print setup,
    // widths, text cut at the cell limit, safe sheet names.
    ("workbook kit", &["workbook"]),
    // The pipeline file: units, headers, rules and tolerances.
    ("pipeline", &["pipeline"]),
    // Files found in the inbox, workbooks opened, sheets read into grids.
    ("ingest", &["ingest"]),
    // Header texts -> fields, cells -> values, a file's unit and period.
    ("normalize", &["normalize"]),
    // Coverage, events, financing and the unit's summary read row by row.
    ("tables", &["tables"]),
    // The registry of organisations; the messages that explain issues.
    ("registry and messages", &["registry", "messages"]),
    // Accepted rows -> unit and region figures, and their breakdowns.
    ("figures", &["consolidate", "breakdown"]),
    // Earlier months: stored figures, last month's follow-up.
    ("earlier months", &["history", "followup"]),
    // The rules: rows, totals, the registry, the region, history.
    ("checks", &["checks"]),
    // What a run found, as the writers take it.
    ("outcome", &["run::outcome"]),
    // The outputs: workbooks, logs, summary.
    ("report", &["report"]),
    // The national-scale benchmark's generated inboxes.
    ("bench inboxes", &["bench"]),
    // Failures that stop a run, each area's error in the user's language.
    ("fatal errors", &["error"]),
    // The run: stages in order, then the outputs written.
    ("run", &["run"]),
    // The form districts fill.
    ("template", &["template"]),
    // The command line: flags parsed, the run called, results printed.
    ("commands", &["commands", "cli"]),
];

#[test]
fn files_use_lower_layers_only_and_never_go_round() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = Graph::of(&sources(&src, &src));
    assert!(
        graph.files.len() > 50,
        "src/ read: {:?}",
        graph.files.keys()
    );
    let mut problems = unplaced(&graph, LAYERS);
    problems.extend(upward_uses(&graph, LAYERS));
    problems.extend(cycles(&graph));
    assert!(
        problems.is_empty(),
        "the shape of src/ (see tests/it/architecture.rs):\n{}",
        problems.join("\n")
    );
}

/// Modules are private to the crate: what is public is re-exported at the
/// crate root (`lib.rs`, its "Public API"), so a module made `pub` again, or an
/// item declared `pub` in a module nobody re-exports from, shows here.
#[test]
fn modules_are_private_and_the_api_is_the_crate_root() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src, &src);
    let mut problems = Vec::new();
    for (rel, text) in &files {
        let code = code_only(text);
        for line in code.lines() {
            let line = line.trim_start();
            if line.starts_with("pub mod ") || line.starts_with("pub use ") && rel != "lib.rs" {
                problems.push(format!("{rel}: {line}"));
            }
        }
    }
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    assert!(lib.contains("pub use "), "lib.rs re-exports the public API");
    assert!(
        problems.is_empty(),
        "public modules or re-exports outside lib.rs:\n{}",
        problems.join("\n")
    );
}

/// The README's "How it works" names every file and folder of `src/`, so a
/// newcomer finds each stage where the table says.
#[test]
fn the_readme_names_every_part_of_src() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme
        .split("## How it works")
        .nth(1)
        .expect("README has a How it works section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("src")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let shown = if path.is_dir() {
            format!("`{name}/`")
        } else {
            format!("`{name}`")
        };
        if !section.contains(&shown) {
            missing.push(shown);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "README How it works does not name: {}",
        missing.join(", ")
    );
}

// ---------------------------------------------------------------------------
// The checker itself, tried on small made-up trees.

fn tree(files: &[(&str, &str)]) -> Graph {
    let owned: Vec<(String, String)> = files
        .iter()
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect();
    Graph::of(&owned)
}

fn uses(g: &Graph, module: &str) -> Vec<String> {
    g.edges[module].keys().cloned().collect()
}

#[test]
fn a_cycle_between_files_is_found() {
    let g = tree(&[
        ("lib.rs", "pub mod a; pub mod b; pub mod c;"),
        ("a.rs", "use crate::b::B;"),
        ("b.rs", "pub fn f() { crate::c::g() }"),
        ("c.rs", "pub fn g() { let _ = crate::a::A; }"),
    ]);
    let found = cycles(&g);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("src/a.rs -> src/b.rs -> src/c.rs -> src/a.rs"),
        "{found:?}"
    );
    // two files using each other are a cycle too
    let g = tree(&[
        ("ingest/guard.rs", "use crate::ingest::workbook::Format;"),
        ("ingest/workbook.rs", "use crate::ingest::guard::check;"),
    ]);
    assert_eq!(cycles(&g).len(), 1);
}

#[test]
fn a_lower_layer_using_a_higher_one_is_found() {
    let layers: &[(&str, &[&str])] = &[("low", &["base", "top::data"]), ("high", &["top"])];
    let g = tree(&[
        ("base.rs", "pub fn f() -> crate::top::Run { todo!() }"),
        ("top/mod.rs", "use crate::base::f; use data::D;"),
        ("top/data.rs", "use crate::base::f;"),
        ("extra.rs", ""),
    ]);
    let found = upward_uses(&g, layers);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("base.rs") && found[0].contains("top/mod.rs"),
        "{found:?}"
    );
    let unplaced = unplaced(&g, layers);
    assert_eq!(unplaced.len(), 1, "{unplaced:?}");
    assert!(unplaced[0].contains("extra.rs"), "{unplaced:?}");
}

#[test]
fn comments_strings_and_tests_are_not_uses() {
    let g = tree(&[
        (
            "a.rs",
            r##"
            // crate::b::X
            /* crate::b /* nested */ crate::b */
            /// [`crate::b::X`]
            const S: &str = "crate::b::X";
            const R: &str = r#"crate::b::"X""#;
            const C: char = '"';
            const Q: char = '\'';
            fn f<'a>(s: &'a str) -> &'a str { s }
            #[cfg(test)]
            mod tests {
                use crate::b::X;
            }
            #[cfg(test)]
            mod more_tests;
            "##,
        ),
        ("a/more_tests.rs", "use crate::b::X;"),
        (
            "b.rs",
            "pub struct X; pub(crate) fn g() { let _ = crate::a::S; }",
        ),
    ]);
    assert_eq!(uses(&g, "a"), Vec::<String>::new());
    assert_eq!(uses(&g, "b"), ["a"]);
    assert!(!g.files.contains_key("a::more_tests"));
}

#[test]
fn paths_are_resolved_to_the_files_they_lead_to() {
    let g = tree(&[
        ("q/mod.rs", "pub mod r;"),
        ("q/r.rs", ""),
        ("x/mod.rs", "pub mod y; pub mod z; pub struct Shared;"),
        (
            "x/y.rs",
            "use super::z::{self, W};\nuse crate::{q::{r::T}, x::Shared as S};\n\
             mod inner { use super::super::Shared; }",
        ),
        ("x/z.rs", "pub fn w() { $crate::q::r::f() }"),
    ]);
    assert_eq!(uses(&g, "x::y"), ["q::r", "x", "x::z"]);
    assert_eq!(uses(&g, "x::z"), ["q::r"]);
    // a module naming its own children is made of them
    assert_eq!(uses(&g, "x"), Vec::<String>::new());
}

// ---------------------------------------------------------------------------

/// The files of `src/` and what each uses.
struct Graph {
    /// Module path (`report::discrepancy_book::table`) -> file (`report/discrepancy_book/table.rs`).
    files: BTreeMap<String, String>,
    /// Module -> module it uses -> one path by which it does.
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

/// Every `.rs` file under `dir`, as (path relative to `src`, text).
fn sources(src: &Path, dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(sources(src, &path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a source file");
            out.push((rel, text));
        }
    }
    out
}

/// `report/discrepancy_book/table.rs` -> `report::discrepancy_book::table`;
/// `mod.rs` is its folder; the crate root and the binary are not modules.
fn module_of(rel: &str) -> Option<String> {
    let stem = rel.strip_suffix(".rs")?;
    if stem == "lib" || stem == "main" {
        return None;
    }
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    Some(stem.replace('/', "::"))
}

impl Graph {
    fn of(sources: &[(String, String)]) -> Graph {
        let mut code = BTreeMap::new();
        let mut test_only = BTreeSet::new();
        let mut files = BTreeMap::new();
        for (rel, text) in sources {
            let Some(module) = module_of(rel) else {
                continue;
            };
            let (tokens, tests) = without_tests(&tokens(&code_only(text)));
            test_only.extend(tests.into_iter().map(|t| format!("{module}::{t}")));
            files.insert(module.clone(), rel.clone());
            code.insert(module, tokens);
        }
        // A file declared under `#[cfg(test)]` is a test, and so is all below it.
        files.retain(|m, _| !test_only.iter().any(|t| within(m, t)));
        let mut edges = BTreeMap::new();
        for module in files.keys() {
            let mut used = BTreeMap::new();
            for path in paths(&code[module], module) {
                let Some(target) = resolve(&path, &files) else {
                    continue;
                };
                // A module's own children are what it is made of.
                if !within(&target, module) {
                    used.entry(target).or_insert_with(|| path.join("::"));
                }
            }
            edges.insert(module.clone(), used);
        }
        Graph { files, edges }
    }

    fn file(&self, module: &str) -> String {
        format!("src/{}", self.files[module])
    }
}

/// Whether `module` is `ancestor` or inside it.
fn within(module: &str, ancestor: &str) -> bool {
    module == ancestor
        || module
            .strip_prefix(ancestor)
            .is_some_and(|rest| rest.starts_with("::"))
}

/// The longest leading part of a path that is a file's module.
fn resolve(path: &[String], files: &BTreeMap<String, String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| files.contains_key(m))
}

/// The text with comments, string and character literals blanked out.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let ident = |k: usize| k > 0 && (c[k - 1].is_alphanumeric() || c[k - 1] == '_');
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r'
            && (!ident(i) || (c[i - 1] == 'b' && !ident(i - 1)))
            && matches!(next, Some('"' | '#'))
        {
            // r"..." or r#"..."#: no escapes, ends at the quote and as many #.
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            i += hashes + 2;
            while i < c.len() && !(c[i] == '"' && c[i + 1..].iter().take(hashes).all(|&h| h == '#'))
            {
                i += 1;
            }
            i += 1 + hashes;
            out.push_str("\"\"");
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
            // a character literal; a lifetime ('a) has no closing quote
            i += if next == Some('\\') { 3 } else { 2 };
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    /// `::`
    Sep,
    Punct(char),
}

fn tokens(code: &str) -> Vec<Token> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_whitespace() {
            i += 1;
        } else if c[i].is_alphanumeric() || c[i] == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(c[start..i].iter().collect()));
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token::Sep);
            i += 2;
        } else {
            out.push(Token::Punct(c[i]));
            i += 1;
        }
    }
    out
}

fn is(t: Option<&Token>, word: &str) -> bool {
    matches!(t, Some(Token::Ident(w)) if w == word)
}

/// The tokens without `#[cfg(test)]` items, and the names of the test
/// modules declared in files of their own (`#[cfg(test)] mod rule_tests;`).
fn without_tests(t: &[Token]) -> (Vec<Token>, Vec<String>) {
    let cfg_test = [
        Token::Punct('#'),
        Token::Punct('['),
        Token::Ident("cfg".into()),
        Token::Punct('('),
        Token::Ident("test".into()),
        Token::Punct(')'),
        Token::Punct(']'),
    ];
    let mut out = Vec::with_capacity(t.len());
    let mut test_files = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t[i..].starts_with(&cfg_test) {
            out.push(t[i].clone());
            i += 1;
            continue;
        }
        i += cfg_test.len();
        // `mod name;`, with any visibility before it
        let item: Vec<&Token> = t[i..]
            .iter()
            .take_while(|x| **x != Token::Punct(';'))
            .collect();
        if let [.., Token::Ident(m), Token::Ident(name)] = item.as_slice() {
            if m == "mod" && !item.contains(&&Token::Punct('{')) {
                test_files.push(name.clone());
            }
        }
        // The item ends at its `;` or its closing brace, outside () and [].
        let mut depth = 0i32;
        while i < t.len() {
            match t[i] {
                Token::Punct('(' | '[') => depth += 1,
                Token::Punct(')' | ']') => depth -= 1,
                Token::Punct(';') if depth == 0 => break,
                Token::Punct('{') if depth == 0 => {
                    let mut braces = 0;
                    while i < t.len() {
                        match t[i] {
                            Token::Punct('{') => braces += 1,
                            Token::Punct('}') => braces -= 1,
                            _ => {}
                        }
                        if braces == 0 {
                            break;
                        }
                        i += 1;
                    }
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        i += 1;
    }
    (out, test_files)
}

/// Every module path the tokens of `module` name, from the crate root.
fn paths(t: &[Token], module: &str) -> Vec<Vec<String>> {
    let file: Vec<String> = module.split("::").map(str::to_string).collect();
    // inline modules (`mod inner { ... }`) open inside the file: (name, brace depth)
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match &t[i] {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                inline.retain(|(_, d)| *d <= depth);
            }
            Token::Ident(w) if w == "mod" => {
                if let (Some(Token::Ident(name)), Some(Token::Punct('{'))) =
                    (t.get(i + 1), t.get(i + 2))
                {
                    inline.push((name.clone(), depth + 1));
                }
            }
            Token::Ident(w)
                if matches!(w.as_str(), "crate" | "super" | "self")
                    && t.get(i + 1) == Some(&Token::Sep)
                    && (i == 0 || t[i - 1] != Token::Sep) =>
            {
                let mut here = file.clone();
                here.extend(inline.iter().map(|(n, _)| n.clone()));
                let base = match w.as_str() {
                    "crate" => Vec::new(),
                    "super" => here[..here.len().saturating_sub(1)].to_vec(),
                    _ => here,
                };
                i = path_tree(t, i + 2, base, &mut out);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Reads one path or group of paths starting at `t[i]`, under `base`;
/// returns where it ends.
fn path_tree(
    t: &[Token],
    mut i: usize,
    mut base: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match t.get(i) {
            Some(Token::Punct('{')) => {
                i += 1;
                loop {
                    if t.get(i) == Some(&Token::Punct('}')) {
                        return i + 1;
                    }
                    i = path_tree(t, i, base.clone(), out);
                    match t.get(i) {
                        Some(Token::Punct(',')) => i += 1,
                        Some(Token::Punct('}')) => return i + 1,
                        _ => return i,
                    }
                }
            }
            Some(Token::Ident(w)) => {
                match w.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => base.push(w.clone()),
                }
                i += 1;
                if t.get(i) == Some(&Token::Sep) {
                    i += 1;
                    continue;
                }
                if is(t.get(i), "as") {
                    i += 2;
                }
                out.push(base);
                return i;
            }
            _ => {
                out.push(base);
                return i;
            }
        }
    }
}

/// The layer of a module: the entry naming it or its closest ancestor.
fn layer_of(module: &str, layers: &[(&str, &[&str])]) -> Option<usize> {
    layers
        .iter()
        .enumerate()
        .flat_map(|(n, (_, entries))| entries.iter().map(move |e| (n, *e)))
        .filter(|(_, e)| within(module, e))
        .max_by_key(|(_, e)| e.len())
        .map(|(n, _)| n)
}

/// Files no layer holds, and layer entries that name no file.
fn unplaced(g: &Graph, layers: &[(&str, &[&str])]) -> Vec<String> {
    let mut out: Vec<String> = g
        .files
        .keys()
        .filter(|m| layer_of(m, layers).is_none())
        .map(|m| format!("{} is in no layer: add it to LAYERS", g.file(m)))
        .collect();
    for (name, entries) in layers {
        for e in entries
            .iter()
            .filter(|e| !g.files.keys().any(|m| within(m, e)))
        {
            out.push(format!(
                "the layer \"{name}\" names `{e}`, which no file is"
            ));
        }
    }
    out
}

/// Uses of a file of a higher layer.
fn upward_uses(g: &Graph, layers: &[(&str, &[&str])]) -> Vec<String> {
    let mut out = Vec::new();
    for (from, used) in &g.edges {
        let Some(low) = layer_of(from, layers) else {
            continue;
        };
        for (to, path) in used {
            match layer_of(to, layers) {
                Some(high) if high > low => out.push(format!(
                    "{} (layer \"{}\") uses {} (layer \"{}\", above it) by `{path}`",
                    g.file(from),
                    layers[low].0,
                    g.file(to),
                    layers[high].0,
                )),
                _ => {}
            }
        }
    }
    out
}

/// Cycles between files, each shown as one way round, except the known pair.
fn cycles(g: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for component in strongly_connected(g) {
        let set: BTreeSet<&str> = component.iter().map(String::as_str).collect();
        if component.len() < 2 {
            continue;
        }
        let round = way_round(g, &component[0], &set);
        let shown: Vec<String> = round.iter().map(|m| g.file(m)).collect();
        out.push(format!(
            "a cycle through {} files: {}",
            component.len(),
            shown.join(" -> ")
        ));
    }
    out
}

/// Tarjan's strongly connected components, each sorted.
fn strongly_connected(g: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.g.edges[v].keys() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.files.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// The shortest way from `start` back to itself inside a component.
fn way_round(g: &Graph, start: &str, within: &BTreeSet<&str>) -> Vec<String> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in g.edges[v].keys().map(String::as_str) {
            if w == start {
                let mut back = Vec::new();
                let mut at = v;
                while at != start {
                    back.push(at.to_string());
                    at = came_from[at];
                }
                back.reverse();
                let mut round = vec![start.to_string()];
                round.extend(back);
                round.push(start.to_string());
                return round;
            }
            if within.contains(w) && !came_from.contains_key(w) {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    vec![start.to_string()]
}
