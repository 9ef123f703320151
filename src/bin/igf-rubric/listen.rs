//! The listening side of `serve`: connections accepted under a limit, slow and idle clients
//! closed by timeouts, and every connection drained on a stop. The routes do not know about
//! any of it.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::{Sleep, sleep, timeout};
use tower_service::Service as _;

use crate::service::{DRAIN, Log};

/// How long and how much a connection may take.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Connections served at once; one more is answered 503 and closed.
    pub(crate) connections: usize,
    /// From the connection (or the end of the last answer) to the end of the next request's
    /// head: slow headers and idle keep-alive connections are closed after it.
    pub(crate) head: Duration,
    /// How long an answer may wait for the client to read any of it.
    pub(crate) write_stall: Duration,
    /// After this, a connection finishes the request in hand and is closed.
    pub(crate) lifetime: Duration,
    /// How long a client may take to send a body of any size (then 408).
    pub(crate) body: Duration,
    /// How long an answer may take, body included (then 503).
    pub(crate) answer: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 512,
            head: Duration::from_secs(10),
            write_stall: Duration::from_secs(30),
            lifetime: Duration::from_secs(600),
            body: Duration::from_secs(30),
            answer: Duration::from_secs(60),
        }
    }
}

/// The largest request head (request line and headers) hyper reads; above it hyper itself
/// answers 431. The routes' own, smaller limits answer with error documents.
const MAX_HEAD: usize = 64 * 1024;

/// Serves `app` on `listener` until `stop` turns true, then gives the open connections
/// [`DRAIN`] to finish the requests in hand.
pub(crate) async fn run(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    log: Arc<Log>,
    mut stop: watch::Receiver<bool>,
) {
    let connections = Arc::new(Semaphore::new(limits.connections));
    let mut refused_since_logged = 0u64;
    loop {
        let accepted = tokio::select! {
            biased;
            _ = stop.wait_for(|stop| *stop) => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, client) = match accepted {
            Ok(pair) => pair,
            Err(error) => {
                // Out of descriptors or memory: the waiting connection stays queued, and the
                // loop tries again once others have closed.
                if refused_since_logged == 0 {
                    log.line(&format!("accept failed error={:?}", error.to_string()));
                }
                refused_since_logged = refused_since_logged.saturating_add(1);
                sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        if refused_since_logged > 1 {
            log.line(&format!(
                "accept recovered failed_attempts={refused_since_logged}"
            ));
        }
        refused_since_logged = 0;
        let _ = stream.set_nodelay(true);
        let permit = Arc::clone(&connections).try_acquire_owned().ok();
        tokio::spawn(connection(
            stream,
            client,
            app.clone(),
            permit,
            limits,
            Arc::clone(&log),
            stop.clone(),
        ));
    }
    drop(listener);
    let all = u32::try_from(limits.connections).unwrap_or(u32::MAX);
    if timeout(DRAIN, connections.acquire_many(all)).await.is_err() {
        log.line(&format!(
            "stopped connections_cut_off={} drain_s={}",
            limits
                .connections
                .saturating_sub(connections.available_permits()),
            DRAIN.as_secs()
        ));
    }
}

/// Serves one connection: the app when it holds a permit, else a 503 that closes it.
async fn connection(
    stream: TcpStream,
    client: SocketAddr,
    app: Router,
    permit: Option<OwnedSemaphorePermit>,
    limits: Limits,
    log: Arc<Log>,
    mut stop: watch::Receiver<bool>,
) {
    let Some(permit) = permit else {
        refuse(stream, client, limits.connections, &log).await;
        return;
    };
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        let mut app = app.clone();
        async move {
            request.extensions_mut().insert(ConnectInfo(client));
            app.call(request.map(Body::new)).await
        }
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.head)
        .max_buf_size(MAX_HEAD);
    let io = Stalling::new(TokioIo::new(stream), limits.write_stall);
    let served = http.serve_connection(io, service);
    tokio::pin!(served);
    let ended = tokio::select! {
        ended = served.as_mut() => Some(ended),
        _ = stop.wait_for(|stop| *stop) => None,
        () = sleep(limits.lifetime) => None,
    };
    let ended = match ended {
        Some(ended) => ended,
        None => {
            served.as_mut().graceful_shutdown();
            match timeout(DRAIN, served).await {
                Ok(ended) => ended,
                Err(_) => {
                    log.line(&format!(
                        "cut_off client={client} reason=\"still open after the drain\""
                    ));
                    return;
                }
            }
        }
    };
    if let Err(error) = ended {
        log.line(&format!(
            "closed client={client} reason={:?}",
            describe(&error)
        ));
    }
    drop(permit);
}

/// What ended a connection early, for the log.
fn describe(error: &hyper::Error) -> String {
    if error.is_timeout() {
        "no complete request head in time (slow or idle client)".to_owned()
    } else if error.is_parse_too_large() {
        "431: request head too large".to_owned()
    } else if error.is_parse() {
        format!("400: not HTTP/1 ({error})")
    } else if error.is_incomplete_message() {
        "the client closed the connection mid-request".to_owned()
    } else {
        error.to_string()
    }
}

/// Answers a connection over the limit with a 503 error document at once, before reading
/// anything, and closes it: the descriptor is free again within a second however the client
/// behaves.
async fn refuse(mut stream: TcpStream, client: SocketAddr, limit: usize, log: &Log) {
    use tokio::io::AsyncWriteExt as _;
    log.line(&format!(
        "refused client={client} status=503 reason=\"{limit} connections open\""
    ));
    let error = igf_rubric::Error::invalid_data(
        "request",
        "the server has as many connections open as it serves at once; try again shortly",
    );
    let document =
        serde_json::to_string(&igf_rubric::ErrorDocument::from(&error)).unwrap_or_default();
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{document}",
        document.len()
    );
    let _ = timeout(Duration::from_secs(1), async {
        let _ = stream.write_all(answer.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// A connection's I/O that fails a write the client has not taken any of for `limit`: a
/// client that stops reading its answer cannot hold the connection, or the answer's memory.
struct Stalling<T> {
    io: T,
    limit: Duration,
    stalled: Option<Pin<Box<Sleep>>>,
}

impl<T> Stalling<T> {
    fn new(io: T, limit: Duration) -> Stalling<T> {
        Stalling {
            io,
            limit,
            stalled: None,
        }
    }

    /// Passes a write's outcome on, timing how long it has been pending.
    fn watch<R>(
        &mut self,
        polled: Poll<io::Result<R>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<R>> {
        match polled {
            Poll::Pending => {
                let limit = self.limit;
                let stalled = self.stalled.get_or_insert_with(|| Box::pin(sleep(limit)));
                match stalled.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "the client read none of the answer for {} s",
                            limit.as_secs()
                        ),
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
            ready => {
                self.stalled = None;
                ready
            }
        }
    }
}

impl<T: hyper::rt::Read + Unpin> hyper::rt::Read for Stalling<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<T: hyper::rt::Write + Unpin> hyper::rt::Write for Stalling<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_write(cx, buf);
        this.watch(polled, cx)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_flush(cx);
        this.watch(polled, cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}
