//! The Regional Training Catalogue: a searchable directory of training
//! against people smuggling, trafficking in persons and related
//! transnational crime.
//!
//! Layers, each knowing only those below it:
//! - [`domain`]: listings and vocabularies as plain, checked types;
//! - [`store`]: SQLite, the system of record, with an ordered change log;
//! - [`search`]: the tantivy index derived from the store, and queries on it;
//! - [`interchange`]: reading and writing listings as JSON and CSV files;
//! - [`app`]: opening the store and index together, and keeping the index
//!   following the store;
//! - [`web`]: the site and the JSON API, over axum and maud;
//! - [`cli`]: the `catalogue` command.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod interchange;
pub mod search;
pub mod store;
pub mod web;
