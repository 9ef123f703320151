//! `igf-rubric`: validate rubric, assessment, panel and request documents, evaluate requests,
//! and print the schemas and presets, from the command line.
//!
//! Exit codes: 0 success (every document valid), 1 a document is invalid, 2 a usage or I/O
//! error. Built with `--features cli`.

mod answer;
mod guards;
mod input;
mod listen;
mod output;
mod serve;
mod service;
mod sheets;

use igf_rubric::Document;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use input::{Kind, read_input};

/// Validate and evaluate IGF Best Practice Forum rubrics, assessments and panels.
///
/// Documents are JSON; their schemas are printed by `igf-rubric schema NAME`. Exit codes: 0
/// success, 1 an invalid document, 2 a usage or I/O error.
#[derive(Parser)]
#[command(name = "igf-rubric", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents: each valid one is named on standard output, each invalid one on
    /// standard error with every error, its path and its code (exit 1 if any is invalid).
    ///
    /// The kind of each input document (rubric, assessment, panel, request, outcome record,
    /// commitments, consultation, report text, feedback round) is told from its members unless
    /// --kind says it; a document the crate writes (a scorecard, a result, ...) needs --kind.
    /// An assessment or panel is checked against the rubric given with
    /// --rubric, or else against the preset it names, when there is one.
    Validate {
        /// The documents to check (`-` reads standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What the documents are.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// The rubric assessments and panels answer: a file, or a preset id.
        #[arg(long)]
        rubric: Option<String>,
        /// Print the errors as JSON error documents, one per line, instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Evaluate a request (`-` reads standard input) and print the result.
    Evaluate {
        /// The request document.
        request: PathBuf,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write the result to this file instead of standard output (needed for xlsx).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of a document.
    Schema {
        /// Which schema.
        #[arg(value_enum)]
        name: SchemaName,
    },
    /// Write a rubric's scoring template: a workbook (drop-downs, limits, a note on each
    /// criterion) or CSV, one row per subject.
    Template {
        /// The rubric: a preset id or a rubric file.
        #[arg(long)]
        rubric: String,
        /// The template's format.
        #[arg(long, value_enum, default_value_t = sheets::TemplateFormat::Xlsx)]
        format: sheets::TemplateFormat,
        /// Subjects to list, one row each: a JSON list of {"id", "title", "year"}, or a panel
        /// or request.
        #[arg(long)]
        subjects: Option<PathBuf>,
        /// The file to write (needed for a workbook; CSV goes to standard output without it).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Read filled templates (.xlsx or .csv; one per assessor, say) into one evaluation
    /// request and print it, or evaluate it with --evaluate. Every mistake is printed with its
    /// cell (exit 1).
    Import {
        /// The filled sheets.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The rubric they answer: a preset id or a rubric file.
        #[arg(long)]
        rubric: String,
        /// Evaluate the request and print the result instead.
        #[arg(long)]
        evaluate: bool,
        /// How to print the result (with --evaluate).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write the result (with --evaluate) to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List the preset rubrics, or print one.
    Presets {
        /// The preset to print; absent: list them all.
        id: Option<String>,
    },
    /// Serve the reference web front end: an assessment form for any rubric, scored by the
    /// crate, and a panel view (http://127.0.0.1:8000/ by default).
    Serve {
        /// The port to listen on (0: any free port, printed at start).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on; the default keeps the server to this machine.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// A rubric file to serve besides the presets (repeatable).
        #[arg(long = "rubric")]
        rubrics: Vec<PathBuf>,
        /// Connections served at once; one more is answered 503 and closed. Keep it below
        /// the process's open-file limit (`ulimit -n`).
        #[arg(long, default_value_t = 512)]
        max_connections: usize,
        /// Seconds a client has to send a request's head, and an idle connection stays open.
        #[arg(long, default_value_t = 10)]
        head_timeout: u64,
        /// Seconds a client has to send a request's body (then 408).
        #[arg(long, default_value_t = 30)]
        body_timeout: u64,
    },
}

/// How `evaluate` prints its result.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The result document.
    Json,
    /// Tables for people: the ranking and every scorecard.
    Markdown,
    /// One row per scorecard.
    Csv,
    /// A workbook (needs -o FILE): ranking and decisions, scorecards, criteria, agreement,
    /// exclusions.
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaName {
    Rubric,
    Assessment,
    Panel,
    Request,
    Scorecard,
    PanelReport,
    Result,
    Error,
    OutcomeRecord,
    Commitments,
    ResultsFramework,
    Consultation,
    LessonsSummary,
    Rescoring,
    ReportText,
    FeedbackRound,
    Ranking,
    Weights,
    RankAcceptability,
    AhpPriorities,
    /// Every type of every document, each declared once.
    Bundle,
}

/// How a command ended.
enum Failure {
    /// A document is invalid (exit 1); the errors are printed already.
    Invalid,
    /// Usage or I/O (exit 2), with the message for standard error.
    Io(String),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let mut out = std::io::stdout().lock();
    let ended = match cli.command {
        Command::Validate {
            files,
            kind,
            rubric,
            json,
        } => validate(&mut out, &files, kind, rubric.as_deref(), json),
        Command::Evaluate {
            request,
            format,
            output,
        } => evaluate(&mut out, &request, format, output.as_deref()),
        Command::Schema { name } => print(&mut out, &schema(name)),
        Command::Presets { id } => presets(&mut out, id.as_deref()),
        Command::Template {
            rubric,
            format,
            subjects,
            output,
        } => sheets::template(
            &mut out,
            &rubric,
            format,
            subjects.as_deref(),
            output.as_deref(),
        ),
        Command::Import {
            files,
            rubric,
            evaluate,
            format,
            output,
        } => sheets::import(&files, &rubric).and_then(|request| {
            if evaluate {
                match igf_rubric::evaluate(&request) {
                    Ok(result) => match request.rubric.resolve() {
                        Ok(rubric) => Written {
                            format,
                            output: output.as_deref(),
                            rubric: Some(&rubric),
                        }
                        .result(&mut out, &result),
                        Err(error) => Err(Failure::Io(error.to_string())),
                    },
                    Err(errors) => {
                        report_invalid(&mut out, &igf_rubric::ErrorDocument::new(&errors))
                    }
                }
            } else {
                sheets::print_request(&mut out, &request)
            }
        }),
        Command::Serve {
            port,
            host,
            rubrics,
            max_connections,
            head_timeout,
            body_timeout,
        } => rubrics
            .iter()
            .map(|file| input::rubric_argument(&file.to_string_lossy()).map(|r| r.into_owned()))
            .collect::<Result<Vec<_>, Failure>>()
            .and_then(|rubrics| {
                let limits = listen::Limits {
                    connections: max_connections.max(1),
                    head: std::time::Duration::from_secs(head_timeout.max(1)),
                    body: std::time::Duration::from_secs(body_timeout.max(1)),
                    ..listen::Limits::default()
                };
                serve::serve(&host, port, rubrics, limits)
            }),
    };
    match ended {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Io(message)) => {
            eprintln!("igf-rubric: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to standard output; a closed pipe ends the program quietly.
fn print(out: &mut impl Write, text: &str) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

fn validate(
    out: &mut impl Write,
    files: &[PathBuf],
    kind: Option<Kind>,
    rubric: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let rubric = match rubric {
        Some(given) => Some(input::rubric_argument(given)?),
        None => None,
    };
    let mut invalid = false;
    let mut unreadable = Vec::new();
    for file in files {
        let name = file.display().to_string();
        // A file that cannot be read is said at once, and the others are still checked.
        let bytes = match read_input(file) {
            Ok(bytes) => bytes,
            Err(Failure::Io(message)) => {
                print(&mut std::io::stderr().lock(), &format!("{message}\n"))?;
                unreadable.push(name);
                continue;
            }
            Err(other) => return Err(other),
        };
        let report = match input::text(bytes) {
            Ok(text) => input::check(&text, kind, rubric.as_ref()),
            Err(error) => input::Report {
                what: "document".to_owned(),
                errors: vec![error],
                notes: Vec::new(),
            },
        };
        if json {
            let document = igf_rubric::ErrorDocument::new(&report.errors);
            let line = serde_json::to_string(&document)
                .map_err(|e| Failure::Io(format!("cannot write JSON: {e}")))?;
            print(out, &format!("{line}\n"))?;
        } else if report.errors.is_empty() {
            let mut text = format!("{name}: valid {}\n", report.what);
            for note in &report.notes {
                text.push_str(&format!("  note: {note}\n"));
            }
            print(out, &text)?;
        } else {
            // The problems go to standard error, where a shell shows them even when the valid
            // lines are piped on.
            let mut text = format!(
                "{name}: invalid {} ({} error{})\n",
                report.what,
                report.errors.len(),
                if report.errors.len() == 1 { "" } else { "s" }
            );
            for error in &report.errors {
                let detail = error.detail();
                let place = if detail.path.is_empty() {
                    "$".to_owned()
                } else {
                    detail.path
                };
                text.push_str(&format!(
                    "  {place}: {} [{}]\n",
                    detail.message, detail.code
                ));
            }
            for note in &report.notes {
                text.push_str(&format!("  note: {note}\n"));
            }
            print(&mut std::io::stderr().lock(), &text)?;
        }
        invalid |= !report.errors.is_empty();
    }
    if !unreadable.is_empty() {
        Err(Failure::Io(format!(
            "could not read {} of {} files: {}",
            unreadable.len(),
            files.len(),
            unreadable.join(", ")
        )))
    } else if invalid {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

/// Writes a document as indented JSON while it is serialised, so that a result of a hundred
/// megabytes is never held as text besides the document; a closed pipe ends the program
/// quietly.
fn stream(out: &mut impl Write, document: &impl serde::Serialize) -> Result<(), Failure> {
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, out);
    let written = serde_json::to_writer_pretty(&mut buffered, document)
        .map_err(std::io::Error::from)
        .and_then(|()| buffered.write_all(b"\n"))
        .and_then(|()| buffered.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

fn evaluate(
    out: &mut impl Write,
    request: &Path,
    format: Format,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let text = input::text(read_input(request)?);
    let evaluated = match &text {
        Ok(text) => igf_rubric::evaluate_json(text),
        Err(error) => Err(igf_rubric::ErrorDocument::from(error)),
    };
    match (evaluated, text) {
        (Ok(result), Ok(text)) => {
            // Only a workbook needs the rubric again (for its criteria's names).
            let rubric = match format {
                Format::Xlsx => Some(
                    igf_rubric::EvaluationRequest::from_json(&text)
                        .and_then(|request| request.rubric.resolve().map(|r| r.into_owned()))
                        .map_err(|e| Failure::Io(e.to_string()))?,
                ),
                _ => None,
            };
            drop(text);
            Written {
                format,
                output,
                rubric: rubric.as_ref(),
            }
            .result(out, &result)
        }
        (Err(document), _) => report_invalid(out, &document),
        (Ok(_), Err(error)) => Err(Failure::Io(error.to_string())),
    }
}

/// Where and how an evaluation's result is written.
struct Written<'a> {
    format: Format,
    output: Option<&'a Path>,
    /// The rubric evaluated, which a workbook report names its criteria from.
    rubric: Option<&'a igf_rubric::Rubric>,
}

impl Written<'_> {
    /// Writes `result` in the format, to the output file or standard output.
    fn result(
        &self,
        out: &mut impl Write,
        result: &igf_rubric::EvaluationResult,
    ) -> Result<(), Failure> {
        let bytes = match self.format {
            Format::Xlsx => {
                let rubric = self.rubric.ok_or_else(|| {
                    Failure::Io("the workbook needs the rubric evaluated".to_owned())
                })?;
                igf_rubric::sheet::report_xlsx(result, rubric)
                    .map_err(|e| Failure::Io(format!("cannot write the workbook: {e}")))?
            }
            Format::Markdown => output::markdown(result).into_bytes(),
            Format::Csv => output::csv(result).into_bytes(),
            Format::Json => {
                return match self.output {
                    None => stream(out, result),
                    Some(file) => std::fs::File::create(file)
                        .map_err(|e| Failure::Io(format!("cannot write {}: {e}", file.display())))
                        .and_then(|mut file| stream(&mut file, result)),
                };
            }
        };
        match (self.output, self.format) {
            (Some(file), _) => std::fs::write(file, bytes)
                .map_err(|e| Failure::Io(format!("cannot write {}: {e}", file.display()))),
            (None, Format::Xlsx) => Err(Failure::Io(
                "a workbook is not text: name the file to write with -o FILE".to_owned(),
            )),
            (None, _) => print(out, &String::from_utf8_lossy(&bytes)),
        }
    }
}

/// Prints an error document on standard output and its errors on standard error.
fn report_invalid(
    out: &mut impl Write,
    document: &igf_rubric::ErrorDocument,
) -> Result<(), Failure> {
    let json = document.to_json().map_err(|e| Failure::Io(e.to_string()))?;
    print(out, &format!("{json}\n"))?;
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "igf-rubric: the request is invalid ({} error{}):",
        document.errors.len(),
        if document.errors.len() == 1 { "" } else { "s" }
    );
    for error in &document.errors {
        let _ = writeln!(
            stderr,
            "  {}: {} [{}]",
            error.path, error.message, error.code
        );
    }
    Err(Failure::Invalid)
}

fn schema(name: SchemaName) -> String {
    let name = name
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default();
    igf_rubric::schema::named(&name)
        .and_then(|value| igf_rubric::schema::to_text(&value).ok())
        .unwrap_or_default()
}

fn presets(out: &mut impl Write, id: Option<&str>) -> Result<(), Failure> {
    match id {
        None => {
            let mut text = String::new();
            for (id, _) in igf_rubric::presets::all() {
                if let Some(rubric) = igf_rubric::presets::get(id) {
                    text.push_str(&format!(
                        "{id:<20} {:<8} {:<8} {}\n",
                        rubric.version(),
                        rubric.kind().as_str(),
                        rubric.doc().title
                    ));
                }
            }
            print(out, &text)
        }
        Some(id) => match igf_rubric::presets::all().iter().find(|(p, _)| *p == id) {
            Some((_, text)) => print(out, text),
            None => {
                let ids: Vec<&str> = igf_rubric::presets::all()
                    .iter()
                    .map(|(id, _)| *id)
                    .collect();
                Err(Failure::Io(format!(
                    "no preset `{}` (presets: {})",
                    id.escape_default(),
                    ids.join(", ")
                )))
            }
        },
    }
}
