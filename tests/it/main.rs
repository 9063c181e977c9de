//! Integration tests: the real router in-process on temporary directories,
//! and the `catalogue` binary as a process.

mod accounts;
mod activity;
mod authorization;
mod cli;
mod coverage;
mod crash;
mod durability;
mod eval;
mod exchange;
mod hardening;
mod helpers;
mod import;
mod indexing;
mod insight;
mod interchange;
mod languages;
mod mail;
mod notices;
mod operations;
mod ownership;
mod pages;
mod process;
mod robustness;
mod search;
mod site;
mod spreadsheets;
