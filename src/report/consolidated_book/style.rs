//! The look of the workbook: its cell formats, made from the workbook kit's
//! pieces ([`crate::workbook::formats`]) in 10 pt table text.

use crate::lang::Lang;
use crate::measures::ShareShown;
use crate::workbook::formats::{self, code, colour, localised};
use rust_xlsxwriter::{Color, Format, FormatAlign};

const BAD_FILL: u32 = 0xF8CBAD;
/// Font size of the tables, in points.
const TABLE_FONT: u8 = 10;

/// The formats of the workbook.
pub(crate) struct Styles {
    pub(crate) title: Format,
    pub(crate) subtitle: Format,
    pub(crate) note: Format,
    pub(crate) header: Format,
    /// Sub-headers over narrow number columns, written upwards.
    pub(crate) header_up: Format,
    pub(crate) text: Format,
    pub(crate) text_wrap: Format,
    pub(crate) center: Format,
    pub(crate) italic: Format,
    pub(crate) int: Format,
    /// Counts where 0 reads as a dash (matrices with many empty pairings).
    pub(crate) int_dash: Format,
    pub(crate) pct: Format,
    /// A share on the first sheet, with the decimals the pipeline shows.
    pub(crate) pct_shown: Format,
    pub(crate) pct_bad: Format,
    pub(crate) score: Format,
    pub(crate) date: Format,
    pub(crate) flag_error: Format,
    pub(crate) flag_warning: Format,
    pub(crate) bad: Format,
    pub(crate) link: Format,
    /// Marks beside a table, outside its borders.
    pub(crate) side: Format,
    pub(crate) side_bad: Format,
    pub(crate) change_int: Format,
    pub(crate) change_pct: Format,
    /// A change of a share in points, with the decimals shares are shown with.
    pub(crate) change_points: Format,
    pub(crate) total_text: Format,
    pub(crate) total_int: Format,
    pub(crate) total_int_dash: Format,
    pub(crate) total_pct: Format,
    pub(crate) total_score: Format,
    pub(crate) total_change_int: Format,
}

impl Styles {
    /// The formats in `lang`; `share` sets the decimals of the first
    /// sheet's shares and of their change in points.
    pub(crate) fn new(lang: Lang, points_suffix: &str, share: ShareShown) -> Styles {
        let cell = formats::boxed()
            .set_font_size(TABLE_FONT)
            .set_align(FormatAlign::VerticalCenter);
        let wrap = cell.clone().set_text_wrap();
        let total = formats::total(cell.clone(), colour::TOTAL);
        // A mark wraps inside its column: a long one (the financing
        // verdict) stays on the printed page instead of running past it.
        let side = Format::new()
            .set_font_size(TABLE_FONT)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        let int = localised(lang, code::THOUSANDS);
        let int_dash = localised(lang, code::THOUSANDS_OR_DASH);
        let pct = localised(lang, code::PER_CENT);
        let score = localised(lang, code::ONE_DECIMAL);
        let change_int = localised(lang, code::CHANGE);
        let p = points_suffix;
        let places = "0".repeat(usize::from(share.decimals));
        let points = if places.is_empty() {
            "0".to_string()
        } else {
            format!("0.{places}")
        };
        Styles {
            title: formats::bold(13)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_italic().set_text_wrap(),
            note: formats::note().set_font_size(9),
            header: formats::header(cell.clone(), colour::HEADER),
            header_up: formats::header(cell.clone(), colour::HEADER).set_rotation(90),
            text: wrap.clone(),
            text_wrap: wrap.clone(),
            center: wrap.clone().set_align(FormatAlign::Center),
            italic: formats::coloured(wrap.clone().set_italic(), colour::WARNING_TEXT),
            int: cell.clone().set_num_format(&int),
            int_dash: cell.clone().set_num_format(&int_dash),
            pct: cell.clone().set_num_format(&pct),
            pct_shown: cell
                .clone()
                .set_num_format(localised(lang, &share.number_format())),
            pct_bad: formats::filled(
                formats::coloured(cell.clone().set_num_format(&pct), colour::ERROR_TEXT),
                BAD_FILL,
            ),
            score: cell.clone().set_num_format(&score),
            date: cell
                .clone()
                .set_num_format(code::DATE)
                .set_align(FormatAlign::Center),
            flag_error: formats::coloured(wrap.clone(), colour::ERROR_TEXT),
            flag_warning: formats::coloured(wrap.clone(), colour::WARNING_TEXT),
            bad: formats::coloured(wrap, colour::ERROR_TEXT),
            side_bad: formats::coloured(side.clone(), colour::ERROR_TEXT),
            link: formats::link(side.clone(), Color::Blue),
            side,
            change_int: cell.clone().set_num_format(&change_int),
            change_pct: cell
                .clone()
                .set_num_format(localised(lang, code::CHANGE_PER_CENT)),
            change_points: cell.set_num_format(localised(
                lang,
                &format!("+{points}\" {p}\";-{points}\" {p}\";{points}\" {p}\""),
            )),
            total_text: total.clone().set_text_wrap(),
            total_int: total.clone().set_num_format(&int),
            total_int_dash: total.clone().set_num_format(&int_dash),
            total_pct: total.clone().set_num_format(&pct),
            total_score: total.clone().set_num_format(&score),
            total_change_int: total.set_num_format(&change_int),
        }
    }
}
