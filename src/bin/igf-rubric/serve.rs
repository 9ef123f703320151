//! `igf-rubric serve`: the reference front end's server. It serves the rubrics (the presets and
//! any given with `--rubric`), the schemas, an evaluate endpoint and one static page, on
//! 127.0.0.1 unless told otherwise, and logs one line per request to standard error.

use std::collections::BTreeMap;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use igf_rubric::error::JsonProblem;
use igf_rubric::{Error, ErrorDocument, Rubric};

use tokio::sync::Semaphore;

use crate::Failure;
use crate::service::{self, DRAIN, Log};
use igf_rubric::Document;

/// The largest request body accepted: 16 MiB (a panel of several thousand sheets).
const MAX_BODY: usize = 16 * 1024 * 1024;

const INDEX: &str = include_str!("../../../web/index.html");
const STYLE: &str = include_str!("../../../web/style.css");
const APP: &str = include_str!("../../../web/dist/app.js");
const SAMPLE_PANEL: &str = include_str!("../../../examples/data/mag-panel.json");

/// What the server holds: every rubric it serves, by id, and every schema as the text it
/// answers with, by name (`assessment`, `bundle`), generated once at start; the permits for
/// evaluations running at once, and the log.
struct Served {
    rubrics: BTreeMap<String, Rubric>,
    schemas: BTreeMap<String, String>,
    evaluations: Arc<Semaphore>,
    log: Log,
}

/// Runs the server until SIGINT or SIGTERM; requests in flight then have [`DRAIN`] to finish.
pub(crate) fn serve(host: &str, port: u16, rubrics: Vec<Rubric>) -> Result<(), Failure> {
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
        // Evaluations run on the blocking pool, two per core at most; more get a 503.
        evaluations: Arc::new(Semaphore::new(cores.saturating_mul(2))),
        log: Log::start(),
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
        let mut drained = stopped.clone();
        let server = axum::serve(
            listener,
            router(served).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let mut stopped = stopped;
            let _ = stopped.wait_for(|stop| *stop).await;
        });
        tokio::select! {
            result = server => result.map_err(|e| Failure::Io(format!("the server stopped: {e}"))),
            () = async move {
                let _ = drained.wait_for(|stop| *stop).await;
                tokio::time::sleep(DRAIN).await;
            } => {
                eprintln!("igf-rubric: requests still open after {} s were cut off", DRAIN.as_secs());
                Ok(())
            }
        }
    })
}

