//! Rewrites what schemars generates into JSON Schema that every validator compiles with its
//! default options: Ajv in strict mode, Python `jsonschema`, the `jsonschema` crate.
//!
//! - schemars' integer `format`s (`uint32`, `uint64`, ...) and `double` are not standard; each is
//!   replaced by the range it stands for.
//! - a type union (`"type": ["string", "null"]`) becomes an `anyOf` with one type per branch, the
//!   keywords that constrain the value moved into its branch.

use serde_json::{Map, Value, json};

/// Makes `schema`, and every schema inside it, portable.
pub(crate) fn make_portable(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            replace_format(object);
            split_type_union(object);
            end_at_the_end(object);
            for value in object.values_mut() {
                make_portable(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(make_portable),
        _ => {}
    }
}

/// A pattern's closing `$` matches before a final line break in Python's `re` (which Python
/// `jsonschema` uses) but only at the very end in ECMAScript (Ajv) and Rust; a look-ahead for
/// the line break makes all three refuse `"1\n"`.
fn end_at_the_end(object: &mut Map<String, Value>) {
    if let Some(Value::String(pattern)) = object.get_mut("pattern")
        && let Some(body) = pattern.strip_suffix('$')
        && !body.ends_with("(?!\\n)")
    {
        *pattern = format!("{body}(?!\\n)$");
    }
}

fn replace_format(object: &mut Map<String, Value>) {
    let range = match object.get("format").and_then(Value::as_str) {
        Some("uint8") => Some((0, u64::from(u8::MAX))),
        Some("uint16") => Some((0, u64::from(u16::MAX))),
        Some("uint32") => Some((0, u64::from(u32::MAX))),
        Some("uint64" | "uint") => Some((0, u64::MAX)),
        Some("double" | "float") => None,
        _ => return,
    };
    object.remove("format");
    if let Some((min, max)) = range {
        object.entry("minimum").or_insert(json!(min));
        object.entry("maximum").or_insert(json!(max));
    }
}

/// Keywords that describe the schema as a whole and stay outside the branches.
const ANNOTATIONS: [&str; 4] = ["title", "description", "default", "examples"];

fn split_type_union(object: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = object.get("type") else {
        return;
    };
    let types = types.clone();
    object.remove("type");
    let constraints: Map<String, Value> = object
        .iter()
        .filter(|(key, _)| !ANNOTATIONS.contains(&key.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    object.retain(|key, _| ANNOTATIONS.contains(&key.as_str()));
    let branches = types
        .into_iter()
        .map(|ty| {
            if ty == "null" {
                return json!({ "type": "null" });
            }
            let mut branch = Map::new();
            branch.insert("type".into(), ty);
            branch.extend(constraints.clone());
            Value::Object(branch)
        })
        .collect();
    object.insert("anyOf".into(), Value::Array(branches));
}
