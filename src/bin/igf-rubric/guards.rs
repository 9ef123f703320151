//! What every request passes before a route sees it: limits on its address, headers and body
//! (checked from what it declares, before anything is read), a deadline for the body and for
//! the whole answer, a Content-Type check, and the security headers on every answer. Each
//! refusal is an error document.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use tokio::time::timeout;

use crate::answer;
use crate::listen::Limits;

/// The largest request body accepted: 16 MiB (a panel of several thousand sheets).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;
/// The longest request target (path and query).
const MAX_URI: usize = 8 * 1024;
/// The most headers, and their most bytes, a request may carry.
const MAX_HEADERS: usize = 100;
const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Refuses a request over the limits before reading its body (so `Expect: 100-continue` gets
/// its 413 at once), reads the body within the limits' body time (else 408), and answers
/// within their answer time (else 503).
pub(crate) async fn bounded(
    State(limits): State<Limits>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(refusal) = over_limits(&request) {
        let expects_continue = request
            .headers()
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        if !expects_continue {
            // The client is sending the body anyway: take it in (and drop it) for a moment
            // while the refusal goes out, so that it reads the answer instead of a reset
            // connection. A client that waits for 100 Continue never gets one.
            tokio::spawn(linger(request.into_body()));
        }
        return closing(refusal);
    }
    let answered = timeout(limits.answer, async move {
        let (parts, body) = request.into_parts();
        let bytes = match timeout(limits.body, Limited::new(body, MAX_BODY).collect()).await {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(error)) if error.downcast_ref::<LengthLimitError>().is_some() => {
                return closing(too_large());
            }
            Ok(Err(error)) => {
                return closing(answer::error(
                    StatusCode::BAD_REQUEST,
                    &format!("the body could not be read: {error}"),
                ));
            }
            Err(_) => {
                return closing(answer::error(
                    StatusCode::REQUEST_TIMEOUT,
                    &format!("the body did not arrive within {} s", limits.body.as_secs()),
                ));
            }
        };
        next.run(Request::from_parts(parts, Body::from(bytes)))
            .await
    })
    .await;
    answered.unwrap_or_else(|_| {
        answer::error(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!(
                "the answer was not ready within {} s; send a smaller request",
                limits.answer.as_secs()
            ),
        )
    })
}

/// Reads and drops what a refused request still sends, for at most [`LINGER`] and
/// [`LINGER_BYTES`].
async fn linger(mut body: Body) {
    let mut taken: usize = 0;
    let _ = timeout(LINGER, async {
        while let Some(Ok(frame)) = body.frame().await {
            taken = taken.saturating_add(frame.data_ref().map_or(0, |d| d.len()));
            if taken > LINGER_BYTES {
                break;
            }
        }
    })
    .await;
}

/// How long, and how much, a refused request's body is taken in before its connection closes.
const LINGER: std::time::Duration = std::time::Duration::from_secs(2);
const LINGER_BYTES: usize = 64 * 1024 * 1024;

/// The refusal for a request whose address, headers or declared length are over the limits.
fn over_limits(request: &Request) -> Option<Response> {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if target > MAX_URI {
        return Some(answer::error(
            StatusCode::URI_TOO_LONG,
            &format!("the address is {target} bytes long; at most {MAX_URI} are read"),
        ));
    }
    let headers = request.headers();
    let header_bytes = headers.iter().fold(0usize, |sum, (name, value)| {
        sum.saturating_add(name.as_str().len())
            .saturating_add(value.len())
    });
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return Some(answer::error(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            &format!(
                "the request has {} headers of {header_bytes} bytes; at most {MAX_HEADERS} headers of {MAX_HEADER_BYTES} bytes are read",
                headers.len()
            ),
        ));
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return Some(too_large());
    }
    None
}

fn too_large() -> Response {
    answer::error(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!(
            "the body is larger than {} MiB, the most this server reads",
            MAX_BODY / 1024 / 1024
        ),
    )
}

/// A refusal that also closes the connection: what is left of the request is never read.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// What a filled scoring sheet may be declared as.
const SHEET_TYPES: &[&str] = &[
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/octet-stream",
    "text/csv",
];

/// The page's own scripts and styles only, nothing framed, no type sniffing.
const CSP: &str = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Refuses a body declared as anything but JSON (415, with an error document: a form post
/// from another site is not a request), and sets the security headers on every answer.
pub(crate) async fn guarded(request: Request, next: Next) -> Response {
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
    // A filled scoring sheet is a workbook or CSV; every other body is JSON.
    let sheet = request.uri().path().starts_with("/api/import/");
    let json_or_none = declared.as_deref().is_none_or(|t| {
        if sheet {
            SHEET_TYPES.contains(&t)
        } else {
            t == "application/json" || t.ends_with("+json")
        }
    });
    let mut response = if request.method() == Method::POST && !json_or_none {
        closing(answer::error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "the body is declared as `{}`; send it as {}",
                declared.unwrap_or_default().escape_debug(),
                if sheet {
                    "an .xlsx workbook or as `text/csv`"
                } else {
                    "`application/json`"
                }
            ),
        ))
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
