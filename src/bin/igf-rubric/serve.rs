//! `igf-rubric serve`: the reference front end's server. It serves the rubrics (the presets and
//! any given with `--rubric`), the schemas, an evaluate endpoint and one static page, on
//! 127.0.0.1 unless told otherwise, and logs one line per request to standard error.

use std::collections::BTreeMap;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use igf_rubric::error::JsonProblem;
use igf_rubric::{Document, Error, ErrorDocument, Rubric};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::listen::{self, Limits};
use crate::service::{self, Log};
use crate::{Failure, answer, guards};

const INDEX: &str = include_str!("../../../web/index.html");
const STYLE: &str = include_str!("../../../web/style.css");
const APP: &str = include_str!("../../../web/dist/app.js");
const SAMPLE_PANEL: &str = include_str!("../../../examples/data/mag-panel.json");

/// What the server holds: every rubric it serves, by id, and every schema as the text it
/// answers with, by name (`assessment`, `bundle`), generated once at start; the permits for
/// evaluations running at once and for the memory large ones take, and the log.
struct Served {
    rubrics: BTreeMap<String, Rubric>,
    schemas: BTreeMap<String, String>,
    evaluations: Arc<Semaphore>,
    budget: Arc<Semaphore>,
    large: LargeQueue,
    log: Arc<Log>,
}

/// Requests of this many bytes or more take their size from the memory budget.
const LARGE: usize = 1024 * 1024;
/// The memory budget, in KiB of large requests being evaluated or answered at once: one
/// request of the largest size (an evaluation needs up to about 25 times its request while
/// it is written; see the README).
const BUDGET_KIB: usize = guards::MAX_BODY / 1024;
/// How long a request waits for an evaluation permit, and a large one for its share of the
/// budget, before a 503.
const QUEUE: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs the server until SIGINT or SIGTERM; requests in flight then have
/// [`DRAIN`](service::DRAIN) to finish.
pub(crate) fn serve(
    host: &str,
    port: u16,
    rubrics: Vec<Rubric>,
    limits: Limits,
) -> Result<(), Failure> {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let mut served = Served {
        rubrics: BTreeMap::new(),
        schemas: igf_rubric::schema::all()
            .into_iter()
            .map(|(file, schema)| {
                let name = match file.strip_suffix(".schema.json") {
                    Some("igf-rubric") | None => "bundle",
                    Some(name) => name,
                };
                (name.to_owned(), schema.to_string())
            })
            .collect(),
        // Evaluations run on the blocking pool, two per core at most; more wait their turn.
        evaluations: Arc::new(Semaphore::new(cores.saturating_mul(2))),
        budget: Arc::new(Semaphore::new(BUDGET_KIB)),
        large: LargeQueue::start(),
        log: Arc::new(Log::start()),
    };
    for (id, _) in igf_rubric::presets::all() {
        if let Some(rubric) = igf_rubric::presets::get(id) {
            served.rubrics.insert(id.to_owned(), rubric.clone());
        }
    }
    for rubric in rubrics {
        if served.rubrics.contains_key(rubric.id()) {
            return Err(Failure::Io(format!(
                "the rubric `{}` given with --rubric has the id of a rubric already served (a preset, or another file); give it an id of its own",
                rubric.id()
            )));
        }
        served.rubrics.insert(rubric.id().to_owned(), rubric);
    }
    let address: SocketAddr = (host, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut all| all.next())
        .ok_or_else(|| Failure::Io(format!("`{host}:{port}` is not an address to listen on")))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .enable_all()
        .build()
        .map_err(|e| Failure::Io(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| Failure::Io(format!("cannot listen on {address}: {e}")))?;
        let bound = listener
            .local_addr()
            .map_err(|e| Failure::Io(format!("cannot listen on {address}: {e}")))?;
        eprintln!("igf-rubric: serving on http://{bound}/ (Ctrl-C stops)");
        let (stopping, stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            service::stop_signal().await;
            let _ = stopping.send(true);
        });
        let log = Arc::clone(&served.log);
        listen::run(listener, router(served, limits), limits, log, stopped).await;
        Ok::<(), Failure>(())
    })?;
    // An evaluation whose connection the drain cut off is not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    eprintln!("igf-rubric: stopped");
    Ok(())
}

