//! What `serve` needs around its routes: a log that a slow reader cannot stall, the signals
//! that stop it, and a clock for the log lines.

use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Log lines waiting for standard error at most; beyond, lines are dropped and counted.
const LOG_BACKLOG: usize = 4_096;

/// How long in-flight requests may take to finish after a stop signal.
pub(crate) const DRAIN: Duration = Duration::from_secs(10);

/// A log that never blocks the server: lines go through a bounded queue to a thread that
/// writes them to standard error; when the queue is full (nobody reads the pipe), a line is
/// dropped and counted, and the count is written when the writer catches up.
pub(crate) struct Log {
    lines: SyncSender<String>,
    dropped: AtomicU64,
}

impl Log {
    /// The log, with its writer thread.
    pub(crate) fn start() -> Log {
        let (lines, queue) = sync_channel(LOG_BACKLOG);
        std::thread::spawn(move || write_lines(&queue));
        Log {
            lines,
            dropped: AtomicU64::new(0),
        }
    }

    /// Queues a line, stamped with the time; never waits.
    pub(crate) fn line(&self, text: &str) {
        let dropped = self.dropped.swap(0, Ordering::Relaxed);
        let text = if dropped > 0 {
            format!(
                "{} ({dropped} earlier log lines were dropped: standard error was not read)\n{} {text}",
                now(),
                now()
            )
        } else {
            format!("{} {text}", now())
        };
        match self.lines.try_send(text) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.dropped
                    .fetch_add(dropped.saturating_add(1), Ordering::Relaxed);
            }
        }
    }
}

fn write_lines(queue: &Receiver<String>) {
    let stderr = std::io::stderr();
    for line in queue {
        let mut out = stderr.lock();
        let _ = writeln!(out, "{line}");
    }
}

/// The time now in UTC, `2026-12-05T08:31:07.123Z`.
fn now() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let seconds = since.as_secs();
    let (days, of_day) = (seconds / 86_400, seconds % 86_400);
    #[allow(clippy::arithmetic_side_effects)] // remainders of a day: below 86,400
    let (hour, minute, second) = (of_day / 3_600, of_day % 3_600 / 60, of_day % 60);
    let (year, month, day) = civil(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{:03}Z",
        since.subsec_millis()
    )
}

/// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days). The clock's days
/// since 1970 are far from overflowing any step, and each subtraction takes less than it
/// subtracts from.
#[allow(clippy::arithmetic_side_effects)]
fn civil(days: u64) -> (u64, u64, u64) {
    let z = days.saturating_add(719_468);
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Resolves when the process is asked to stop: SIGINT (Ctrl-C) or SIGTERM (what service
/// managers send).
pub(crate) async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_792), (2026, 12, 5));
        assert_eq!(civil(11_016), (2000, 2, 29));
    }
}
