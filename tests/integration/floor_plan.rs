//! The floor plan holds: no module imports from a floor above its own, no two modules import
//! each other round a circle, the crate root stays a short table of contents, and every public
//! module's docs open with an example. The floors are read from DESIGN.md, where they are
//! written for people.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The most names the crate root may re-export.
const ROOT_NAMES: usize = 40;

/// Imports allowed to run upward, each with its reason. Empty: none is needed.
const UPWARD_ALLOWED: &[(&str, &str)] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Module name -> floor number, from the table under "## Layers" in DESIGN.md.
fn floors() -> BTreeMap<String, u32> {
    let design = fs::read_to_string(root().join("DESIGN.md")).unwrap();
    let section = design
        .split("## Layers")
        .nth(1)
        .expect("DESIGN.md has a `## Layers` section");
    let mut floors = BTreeMap::new();
    for line in section.lines().take_while(|l| !l.starts_with("## ")) {
        let mut cells = line.split('|').map(str::trim).skip(1);
        let (Some(floor), Some(modules)) = (cells.next(), cells.next()) else {
            continue;
        };
        let Some(Ok(floor)) = floor.split_whitespace().next().map(str::parse::<u32>) else {
            continue;
        };
        for module in modules.split('`').skip(1).step_by(2) {
            floors.insert(module.to_owned(), floor);
        }
    }
    assert!(
        floors.len() > 10,
        "the layer table in DESIGN.md was not read"
    );
    floors
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file that counts: comments and the unit tests at its end left out.
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every `crate::` path in `code` (not `$crate::`, which a macro names
/// where it is used), with `crate::{a::X, b}` groups opened.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') || code[..at].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let first = item.trim().split("::").next().unwrap_or("");
                if !first.is_empty() {
                    found.push(first.to_owned());
                }
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            found.push(rest[..end].to_owned());
        }
    }
    found
}

/// Module -> the modules it names, from every file under `src/` but the crate root and the
/// binary.
fn imports() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        if first == "lib.rs" || first == "bin" {
            continue;
        }
        let module = first.trim_end_matches(".rs").to_owned();
        let text = fs::read_to_string(&file).unwrap();
        let targets = edges.entry(module.clone()).or_default();
        for target in crate_paths(&code(&text)) {
            if target != module {
                targets
                    .entry(target)
                    .or_default()
                    .insert(relative.display().to_string());
            }
        }
    }
    edges
}

#[test]
fn no_module_imports_from_a_floor_above_its_own() {
    let floors = floors();
    let mut problems = Vec::new();
    for (module, targets) in imports() {
        let Some(own) = floors.get(&module) else {
            problems.push(format!(
                "module `{module}` has no floor in DESIGN.md's layer table"
            ));
            continue;
        };
        for (target, files) in targets {
            let Some(theirs) = floors.get(&target) else {
                problems.push(format!(
                    "{files:?} name `crate::{target}`: name items by their module's path, not the root's"
                ));
                continue;
            };
            let allowed = UPWARD_ALLOWED.contains(&(module.as_str(), target.as_str()));
            if theirs > own && !allowed {
                problems.push(format!(
                    "`{module}` (floor {own}) imports `{target}` (floor {theirs}) in {files:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_two_modules_import_each_other_round_a_circle() {
    let edges = imports();
    // Depth-first search from every module; a module met again on the current path closes a
    // circle.
    fn visit(
        at: &str,
        edges: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(start) = path.iter().position(|m| m == at) {
            let mut circle = path[start..].to_vec();
            circle.push(at.to_owned());
            circles.push(circle.join(" -> "));
            return;
        }
        if !done.insert(at.to_owned()) {
            return;
        }
        path.push(at.to_owned());
        for next in edges.get(at).into_iter().flat_map(BTreeMap::keys) {
            visit(next, edges, path, done, circles);
        }
        path.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_floor_plan_check_catches_what_it_is_for() {
    let code = code(
        "use crate::error::Error;\nuse crate::{num::Score, rubric};\n// crate::report in a comment\n$crate::label\nlet x = crate::Rubric::new();\n#[cfg(test)]\nmod tests { use crate::presets; }",
    );
    assert_eq!(crate_paths(&code), ["error", "num", "rubric", "Rubric"]);
}

/// The names `pub use` puts at the crate root.
fn root_names() -> Vec<String> {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let mut names = Vec::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        let Some(rest) = statement
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join(" ")
            .trim()
            .strip_prefix("pub use ")
            .map(str::to_owned)
        else {
            continue;
        };
        let items = match (rest.find('{'), rest.rfind('}')) {
            (Some(open), Some(close)) => rest[open + 1..close].to_owned(),
            _ => rest,
        };
        for item in items.split(',') {
            let name = item.trim().rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                names.push(name.to_owned());
            }
        }
    }
    names
}

#[test]
fn the_crate_root_is_a_short_table_of_contents() {
    let names = root_names();
    assert!(names.contains(&"Rubric".to_owned()) && names.contains(&"evaluate".to_owned()));
    assert!(
        names.len() <= ROOT_NAMES,
        "the crate root re-exports {} names (at most {ROOT_NAMES}): {names:?}",
        names.len()
    );
}

#[test]
fn every_public_module_opens_with_an_example() {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let mut problems = Vec::new();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .collect();
    assert!(modules.len() >= 10, "public modules not found in lib.rs");
    for module in modules {
        let file = [format!("src/{module}.rs"), format!("src/{module}/mod.rs")]
            .into_iter()
            .map(|f| root().join(f))
            .find(|f| f.exists())
            .unwrap();
        let text = fs::read_to_string(&file).unwrap();
        let docs: Vec<&str> = text.lines().take_while(|l| l.starts_with("//!")).collect();
        // The first code block of the docs comes before any heading and within the opening
        // lines: the reader sees the module at work before the details.
        let example = docs
            .iter()
            .position(|l| l.trim_start_matches("//!").trim().starts_with("```"));
        let heading = docs
            .iter()
            .position(|l| l.trim_start_matches("//!").trim().starts_with('#'));
        match example {
            Some(at) if at <= 16 && heading.is_none_or(|h| h > at) => {}
            _ => problems.push(format!(
                "{}: the module docs do not open with an example",
                file.display()
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