fn router(served: Served) -> Router {
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
        .route("/api/schemas/{name}", get(one_schema))
        .route(
            "/api/samples/mag-panel",
            get(|| async { asset("application/json", SAMPLE_PANEL) }),
        )
        .route("/api/evaluate", post(evaluate))
        .route("/api/views", post(views))
        .fallback(|| async { not_found("no such page") })
        .method_not_allowed_fallback(|| async {
            let error = Error::invalid_data("request", "this address does not take that method");
            error_document(StatusCode::METHOD_NOT_ALLOWED, &ErrorDocument::from(&error))
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(guarded))
        .layer(middleware::from_fn_with_state(served.clone(), log))
        .with_state(served)
}

/// The page's own scripts and styles only, nothing framed, no type sniffing.
const CSP: &str = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Refuses a body declared as anything but JSON (415, with an error document: a form post
/// from another site is not a request), and sets the security headers on every answer.
async fn guarded(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let json_or_none = declared
        .as_deref()
        .is_none_or(|t| t == "application/json" || t.ends_with("+json"));
    let mut response = if request.method() == axum::http::Method::POST && !json_or_none {
        let error = Error::invalid_data(
            "request",
            format!(
                "the body is declared as `{}`; send it as `application/json`",
                declared.unwrap_or_default().escape_debug()
            ),
        );
        error_document(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &ErrorDocument::from(&error),
        )
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    response
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
        "{client} {method} {} {} {:.1} ms",
        path.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    ));
    response
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A document as compact JSON, or indented when the query asks for it (`?pretty`): an answer
/// is about the size of what it says, not ten times the request.
fn written<T: serde::Serialize>(status: StatusCode, document: &T, pretty: bool) -> Response {
    let text = if pretty {
        serde_json::to_string_pretty(document)
    } else {
        serde_json::to_string(document)
    };
    match text {
        Ok(text) => json(status, text),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A 4xx answer carrying an error document.
fn error_document(status: StatusCode, document: &ErrorDocument) -> Response {
    written(status, document, false)
}

/// A 404 with an error document whose one error says what was not found.
fn not_found(what: &str) -> Response {
    let error = Error::invalid_data("request", what);
    error_document(StatusCode::NOT_FOUND, &ErrorDocument::from(&error))
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
    json(StatusCode::OK, serde_json::Value::Array(list).to_string())
}

async fn one_rubric(State(served): State<Arc<Served>>, Path(id): Path<String>) -> Response {
    match served.rubrics.get(&id).map(Rubric::to_json) {
        Some(Ok(text)) => json(StatusCode::OK, text),
        Some(Err(_)) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        None => not_found(&format!("no rubric `{}`", id.escape_debug())),
    }
}

async fn one_schema(State(served): State<Arc<Served>>, Path(name): Path<String>) -> Response {
    let key = name.trim_end_matches(".json").trim_end_matches(".schema");
    match served.schemas.get(key) {
        Some(text) => json(StatusCode::OK, text.clone()),
        None => not_found(&format!("no schema `{}`", name.escape_debug())),
    }
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

/// The request's text, or the answer for a body that cannot be read as text.
fn body_text(body: Result<Bytes, BytesRejection>) -> Result<String, Box<Response>> {
    let bytes = body.map_err(|rejection| {
        let error = Error::invalid_data(
            "request",
            format!(
                "the body cannot be read ({}; at most {} MiB)",
                rejection.body_text(),
                MAX_BODY / 1024 / 1024
            ),
        );
        Box::new(error_document(
            rejection.status(),
            &ErrorDocument::from(&error),
        ))
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        let error = igf_rubric::json::from_slice::<serde::de::IgnoredAny>(&bytes)
            .err()
            .unwrap_or(Error::invalid_data("request", "not UTF-8 text"));
        Box::new(error_document(
            StatusCode::BAD_REQUEST,
            &ErrorDocument::from(&error),
        ))
    })
}

/// Evaluates a request document: 200 with the result, 400 for a body that is not a request,
/// 413 for one over the size limit, 422 for a request that breaks a rule. Every mistake is
/// reported at once: every shape mistake, else every broken rule.
async fn evaluate(
    State(served): State<Arc<Served>>,
    query: RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let pretty = query.0.is_some_and(|q| q.split('&').any(|p| p == "pretty"));
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
    off_the_async_threads(&served, move || match igf_rubric::evaluate_json(&text) {
        Ok(result) => written(StatusCode::OK, &result, pretty),
        Err(errors) => written(read_status(&errors), &errors, pretty),
    })
    .await
}

/// Runs an evaluation on the blocking pool, so that small requests keep being answered while
/// a large panel is reviewed; when every permit is taken, answers 503 at once.
async fn off_the_async_threads(
    served: &Served,
    work: impl FnOnce() -> Response + Send + 'static,
) -> Response {
    let Ok(permit) = Arc::clone(&served.evaluations).try_acquire_owned() else {
        let error = Error::invalid_data(
            "request",
            "the server is evaluating as many requests as it can at once; try again shortly",
        );
        let mut response = error_document(
            StatusCode::SERVICE_UNAVAILABLE,
            &ErrorDocument::from(&error),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        return response;
    };
    let answer = tokio::task::spawn_blocking(move || {
        let answer = work();
        drop(permit);
        answer
    })
    .await;
    answer.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// Evaluates a request as `/api/evaluate` does and answers with the result and what the
/// crate's reports make of it, for a page to show and offer for download: each scorecard and
/// the panel review as HTML, Markdown and CSV (the panel also as SVG).
async fn views(State(served): State<Arc<Served>>, body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
    off_the_async_threads(&served, move || {
        let result = match igf_rubric::evaluate_json(&text) {
            Ok(result) => result,
            Err(errors) => return error_document(read_status(&errors), &errors),
        };
        match rendered(&text, &result) {
            Ok(views) => json(StatusCode::OK, views.to_string()),
            Err(error) => error_document(
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