fn router(served: Served, limits: Limits) -> Router {
    let served = Arc::new(served);
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX) }),
        )
        .route(
            "/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP) }),
        )
        .route("/api/rubrics", get(list_rubrics))
        .route("/api/rubrics/{id}", get(one_rubric))
        .route("/api/rubrics/{id}/template.xlsx", get(template))
        .route("/api/import/{id}", post(import))
        .route("/api/schemas/{name}", get(one_schema))
        .route(
            "/api/samples/mag-panel",
            get(|| async { asset("application/json", SAMPLE_PANEL) }),
        )
        .route("/api/evaluate", post(evaluate))
        .route("/api/views", post(views))
        .fallback(|| async { not_found("no such page") })
        .method_not_allowed_fallback(|| async {
            answer::error(
                StatusCode::METHOD_NOT_ALLOWED,
                "this address does not take that method",
            )
        })
        .layer(DefaultBodyLimit::max(guards::MAX_BODY))
        .layer(middleware::from_fn_with_state(limits, guards::bounded))
        .layer(middleware::from_fn(guards::guarded))
        .layer(middleware::from_fn_with_state(served.clone(), log))
        .with_state(served)
}

/// One line per request: time, client, method, path, status and time taken.
async fn log(State(served): State<Arc<Served>>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "-".to_owned(), |info| info.0.to_string());
    let started = Instant::now();
    let response = next.run(request).await;
    served.log.line(&format!(
        "request client={client} method={method} path={:?} status={} ms={:.1}",
        shortened(&path),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    ));
    response
}

