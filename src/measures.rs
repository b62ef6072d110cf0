//! The seven figures counted for every organisation, unit and the region:
//! members, then those trained, in total and by category. Each is named by
//! its field path as the outputs write it (`summary-<period>.json`), and
//! every table of figures keeps them in this order.

/// The seven counted figures of a row, in this order.
pub const MEASURES: [&str; 7] = [
    "members",
    "trained.total",
    "trained.members",
    "trained.audit",
    "trained.activists",
    "trained.chairs",
    "trained.conciliation",
];
/// Where `members` is in [`MEASURES`].
pub const MEMBERS: usize = 0;
/// Where `trained.total` is in [`MEASURES`].
pub const TOTAL: usize = 1;
/// Where the five categories of those trained are in [`MEASURES`].
pub const CATEGORY_RANGE: std::ops::Range<usize> = 2..7;
