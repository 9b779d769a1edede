//! The records a store keeps, as the adapters see them: tables of text
//! values with a version each. Everything the app stores is written by the
//! operations in `storage::ops` in terms of this small model, once; an
//! adapter only reads records and writes them back *if nobody wrote them in
//! between* ([`Records::write`] with the versions it read).
//!
//! Why two steps: IndexedDB keeps every large value as a `Blob` (see
//! `storage::indexeddb`), and reading a blob's text cannot happen inside a
//! transaction. So an operation reads (one read transaction), computes, and
//! writes in a second transaction that first checks the versions it read;
//! when another tab wrote in between, the operation runs again.

use super::StorageError;
use async_trait::async_trait;

/// A table of records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// Leads, in chunks (`storage::chunks`).
    Leads,
    /// Activities, in the same chunks.
    Activities,
    /// Sync bookkeeping of the leads (revision, field stamps), same chunks.
    Meta,
    /// The settings (one record).
    Settings,
    /// Sync state: the link to the server, the settings' bookkeeping.
    Sync,
    /// Documents waiting to be pushed: doc id → change number.
    Outbox,
    /// The first download, staged in batches until it is complete.
    Inbox,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 7] = [
        Table::Leads,
        Table::Activities,
        Table::Meta,
        Table::Settings,
        Table::Sync,
        Table::Outbox,
        Table::Inbox,
    ];

    /// The object stores of `tables`, each once, in [`Table::ALL`]'s order.
    pub fn store_names(tables: impl IntoIterator<Item = Table>) -> Vec<&'static str> {
        let mask = tables.into_iter().fold(0u8, |m, t| m | 1 << t as u8);
        Table::ALL
            .into_iter()
            .filter(|t| mask & 1 << *t as u8 != 0)
            .map(Table::store_name)
            .collect()
    }

    /// The IndexedDB object store.
    pub fn store_name(self) -> &'static str {
        match self {
            Table::Leads => "lead_chunks",
            Table::Activities => "activity_chunks",
            Table::Meta => "sync_chunks",
            Table::Settings => "settings",
            Table::Sync => "sync",
            Table::Outbox => "outbox",
            Table::Inbox => "inbox",
        }
    }

    /// Values that can be large are kept as blobs (outside the browser's
    /// database log); small bookkeeping is kept inline.
    pub fn large(self) -> bool {
        !matches!(self, Table::Sync | Table::Outbox)
    }
}

/// A record's address.
pub type Key = (Table, String);

/// A table read whole: each record's key, text and version.
pub type Rows = Vec<(String, String, u64)>;

/// What a read found: each record's text (None: absent) and version.
///
/// Lists rather than maps: an operation reads a few records (at most three
/// per chunk and a few more), looked up by a scan; a map type per content
/// costs the first load its code (BENCHMARKS.md, "Bundle").
#[derive(Clone, Debug, Default)]
pub struct Reads {
    /// By key, each key once.
    pub values: Vec<(Key, (Option<String>, u64))>,
    /// Whole tables read at once, each once: key → text, plus each record's
    /// version.
    pub tables: Vec<(Table, Rows)>,
}

impl Reads {
    /// The text of one record read by key.
    pub fn get(&self, table: Table, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|((t, k), _)| *t == table && k == key)
            .and_then(|(_, (v, _))| v.as_deref())
    }

    /// Every record of a table read whole.
    pub fn table(&self, table: Table) -> &[(String, String, u64)] {
        self.tables
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// Keeps what a read by key found (replacing an earlier read of it).
    pub fn insert_value(&mut self, key: Key, found: (Option<String>, u64)) {
        match self.values.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = found,
            None => self.values.push((key, found)),
        }
    }

    /// Keeps a table read whole (replacing an earlier read of it).
    pub fn insert_table(&mut self, table: Table, rows: Rows) {
        match self.tables.iter_mut().find(|(t, _)| *t == table) {
            Some((_, r)) => *r = rows,
            None => self.tables.push((table, rows)),
        }
    }

    /// The tables this read touched.
    pub fn table_list(&self) -> impl Iterator<Item = Table> + '_ {
        self.values
            .iter()
            .map(|((t, _), _)| *t)
            .chain(self.tables.iter().map(|(t, _)| *t))
    }
}

/// What an operation asks to read.
#[derive(Clone, Debug, Default)]
pub struct Need {
    /// Single records.
    pub keys: Vec<Key>,
    /// Whole tables.
    pub tables: Vec<Table>,
}

/// What an operation writes, all or nothing.
#[derive(Clone, Debug, Default)]
pub struct Writes {
    /// Records to write (None: delete).
    pub records: Vec<(Key, Option<String>)>,
    /// Tables to empty first.
    pub clear: Vec<Table>,
}

impl Writes {
    /// Writes a record.
    pub fn put(&mut self, table: Table, key: impl Into<String>, text: String) {
        self.records.push(((table, key.into()), Some(text)));
    }

    /// Deletes a record.
    pub fn delete(&mut self, table: Table, key: impl Into<String>) {
        self.records.push(((table, key.into()), None));
    }

    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.clear.is_empty()
    }
}

/// Where [`Records::read_each`] hands each record of a whole table: its
/// table, key and text.
pub type EachRecord<'f> =
    dyn for<'k, 't> FnMut(Table, &'k str, &'t str) -> Result<(), StorageError> + 'f;

/// What an adapter provides.
#[async_trait(?Send)]
pub trait Records {
    /// Reads records and whole tables, in one consistent snapshot.
    async fn read(&self, need: &Need) -> Result<Reads, StorageError>;

    /// Writes in one transaction, unless a record `read` found has another
    /// version now (then writes nothing and returns `Ok(false)`). Whole
    /// tables that were read are checked record by record, new records
    /// included. Every record written gets a new version.
    async fn write(&self, read: &Reads, writes: Writes) -> Result<bool, StorageError>;

    /// [`Records::read`], except that whole tables are not kept: each of
    /// their records goes to `each` (table, key, text) as soon as its text
    /// is read, and is dropped after, so a caller decoding them never holds
    /// every record's text at once (a workspace's load). The snapshot is
    /// the same; the returned reads hold the records read by key.
    async fn read_each(
        &self,
        need: &Need,
        each: &mut dyn for<'k, 't> FnMut(Table, &'k str, &'t str) -> Result<(), StorageError>,
    ) -> Result<Reads, StorageError> {
        let mut reads = self.read(need).await?;
        for (table, rows) in std::mem::take(&mut reads.tables) {
            for (key, text, _) in rows {
                each(table, &key, &text)?;
            }
        }
        Ok(reads)
    }
}
