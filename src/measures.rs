//! The seven figures counted for every organisation, unit and the region:
//! members, then those trained, in total and by category. Each is named by
//! its field path as the outputs write it (`summary-<period>.json`), and
//! every table of figures keeps them in this order.

/// The seven counted figures of a row, in this order.
pub(crate) const MEASURES: [&str; 7] = [
    "members",
    "trained.total",
    "trained.members",
    "trained.audit",
    "trained.activists",
    "trained.chairs",
    "trained.conciliation",
];
/// Where `members` is in [`MEASURES`].
pub(crate) const MEMBERS: usize = 0;
/// Where `trained.total` is in [`MEASURES`].
pub(crate) const TOTAL: usize = 1;
/// Where the five categories of those trained are in [`MEASURES`].
pub(crate) const CATEGORY_RANGE: std::ops::Range<usize> = 2..7;

/// How a share is shown to people: cut or rounded to so many decimals of a
/// per cent. The office writes its tables cut to one decimal (5 673 of
/// 33 468 = 16,95 % is written 16,9 %); the exact share stays in the data
/// files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareShown {
    /// Cut the digits after `decimals` (true) or round them.
    pub(crate) truncate: bool,
    /// Decimals of the per cent: 1 shows 16,9 %.
    pub(crate) decimals: u8,
}

impl ShareShown {
    /// As the office writes shares: cut to one decimal.
    pub const OFFICE: ShareShown = ShareShown {
        truncate: true,
        decimals: 1,
    };

    /// The most decimals a share may be shown with.
    pub(crate) const MAX_DECIMALS: u8 = 4;

    /// The share (a fraction) as shown, still a fraction: 0.16951 -> 0.169
    /// when cut to one decimal, 0.170 when rounded.
    pub fn apply(self, share: f64) -> f64 {
        let scale = 10f64.powi(i32::from(self.decimals) + 2);
        let scaled = share * scale;
        let shown = if self.truncate {
            // A share of whole counts can land a hair under its exact value
            // (6 101 / 33 557 * 1000 = 181.80...; 0.29 * 1000 = 289.99...):
            // the nudge keeps an exact boundary from being cut one step down.
            let nudge = 1e-9 * scaled.abs().max(1.0);
            (scaled + nudge.copysign(scaled)).trunc()
        } else {
            scaled.round()
        };
        shown / scale
    }

    /// The number format a workbook shows such a share with: `0.0%`.
    pub(crate) fn number_format(self) -> String {
        if self.decimals == 0 {
            "0%".to_string()
        } else {
            format!("0.{}%", "0".repeat(usize::from(self.decimals)))
        }
    }
}

/// Whether a stated percent agrees with the exact one: rounding or truncation
/// to the decimals written, within `tolerance` percentage points. Districts
/// and the office write shares either way; both are the same share.
pub(crate) fn share_agrees(stated: f64, exact: f64, decimals: u32, tolerance: f64) -> bool {
    let p = 10f64.powi(decimals.min(6) as i32);
    let rounded = (exact * p).round() / p;
    let truncated = (exact * p + 1e-9).floor() / p;
    let eps = tolerance + 1e-9;
    (stated - rounded).abs() <= eps
        || (stated - truncated).abs() <= eps
        || (stated - exact).abs() <= eps
}

#[cfg(test)]
mod tests {
    use super::ShareShown;

    #[test]
    fn the_office_cuts_shares_to_one_decimal() {
        let office = ShareShown::OFFICE;
        // The seed's two years: 16,95 % -> 16,9 %, 18,18 % -> 18,1 %.
        assert_eq!(office.apply(5673.0 / 33468.0), 0.169);
        assert_eq!(office.apply(6101.0 / 33557.0), 0.181);
        let round = ShareShown {
            truncate: false,
            decimals: 1,
        };
        assert_eq!(round.apply(5673.0 / 33468.0), 0.17);
        assert_eq!(round.apply(6101.0 / 33557.0), 0.182);
    }

    #[test]
    fn an_exact_boundary_is_not_cut_a_step_down() {
        let office = ShareShown::OFFICE;
        // 0.29 is 0.28999999999999998 as a float.
        assert_eq!(office.apply(0.29), 0.29);
        assert_eq!(office.apply(29.0 / 100.0), 0.29);
        assert_eq!(office.apply(1.0), 1.0);
        assert_eq!(office.apply(0.0), 0.0);
        let whole = ShareShown {
            truncate: true,
            decimals: 0,
        };
        assert_eq!(whole.apply(0.1099), 0.10);
        assert_eq!(whole.number_format(), "0%");
        assert_eq!(office.number_format(), "0.0%");
    }
}
