//! Progress of long work (import, reindex, backup): a bar on a terminal, a
//! line every few seconds in a log otherwise, so an operator never stares
//! at a silent command for minutes.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// How often a line is written when nobody watches a terminal.
const LOG_EVERY: Duration = Duration::from_secs(5);

/// Progress of one piece of work, shared with whoever advances it.
#[derive(Clone)]
pub struct Progress(Arc<Shown>);

enum Shown {
    Bar(ProgressBar),
    Lines {
        label: String,
        total: Option<u64>,
        last: Mutex<Instant>,
    },
}

impl Progress {
    /// Starts showing `label`'s progress towards `total` items, if known.
    pub fn new(label: &str, total: Option<u64>) -> Progress {
        let shown = if std::io::stderr().is_terminal() {
            let bar = match total {
                Some(total) => ProgressBar::new(total).with_style(
                    ProgressStyle::with_template(
                        "{msg} [{bar:30}] {human_pos}/{human_len} ({per_sec}, {eta} left)",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {msg}: {human_pos} ({per_sec})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
            };
            bar.set_message(label.to_owned());
            bar.enable_steady_tick(Duration::from_millis(200));
            Shown::Bar(bar)
        } else {
            Shown::Lines {
                label: label.to_owned(),
                total,
                last: Mutex::new(Instant::now()),
            }
        };
        Progress(Arc::new(shown))
    }

    /// Says that `done` items are done.
    pub fn set(&self, done: usize) {
        let done = done as u64;
        match &*self.0 {
            Shown::Bar(bar) => bar.set_position(done),
            Shown::Lines { label, total, last } => {
                let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
                if last.elapsed() >= LOG_EVERY {
                    *last = Instant::now();
                    match total {
                        Some(total) => eprintln!("{label}: {done} of {total}"),
                        None => eprintln!("{label}: {done}"),
                    }
                }
            }
        }
    }

    /// Clears the bar once the work is done (the command then says what it did).
    pub fn finish(&self) {
        if let Shown::Bar(bar) = &*self.0 {
            bar.finish_and_clear();
        }
    }

    /// Leaves the bar where it stopped, for work that failed.
    pub fn abandon(&self) {
        if let Shown::Bar(bar) = &*self.0 {
            bar.abandon();
        }
    }
}
