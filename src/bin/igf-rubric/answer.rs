//! What the server answers with: documents as compact JSON written in pieces (never as one
//! giant string), error documents for every refusal, and the answer's hold on the server's
//! memory budget until it has been sent.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use igf_rubric::{Error, ErrorDocument};
use tokio::sync::OwnedSemaphorePermit;

/// The size of the pieces an answer is written in.
const PIECE: usize = 64 * 1024;

/// A JSON answer from text already written.
pub(crate) fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A document as compact JSON, or indented when asked (`?pretty`), written in 64 KiB pieces;
/// `hold` (a share of the server's memory budget) is released when the answer has been sent
/// or dropped.
pub(crate) fn document<T: serde::Serialize>(
    status: StatusCode,
    document: &T,
    pretty: bool,
    hold: Option<OwnedSemaphorePermit>,
) -> Response {
    let mut pieces = Pieces::default();
    let written = if pretty {
        serde_json::to_writer_pretty(&mut pieces, document)
    } else {
        serde_json::to_writer(&mut pieces, document)
    };
    if written.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let body = Written::new(pieces.finish(), hold);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        Body::new(body),
    )
        .into_response()
}

/// An error document as the answer, with `status`.
pub(crate) fn error_document(status: StatusCode, errors: &ErrorDocument) -> Response {
    document(status, errors, false, None)
}

/// An error document with one error on the request as a whole.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    error_document(
        status,
        &ErrorDocument::from(&Error::invalid_data("request", message)),
    )
}

/// JSON text gathered in pieces of about [`PIECE`] bytes.
#[derive(Default)]
struct Pieces {
    done: Vec<Bytes>,
    current: Vec<u8>,
}

impl Pieces {
    fn finish(mut self) -> Vec<Bytes> {
        if !self.current.is_empty() {
            self.done.push(Bytes::from(self.current));
        }
        self.done
    }
}

impl std::io::Write for Pieces {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.current.len().saturating_add(bytes.len()) > PIECE && !self.current.is_empty() {
            let full = std::mem::replace(&mut self.current, Vec::with_capacity(PIECE));
            self.done.push(Bytes::from(full));
        }
        self.current.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A body sent piece by piece, holding its share of the memory budget until dropped.
struct Written {
    pieces: std::vec::IntoIter<Bytes>,
    length: u64,
    _hold: Option<OwnedSemaphorePermit>,
}

impl Written {
    fn new(pieces: Vec<Bytes>, hold: Option<OwnedSemaphorePermit>) -> Written {
        let length = pieces
            .iter()
            .fold(0u64, |sum, piece| sum.saturating_add(piece.len() as u64));
        Written {
            pieces: pieces.into_iter(),
            length,
            _hold: hold,
        }
    }
}

impl http_body::Body for Written {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        Poll::Ready(this.pieces.next().map(|piece| {
            this.length = this.length.saturating_sub(piece.len() as u64);
            Ok(Frame::data(piece))
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.length == 0 && self.pieces.len() == 0
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.length)
    }
}
