//! The `catalogue` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    catalogue::cli::run(catalogue::cli::Cli::parse())
}