/// A path for the log: at most 200 characters, and a count of the rest.
fn shortened(path: &str) -> String {
    match path.char_indices().nth(200) {
        Some((at, _)) => format!(
            "{}... ({} more characters)",
            path.get(..at).unwrap_or(""),
            path.chars().count().saturating_sub(200)
        ),
        None => path.to_owned(),
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A 404 with an error document whose one error says what was not found.
fn not_found(what: &str) -> Response {
    answer::error(StatusCode::NOT_FOUND, what)
}

async fn list_rubrics(State(served): State<Arc<Served>>) -> Response {
    let list: Vec<serde_json::Value> = served
        .rubrics
        .values()
        .map(|r| {
            serde_json::json!({
                "id": r.id(), "version": r.version(), "title": r.doc().title,
                "kind": r.kind().as_str(),
            })
        })
        .collect();
    answer::json(StatusCode::OK, serde_json::Value::Array(list).to_string())
}

async fn one_rubric(State(served): State<Arc<Served>>, Path(id): Path<String>) -> Response {
    match served.rubrics.get(&id).map(Rubric::to_json) {
        Some(Ok(text)) => answer::json(StatusCode::OK, text),
        Some(Err(_)) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        None => not_found(&format!("no rubric `{}`", id.escape_debug())),
    }
}

async fn one_schema(State(served): State<Arc<Served>>, Path(name): Path<String>) -> Response {
    let key = name.trim_end_matches(".json").trim_end_matches(".schema");
    match served.schemas.get(key) {
        Some(text) => answer::json(StatusCode::OK, text.clone()),
        None => not_found(&format!("no schema `{}`", name.escape_debug())),
    }
}

/// The scoring template of a served rubric, as an .xlsx workbook to download.
async fn template(State(served): State<Arc<Served>>, Path(id): Path<String>) -> Response {
    let Some(rubric) = served.rubrics.get(&id) else {
        return not_found(&format!("no rubric `{}`", id.escape_debug()));
    };
    match igf_rubric::sheet::template_xlsx(rubric, &[]) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, XLSX.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{id}-template.xlsx\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => answer::error_document(
            StatusCode::INTERNAL_SERVER_ERROR,
            &ErrorDocument::from(&error),
        ),
    }
}

/// The content type of an .xlsx workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Reads a filled scoring sheet (the body: an .xlsx workbook, or CSV when declared
/// `text/csv`) against a served rubric: 200 with the evaluation request, 422 with an error
/// document whose paths are the cells (`Scores!F7`), 400 for a body that is no workbook.
async fn import(
    State(served): State<Arc<Served>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let csv = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/csv"));
    let Some(rubric) = served.rubrics.get(&id).cloned() else {
        return not_found(&format!("no rubric `{}`", id.escape_debug()));
    };
    let body = match axum::body::to_bytes(request.into_body(), guards::MAX_BODY).await {
        Ok(body) => body,
        Err(_) => return answer::error(StatusCode::BAD_REQUEST, "the body could not be read"),
    };
    off_the_async_threads(&served, body.len(), move |hold| {
        let grid = if csv {
            std::str::from_utf8(&body)
                .map_err(|_| Error::invalid_data("csv", "not UTF-8 text"))
                .and_then(igf_rubric::sheet::read_csv)
        } else {
            igf_rubric::sheet::read_xlsx(&body)
        };
        let grid = match grid {
            Ok(grid) => grid,
            Err(error) => {
                return answer::error_document(
                    StatusCode::BAD_REQUEST,
                    &ErrorDocument::from(&error),
                );
            }
        };
        match igf_rubric::sheet::import(&rubric, &grid) {
            Ok(assessments) => {
                let source =
                    igf_rubric::evaluation::RubricSource::Document(Box::new(rubric.doc().clone()));
                let request = igf_rubric::EvaluationRequest::new(source, assessments);
                answer::document(StatusCode::OK, &request, false, hold)
            }
            Err(errors) => answer::error_document(
                StatusCode::UNPROCESSABLE_ENTITY,
                &igf_rubric::sheet::error_document(&errors),
            ),
        }
    })
    .await
}

/// 400 when the body is not a request in shape (not JSON, not UTF-8, a member of the wrong type,
/// unknown or missing); 422 when it is one but breaks a rule, such as an unknown preset.
fn read_status(errors: &ErrorDocument) -> StatusCode {
    if errors
        .errors
        .iter()
        .any(|error| error.code.parse::<JsonProblem>().is_ok())
    {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The request's text, or the answer for a body that is not UTF-8 (the body's size and time
/// limits were kept by [`guards::bounded`]).
fn body_text(body: Bytes) -> Result<String, Box<Response>> {
    String::from_utf8(Vec::from(body)).map_err(|e| {
        let error = igf_rubric::json::from_slice::<serde::de::IgnoredAny>(e.as_bytes())
            .err()
            .unwrap_or(Error::invalid_data("request", "not UTF-8 text"));
        Box::new(answer::error_document(
            StatusCode::BAD_REQUEST,
            &ErrorDocument::from(&error),
        ))
    })
}

/// Evaluates a request document: 200 with the result, 400 for a body that is not a request,
/// 413 for one over the size limit, 422 for a request that breaks a rule. Every mistake is
/// reported at once: every shape mistake, else every broken rule.
async fn evaluate(State(served): State<Arc<Served>>, query: RawQuery, body: Bytes) -> Response {
    let pretty = query.0.is_some_and(|q| q.split('&').any(|p| p == "pretty"));
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
    off_the_async_threads(&served, text.len(), move |hold| {
        let evaluated = igf_rubric::evaluate_json(&text);
        drop(text);
        match evaluated {
            Ok(result) => answer::document(StatusCode::OK, &result, pretty, hold),
            Err(errors) => answer::document(read_status(&errors), &errors, pretty, hold),
        }
    })
    .await
}

/// Runs an evaluation on the blocking pool, so that small requests keep being answered while
/// a large panel is reviewed. A request of [`LARGE`] bytes or more first takes its size from
/// the memory budget (waiting up to [`QUEUE`] for it) and gives the share to its answer, which
/// holds it until sent. Requests wait up to [`QUEUE`] for an evaluation permit (two per
/// core) and their share of the budget; then they are answered 503 with Retry-After.
async fn off_the_async_threads(
    served: &Served,
    size: usize,
    work: impl FnOnce(Option<OwnedSemaphorePermit>) -> Response + Send + 'static,
) -> Response {
    let busy = |what: &str| {
        let mut response = answer::error(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!("the server is {what}; try again shortly"),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        response
    };
    let hold = if size >= LARGE {
        let share = u32::try_from(size / 1024).unwrap_or(u32::MAX);
        let budget = Arc::clone(&served.budget);
        match tokio::time::timeout(QUEUE, budget.acquire_many_owned(share)).await {
            Ok(Ok(hold)) => Some(hold),
            _ => return busy("evaluating as many large requests as its memory allows"),
        }
    } else {
        None
    };
    let evaluations = Arc::clone(&served.evaluations);
    let Ok(Ok(permit)) = tokio::time::timeout(QUEUE, evaluations.acquire_owned()).await else {
        return busy("evaluating as many requests as it can at once");
    };
    let job = move || {
        let answer = work(hold);
        drop(permit);
        answer
    };
    let answer = if size >= LARGE {
        served.large.run(job).await
    } else {
        tokio::task::spawn_blocking(job).await.ok()
    };
    answer.unwrap_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// One thread for the large evaluations, one after another: the memory one frees is the
/// memory the next reuses (on the blocking pool, each thread's allocator arena would keep
/// its own high-water mark, and the process's peak would add them up).
struct LargeQueue {
    jobs: std::sync::mpsc::Sender<Box<dyn FnOnce() + Send>>,
}

impl LargeQueue {
    fn start() -> LargeQueue {
        let (jobs, queue) = std::sync::mpsc::channel::<Box<dyn FnOnce() + Send>>();
        std::thread::spawn(move || {
            for job in queue {
                job();
            }
        });
        LargeQueue { jobs }
    }

    /// Runs `job` on the queue's thread; `None` if the thread is gone.
    async fn run(&self, job: impl FnOnce() -> Response + Send + 'static) -> Option<Response> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = answer.send(job());
            }))
            .ok()?;
        answered.await.ok()
    }
}

/// Evaluates a request as `/api/evaluate` does and answers with the result and what the
/// crate's reports make of it, for a page to show and offer for download: each scorecard and
/// the panel review as HTML, Markdown and CSV (the panel also as SVG).
async fn views(State(served): State<Arc<Served>>, body: Bytes) -> Response {
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
    off_the_async_threads(&served, text.len(), move |hold| {
        let result = match igf_rubric::evaluate_json(&text) {
            Ok(result) => result,
            Err(errors) => return answer::document(read_status(&errors), &errors, false, hold),
        };
        match rendered(&text, &result) {
            Ok(views) => answer::document(StatusCode::OK, &views, false, hold),
            Err(error) => answer::error_document(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ErrorDocument::from(&error),
            ),
        }
    })
    .await
}

/// The views of an evaluated request.
fn rendered(text: &str, result: &igf_rubric::EvaluationResult) -> Result<serde_json::Value, Error> {
    use igf_rubric::report;
    let request = igf_rubric::EvaluationRequest::from_json(text)?;
    let rubric = request.rubric.resolve()?;
    let mut scorecards = Vec::new();
    for card in &result.scorecards {
        let markdown = report::scorecard_markdown(card, &rubric)?;
        scorecards.push(serde_json::json!({
            "subject": card.subject.id,
            "assessor": card.assessor.id,
            "html": report::to_html(&markdown, 3),
            "markdown": markdown,
            "csv": report::scorecard_csv(card, &rubric)?,
        }));
    }
    let panel = result.panel.as_ref().map(|review| {
        let markdown = report::panel_markdown(review, &rubric);
        serde_json::json!({
            "html": report::to_html(&markdown, 3),
            "markdown": markdown,
            "csv": report::panel_csv(review),
            "svg": report::panel_svg(review),
        })
    });
    Ok(serde_json::json!({
        "result": serde_json::to_value(result).map_err(|e| Error::invalid_data("result", e.to_string()))?,
        "scorecards": scorecards,
        "panel": panel,
    }))
}
