//! `cargo zoom-scopes`: explain Zoom API operations and scopes, search them, audit a crate's
//! declared scopes, plan least-privilege scopes, and migrate a crate's classic scopes to
//! granular ones.
//!
//! A thin front end: the data and its exact lookups live in `zoom-scopes-tables`; the lookups
//! with suggestions, their messages, the macros' argument grammar and the manifest reader in
//! `zoom-scopes-macros-core`; the planner, search and the audit's findings in
//! `zoom-scopes-catalogue` (feature `analysis`). This crate parses arguments, reads sources
//! ([`scan`]) and renders reports ([`render`]).
//!
//! Exit status: 0 when there is nothing to report, 1 for findings, 2 for usage and input
//! errors (see `cargo zoom-scopes --help`).

#![forbid(unsafe_code)]

mod cli;
mod commands;
mod render;
mod scan;

use std::process::ExitCode;

use clap::Parser;

use commands::Status;

const FINDINGS: u8 = 1;
const INPUT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = cli::arguments(std::env::args_os());
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" that print to stdout and succeed.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(INPUT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match commands::run(cli) {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Findings) => ExitCode::from(FINDINGS),
        Err(failure) => {
            for message in &failure.0 {
                eprintln!("error: {message}");
            }
            ExitCode::from(INPUT_ERROR)
        }
    }
}
