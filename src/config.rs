//! Where the catalogue keeps its data, shared by every subcommand.

use std::path::PathBuf;

/// The data and index locations, from flags or the environment.
#[derive(Debug, Clone, clap::Args)]
pub struct Paths {
    /// Directory of the database (`catalogue.sqlite3`), the system of record.
    #[arg(
        long,
        env = "CATALOGUE_DATA_DIR",
        default_value = "data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// Directory of the search index, derived from the database and safe to delete.
    #[arg(
        long,
        env = "CATALOGUE_INDEX_DIR",
        default_value = "index",
        global = true
    )]
    pub index_dir: PathBuf,
}

impl Paths {
    /// The database file.
    pub fn database(&self) -> PathBuf {
        self.data_dir.join("catalogue.sqlite3")
    }
}
