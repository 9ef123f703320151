//! `igf-rubric serve`: the reference front end's server. It serves the rubrics (the presets and
//! any given with `--rubric`), the schemas, an evaluate endpoint and one static page, on
//! 127.0.0.1 unless told otherwise, and logs one line per request to standard error.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use igf_rubric::error::JsonProblem;
use igf_rubric::{Error, ErrorDocument, Rubric};

use crate::Failure;
use igf_rubric::Document;

/// The largest request body accepted: 16 MiB (a panel of several thousand sheets).
const MAX_BODY: usize = 16 * 1024 * 1024;

const INDEX: &str = include_str!("../../../web/index.html");
const STYLE: &str = include_str!("../../../web/style.css");
const APP: &str = include_str!("../../../web/dist/app.js");
const SAMPLE_PANEL: &str = include_str!("../../../examples/data/mag-panel.json");

/// What the server holds: every rubric it serves, by id, and every schema as the text it
/// answers with, by name (`assessment`, `bundle`), generated once at start.
struct Served {
    rubrics: BTreeMap<String, Rubric>,
    schemas: BTreeMap<String, String>,
}

/// Runs the server until interrupted.
pub(crate) fn serve(host: &str, port: u16, rubrics: Vec<Rubric>) -> Result<(), Failure> {
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
    };
    for (id, _) in igf_rubric::presets::all() {
        if let Some(rubric) = igf_rubric::presets::get(id) {
            served.rubrics.insert(id.to_owned(), rubric.clone());
        }
    }
    for rubric in rubrics {
        served.rubrics.insert(rubric.id().to_owned(), rubric);
    }
    let address: SocketAddr = format!("{host}:{port}")
        .parse()
        .map_err(|_| Failure::Io(format!("`{host}:{port}` is not an address to listen on")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
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
        axum::serve(listener, router(served))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Failure::Io(format!("the server stopped: {e}")))
    })
}

fn router(served: Served) -> Router {
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
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(log))
        .with_state(Arc::new(served))
}

/// One line per request: method, path, status and time taken.
async fn log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    eprintln!(
        "{method} {} {} {:.1} ms",
        path.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
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
async fn evaluate(query: RawQuery, body: Result<Bytes, BytesRejection>) -> Response {
    let pretty = query.0.is_some_and(|q| q.split('&').any(|p| p == "pretty"));
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
    match igf_rubric::evaluate_json(&text) {
        Ok(result) => written(StatusCode::OK, &result, pretty),
        Err(errors) => written(read_status(&errors), &errors, pretty),
    }
}

/// Evaluates a request as `/api/evaluate` does and answers with the result and what the
/// crate's reports make of it, for a page to show and offer for download: each scorecard and
/// the panel review as HTML, Markdown and CSV (the panel also as SVG).
async fn views(body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(text) => text,
        Err(response) => return *response,
    };
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
