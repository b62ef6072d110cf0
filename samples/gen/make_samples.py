#!/usr/bin/env python3
"""Generate the committed sample month (period 2026-03) that `jinaq
consolidate` runs on by default:

    python3 samples/gen/make_samples.py

Writes samples/inbox/ (one report per unit, plus a corrected duplicate and
junk), samples/registry.xlsx and samples/expected-2026-03.json.  The shared
model and writers live in tests/fixtures/gen/.  Deterministic (fixed seeds,
fixed document dates, fixed zip timestamps).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tests", "fixtures", "gen"))

import reportlib as R  # noqa: E402
from reportlib import CAT_KEYS, CATS, Row  # noqa: E402
from wbmodel import Book, LOBatch, Sheet, a1, compare_back, save_openpyxl, save_xlwt, write_bytes  # noqa: E402

import make_fixtures as MF  # noqa: E402  (junk makers)

SAMPLES = os.path.dirname(HERE)
INBOX = os.path.join(SAMPLES, "inbox")
PERIOD = "2026-03"

ORGS = R.make_orgs("samples")
IDX = R.registry_index(ORGS)


def unit_orgs(u):
    return [o for o in ORGS if o.unit == u]


def reported_members(org):
    """Members as the district reports them on 01.04.2026: the registry's
    01.01.2026 figure, give or take a person or two in larger organisations."""
    rng = random.Random(f"members:{org.bin}")
    if org.members >= 60 and rng.random() < 0.45:
        return org.members + rng.choice([-2, -1, 1, 1, 2])
    return org.members


def trained_of(org, members):
    rng = random.Random(f"trained:{org.bin}")
    t = round(members * rng.uniform(0.015, 0.11))
    if rng.random() < 0.1 and members < 500:
        t = 0
    return R.split_trained(rng, t)


def make_rows(unit, lang, noise, with_bin=True, seed="", mixed=False):
    rng = random.Random(f"rows:{unit}:{seed}")
    rows = []
    for o in unit_orgs(unit):
        m = reported_members(o)
        cats = trained_of(o, m)
        l2 = rng.choice(["kk", "ru"]) if mixed else lang
        name = R.written_name(o, l2, rng, noise, IDX, ORGS)
        rows.append(Row(o, name, o.bin if with_bin else None, m, cats))
    return rows


def make_evs(unit, lang, rows, n, survey=False):
    rng = random.Random(f"events:{unit}")
    return R.make_events(unit, lang, rng, int(sum(r.total for r in rows)), n, unit_orgs(unit), PERIOD, survey)


def fin(members, share, **kw):
    rng = random.Random(f"budget:{members}")
    budget = int(round(members * rng.uniform(8800, 10400), -3))
    d = {"budget": budget, "training": int(round(budget * share))}
    d.update(kw)
    return d


SURVEY = ["no", "date", "form", "topic", "area", "venue", "participants", "respondents", "usefulness", "apply"]


class Report:
    """One unit's report: its Book, rows, events, finance and issues."""

    def __init__(self, unit, file, producer, lang):
        self.unit, self.file, self.producer, self.lang = unit, file, producer, lang
        self.book = None
        self.cov = self.ev = None
        self.rows, self.events, self.finance = [], [], None
        self.issues = []
        self.status = "report"
        self.notes = []

    def compose(self, rows, events, cov, ev, fin_spec=None, summary=None, hidden_prev=None, stray=None,
                date1904=False):
        fx = MF.Fx(self.file, self.unit, self.producer, "")
        MF.compose(fx, self.lang, rows, events, cov=cov, ev=ev, fin=fin_spec, summary=summary,
                   hidden_prev=hidden_prev, stray=stray, date1904=date1904)
        self.book, self.cov, self.ev = fx.book, fx.cov, fx.ev
        self.rows, self.events, self.finance = rows, events, fx.finance
        return self

    def issue(self, rule, kind, sheet=None, cell=None, row=None, org=None, field=None, expected=None,
              actual=None, note=""):
        self.issues.append({"rule": rule, "unit": self.unit, "file": self.file, "sheet": sheet, "cell": cell,
                            "row": row, "org": org, "field": field, "expected": expected, "actual": actual,
                            "kind": kind, "note": note})


def titles(u, lang, n):
    return R.titles(u, lang, PERIOD, n)


def build_reports():
    reps = []
    foot = lambda u, lang: R.footer_lines(u, lang, random.Random(f"footer:{u}"))  # noqa: E731

    # --- aktobe-city: LibreOffice xlsx, kk, 4 titles, merged header, summary sheet
    u, lang = "aktobe-city", "kk"
    rp = Report(u, "Ақтөбе қаласы 2026-03.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.5, mixed=True)
    # defect: one school reports far more members than the registry holds
    far = next(i for i, r in enumerate(rows) if r.org.kind == "мектеп" and r.org.members > 100 and i > 10)
    rows[far].members = int(round(rows[far].org.members * 1.3))
    evs = make_evs(u, lang, rows, 3, survey=True)
    m = sum(r.members for r in rows)
    rp.compose(rows, evs,
               cov={"titles": titles(u, lang, 4), "group": "оның ішінде", "headers": {"no": "№ р/с"},
                    "share_style": "formula_round", "total": {"label": "БАРЛЫҒЫ", "mode": "formula"},
                    "footer": foot(u, lang)},
               ev={"cols": SURVEY}, fin_spec=fin(m, 0.103, share_style="formula"),
               summary={"mode": "formula", "date_as": "text"})
    r = rows[far]
    rp.issue("registry.members_mismatch", "defect", rp.cov.sheet, rp.cov.cell("members", far), rp.cov.data_rows[far],
             r.org.bin, "members", r.org.members, r.members,
             f"{r.members} members against {r.org.members} in the registry ({(r.members / r.org.members - 1) * 100:+.0f} %)")
    reps.append(rp)

    # --- alga: original (superseded) and corrected copy; column B, trailing dots, no BIN
    u, lang = "alga", "kk"
    rows = make_rows(u, lang, 0.4, with_bin=False)
    for i, r in enumerate(rows):
        if i % 3 == 1:
            r.raw["members"] = MF.S(f"{int(r.members)}.", border=True)
    evs = make_evs(u, lang, rows, 1)
    cov = {"titles": titles(u, lang, 2), "start_col": 2, "headers": {"name": "БКҰ атауы", "members": "Мүшелер саны",
                                                                     "total": "Оқытудан өткендер, барлығы",
                                                                     "share": "%"},
           "share_style": "trunc1", "total": {"label": "Барлығы:", "mode": "typed"}, "footer": foot(u, lang)}
    ev = {"sheet": "2-кесте", "date_style": "text4"}
    rp = Report(u, "Алға_2026-03 түзетілген.xlsx", "lo_xlsx", lang)
    rp.compose(rows, evs, cov=dict(cov, sheet="Оқыту"), ev=ev)
    rp.notes.append("corrected copy: supersedes \"Алға_2026-03.xlsx\"")
    reps.append(rp)
    # the original: two schools had not yet entered their March figures
    orig_rows = []
    for i, r in enumerate(rows):
        cats = list(r.cats)
        if i in (2, 4):
            cats = [c // 2 for c in cats]
        orig_rows.append(Row(r.org, r.name, r.bin, r.members, cats, raw=dict(r.raw)))
    orig_evs = [R.Event(e.date, e.form, e.topic, e.area, e.venue, int(sum(x.total for x in orig_rows)))
                for e in evs[:1]]
    ro = Report(u, "Алға_2026-03.xlsx", "lo_xlsx", lang)
    ro.compose(orig_rows, orig_evs, cov=dict(cov, sheet="Оқыту"), ev=ev)
    ro.status = "superseded"
    ro.issue("file.superseded", "format", note="superseded by the corrected copy \"Алға_2026-03 түзетілген.xlsx\" "
             "(same unit and period, marked түзетілген); its figures are older and must not be counted")
    reps.append(ro)

    # --- aiteke-bi: LibreOffice xls, ru, merged "в том числе", BIN as numbers, share fraction as %
    u, lang = "aiteke-bi", "ru"
    rp = Report(u, "Айтекебийский р-н март 2026.xls", "lo_xls", lang)
    rows = make_rows(u, lang, 0.5)
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 2, survey=True),
               cov={"cols": ["no", "bin", "name", "members", "total", "share"] + CAT_KEYS,
                    "titles": titles(u, lang, 3), "group": "в том числе", "bin_as": "number",
                    "share_style": "formula_frac", "total": {"label": "Итого", "mode": "formula"},
                    "footer": foot(u, lang)},
               ev={"cols": SURVEY, "apply_style": "frac"}, fin_spec=fin(m, 0.093, share_style="formula"))
    reps.append(rp)

    # --- baiganin: LibreOffice xlsm, kk, 1 title, zero as empty, share "16,9%", finance amounts as text
    u, lang = "baiganin", "kk"
    rp = Report(u, "Байғанин ауданы 03.2026.xlsm", "lo_xlsm", lang)
    rows = make_rows(u, lang, 0.4)
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 2),
               cov={"titles": titles(u, lang, 1), "headers": {"name": "Ұйымның атауы"}, "zero_blank": True,
                    "share_style": "text_pct", "total": {"label": "Жиыны", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"sheet": "Семинарлар", "date_style": "text4"},
               fin_spec=fin(m, 0.105, share_style="text", amounts_text=True))
    reps.append(rp)

    # --- kargaly: xlwt xls, ru, columns reordered, some counts as text, typed total with a defect
    u, lang = "kargaly", "ru"
    rp = Report(u, "Каргалинский район март 2026.xls", "xlwt", lang)
    rows = make_rows(u, lang, 0.5, with_bin=False)
    rng = random.Random("kargaly-text")
    for r in rows:
        for k in CAT_KEYS:
            if rng.random() < 0.3:
                r.raw[k] = MF.S(str(r.value(k)), border=True)
    true_m = sum(r.members for r in rows)
    s = str(true_m)
    swapped = int(s[:-2] + s[-1] + s[-2]) if s[-1] != s[-2] else true_m + 9
    rp.compose(rows, make_evs(u, lang, rows, 1),
               cov={"sheet": "Лист1", "titles": titles(u, lang, 4),
                    "cols": ["no", "name", "members"] + CAT_KEYS + ["total", "share"],
                    "headers": {"no": "№", "name": "Первичная профсоюзная организация",
                                "members": "Численность членов профсоюза", "total": "Обучено всего",
                                "share": "Удельный вес обученных, %"},
                    "share_style": "text", "total": {"label": "Всего", "mode": "typed", "override": {"members": swapped}},
                    "footer": foot(u, lang)},
               ev={"date_style": "text2", "headers": {"date": "Дата", "form": "Форма проведения"}})
    rp.issue("total.mismatch", "defect", rp.cov.sheet, rp.cov.total_cell("members"), rp.cov.total_row, None, "members",
             true_m, swapped, "hand-typed total row: the members total has two digits swapped")
    reps.append(rp)

    # --- kobda: openpyxl with formulas that carry no cached value
    u, lang = "kobda", "kk"
    rp = Report(u, "Қобда_2026_03.xlsx", "openpyxl", lang)
    rows = make_rows(u, lang, 0.4)
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 2, survey=True),
               cov={"sheet": "1-кесте", "titles": titles(u, lang, 3), "group": "оның ішінде",
                    "headers": {"members": "Мүшелер саны", "share": "%"},
                    "total": {"label": "Барлығы", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"sheet": "2-кесте", "cols": SURVEY}, fin_spec=fin(m, 0.101, sheet="3-кесте", share_style="num1"))
    sh = rp.book.sheet(rp.cov.sheet)
    fcells = [a1(rr, cc) for (rr, cc), c in sorted(sh.cells.items(), key=lambda kv: (kv[0][0], kv[0][1])) if c.t == "f"]
    rp.issue("formula.no_cached_value", "format", rp.cov.sheet, None, rp.cov.total_row,
             note=f"openpyxl wrote formulas without stored values in {', '.join(fcells)} "
                  "(one issue per cell or per row both match)")
    rp.issues[-1]["cells"] = fcells
    reps.append(rp)

    # --- martok: LibreOffice ods, ru, names in both languages, serial dates, stray sheet, categories defect
    u, lang = "martok", "ru"
    rp = Report(u, "martok_202603.ods", "lo_ods", lang)
    rows = make_rows(u, lang, 0.5, with_bin=False, mixed=True)
    bad = next(i for i, r in enumerate(rows) if r.total >= 4 and i >= 3)
    rows[bad].cats[4] += 1  # the categories now add up to one more than the stated total
    rp.compose(rows, make_evs(u, lang, rows, 2, survey=True),
               cov={"titles": titles(u, lang, 2), "headers": {"name": "Наименование организации образования",
                                                              "total": "Обучено всего", "share": "%"},
                    "total": {"label": "ИТОГО по району", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"date_style": "serial", "cols": SURVEY}, stray="Лист2")
    r = rows[bad]
    rp.issue("row.categories_sum", "defect", rp.cov.sheet, rp.cov.cell("total", bad), rp.cov.data_rows[bad], r.org.bin,
             "trained.total", r.total, sum(r.cats), "the five categories add up to one more than the stated total")
    reps.append(rp)

    # --- mugalzhar: LibreOffice xlsx, kk, merged + line breaks, hidden previous month, extra column, below norm
    u, lang = "mugalzhar", "kk"
    rp = Report(u, "Мұғалжар ауданы наурыз 2026.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.5)
    prng = random.Random("chairs")
    for r in rows:
        r.extra["chair"] = f"{prng.choice(R.SURNAMES)} {prng.choice(R.INITIALS)}.{prng.choice(R.INITIALS)}."
    prev = []
    for r in rows:
        prev.append(Row(r.org, r.name, r.bin, r.org.members, [c // 2 for c in r.cats], extra=dict(r.extra)))
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 1),
               cov={"titles": titles(u, lang, 4), "group": "оның ішінде",
                    "cols": ["no", "name", "bin", "members", "total"] + CAT_KEYS + ["share", "chair"],
                    "headers": {"no": "р/с", "name": "Бастауыш кәсіподақ\nұйымының атауы",
                                "members": "Кәсіподақ мүшелерінің\nжалпы саны",
                                "total": "Кәсіподақтық оқытудан\nөткендер саны",
                                "c.audit": "тексеру\nкомиссияларының мүшелері",
                                "c.chairs": "кәсіподақ\nұйымдарының төрағалары",
                                "c.conciliation": "келісу\nкомиссияларының мүшелері", "share": "%",
                                "chair": "Төрағаның аты-жөні"},
                    "total": {"label": "Барлығы", "mode": "formula"}, "footer": foot(u, lang)},
               ev={}, fin_spec=fin(m, 0.094, share_style="num1"), hidden_prev={"sheet": "Ақпан", "rows": prev})
    rp.issue("column.unknown", "format", rp.cov.sheet, rp.cov.header_cell("chair"), rp.cov.header_rows[0],
             actual="Төрағаның аты-жөні", note="extra column that maps to no field (info)")
    reps.append(rp)

    # --- oiyl: LibreOffice xlsx, 0 title rows, note column; one organisation missing
    u, lang = "oiyl", "kk"
    rp = Report(u, "Ойыл ауд. 2026 наурыз.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.4, with_bin=False)
    missing = rows.pop(4)
    rows[1].note = "төраға ауысты"
    rp.compose(rows, make_evs(u, lang, rows, 1, survey=True),
               cov={"titles": [], "cols": ["name", "members", "total"] + CAT_KEYS + ["share", "note"],
                    "headers": {"name": "БКҰ атауы"}, "total": {"label": "Барлығы", "mode": "formula"}, "footer": []},
               ev={"sheet": "2-кесте", "cols": SURVEY})
    rp.issue("registry.missing_org", "defect", rp.cov.sheet, org=missing.org.bin,
             note=f"{missing.org.full} is in the registry but not in the report")
    reps.append(rp)

    # --- temir: LibreOffice xlsx, kk, UPPERCASE headers, reordered columns, fraction shares
    u, lang = "temir", "kk"
    rp = Report(u, "Есеп Темір наурыз 2026.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.5)
    rp.compose(rows, make_evs(u, lang, rows, 2),
               cov={"sheet": "Sheet1", "titles": titles(u, lang, 3),
                    "cols": ["no", "name", "bin", "total", "c.chairs", "c.audit", "c.conciliation", "c.activists",
                             "c.members", "members", "share"],
                    "headers": {"name": "ҰЙЫМНЫҢ АТАУЫ", "bin": "БСН", "total": "ОҚЫТУДАН ӨТКЕНДЕР, БАРЛЫҒЫ",
                                "c.chairs": "КӘСІПОДАҚ ҰЙЫМДАРЫНЫҢ ТӨРАҒАЛАРЫ",
                                "c.audit": "ТЕКСЕРУ КОМИССИЯЛАРЫНЫҢ МҮШЕЛЕРІ",
                                "c.conciliation": "КЕЛІСУ КОМИССИЯЛАРЫНЫҢ МҮШЕЛЕРІ",
                                "c.activists": "КӘСІПОДАҚ АКТИВІ", "c.members": "КӘСІПОДАҚ МҮШЕЛЕРІ",
                                "members": "КӘСІПОДАҚ МҮШЕЛЕРІНІҢ САНЫ",
                                "share": "ОҚЫТУДАН ӨТКЕНДЕРДІҢ КӘСІПОДАҚ МҮШЕЛЕРІНІҢ ЖАЛПЫ САНЫНА ШАҚҚАНДАҒЫ ПАЙЫЗЫ"},
                    "share_style": "formula_frac", "total": {"label": "БАРЛЫҒЫ", "mode": "formula"},
                    "footer": foot(u, lang)},
               ev={})
    reps.append(rp)

    # --- khromtau: LibreOffice xlsx in the 1904 date system, ru, merged header, summary "Свод"
    u, lang = "khromtau", "ru"
    rp = Report(u, "Хромтау ауданы 03.2026.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.5)
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 2),
               cov={"titles": titles(u, lang, 4), "group": "в том числе",
                    "cols": ["no", "name", "bin", "members", "total"] + CAT_KEYS + ["share"],
                    "headers": {"name": "Первичная профсоюзная организация", "total": "Обучено всего",
                                "share": "Удельный вес обученных, %"},
                    "total": {"label": "Итого", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"headers": {"date": "Дата"}}, fin_spec=fin(m, 0.1004, share_style="num1"),
               summary={"mode": "typed", "date_as": "date"}, date1904=True)
    reps.append(rp)

    # --- shalkar: LibreOffice xlsx, ru, column B, all counts as text, share "16,9%"; stated % defect
    u, lang = "shalkar", "ru"
    rp = Report(u, "otchet_shalkar.xlsx", "lo_xlsx", lang)
    rows = make_rows(u, lang, 0.5, with_bin=False)
    bad = next(i for i, r in enumerate(rows) if r.total >= 3 and i >= 2)
    right = R.share_pct(rows[bad].total, rows[bad].members)
    wrong = round(right * 2.5 + 1.3, 1)
    rows[bad].share = wrong
    m = sum(r.members for r in rows)
    rp.compose(rows, make_evs(u, lang, rows, 2),
               cov={"sheet": "Лист1", "titles": titles(u, lang, 3), "start_col": 2, "count_style": "text",
                    "headers": {"name": "Наименование организации образования",
                                "members": "Численность членов профсоюза", "share": "%"},
                    "share_style": "text_pct", "total": {"label": "ИТОГО по району", "mode": "text", "text_sep": " "},
                    "footer": foot(u, lang)},
               ev={"date_style": "text4"}, fin_spec=fin(m, 0.1009, share_style="frac"))
    r = rows[bad]
    rp.issue("row.share_mismatch", "defect", rp.cov.sheet, rp.cov.cell("share", bad), rp.cov.data_rows[bad], r.org.bin,
             "trained_share", right, wrong, "stated % is not trained / members")
    reps.append(rp)

    # --- yrgyz: LibreOffice ods, kk, blank rows inside, zero as empty
    u, lang = "yrgyz", "kk"
    rp = Report(u, "Ырғыз_ауданы_2026_03.ods", "lo_ods", lang)
    rows = make_rows(u, lang, 0.4)
    rp.compose(rows, make_evs(u, lang, rows, 2, survey=True),
               cov={"titles": titles(u, lang, 3), "headers": {"no": "р/с"}, "zero_blank": True, "blank_after": {3},
                    "total": {"label": "Жиыны", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"sheet": "Семинарлар", "cols": SURVEY})
    reps.append(rp)

    # --- direct: openpyxl typed, ru, note column and an unknown phone column
    u, lang = "direct", "ru"
    rp = Report(u, "Тікелей бағынатын ұйымдар_2026-03.xlsx", "openpyxl", lang)
    rows = make_rows(u, lang, 0.5, mixed=True)
    prng = random.Random("phones")
    for r in rows:
        r.extra["phone"] = f"8 (7132) {prng.randint(50, 59)}-{prng.randint(10, 99)}-{prng.randint(10, 99)}"
    rows[3].note = "новый председатель с 01.03.2026"
    rp.compose(rows, make_evs(u, lang, rows, 2, survey=True),
               cov={"sheet": "Форма 1", "titles": titles(u, lang, 3),
                    "cols": ["no", "name", "bin", "members", "total"] + CAT_KEYS + ["share", "note", "phone"],
                    "headers": {"name": "Наименование организации образования", "share": "Удельный вес обученных, %",
                                "phone": "Контактный телефон"},
                    "total": {"label": "Итого", "mode": "formula"}, "footer": foot(u, lang)},
               ev={"cols": SURVEY})
    rp.issue("column.unknown", "format", rp.cov.sheet, rp.cov.header_cell("phone"), rp.cov.header_rows[0],
             actual="Контактный телефон", note="extra column that maps to no field (info)")
    reps.append(rp)

    # finance below the 10 % norm (inherent)
    for rp in reps:
        if rp.finance and rp.status == "report":
            share = rp.finance[1] / rp.finance[0]
            if share < 0.1:
                sheet = next(s.name for s in rp.book.sheets if s.name in ("Қаржы", "Финансирование", "3-кесте"))
                rp.issue("finance.below_norm", "inherent", sheet, field="finance.share", expected=0.1,
                         actual=round(share, 4), note=f"training {share * 100:.1f} % of the expense side, under the 10 % norm")
    return reps


PRODUCER_EXT = {"lo_xlsx": "xlsx", "lo_xlsm": "xlsm", "lo_xls": "xls", "lo_ods": "ods"}


def write(reps):
    lo = LOBatch()
    for rp in reps:
        path = os.path.join(INBOX, rp.file)
        if rp.producer in PRODUCER_EXT:
            lo.add(rp.book, path, PRODUCER_EXT[rp.producer])
        elif rp.producer == "openpyxl":
            # kobda: formulas kept without values; direct: plain values
            save_openpyxl(rp.book, path, formulas=(rp.unit == "kobda"))
        elif rp.producer == "xlwt":
            save_xlwt(rp.book, path)
        else:
            raise ValueError(rp.producer)
    lo.run()
    for rp in reps:
        compare_back(rp.book, os.path.join(INBOX, rp.file), formulas_cached=not (rp.unit == "kobda"))


def unit_figures(rp):
    f = R.figures(rp.rows, rp.events, rp.finance)
    members = f["members"]
    d = {"unit": rp.unit, "file": rp.file, "orgs_registry": len(unit_orgs(rp.unit)), "orgs_reported": f["orgs"],
         "members": members, "trained": f["trained"],
         "trained_share": f["trained"]["total"] / members if members else None,
         "events": f["events"], "participants": f["participants"], "finance": None}
    if rp.finance:
        d["finance"] = {"budget": rp.finance[0], "training": rp.finance[1], "share": rp.finance[1] / rp.finance[0]}
    return d


def expected(reps, junk):
    units = [unit_figures(rp) for rp in reps if rp.status == "report"]
    order = {u: i for i, u in enumerate(R.UNIT_IDS)}
    units.sort(key=lambda d: order[d["unit"]])
    assert [d["unit"] for d in units] == R.UNIT_IDS
    region = {"units_expected": 14, "units_reported": len(units), "orgs_registry": len(ORGS),
              "orgs_reported": sum(d["orgs_reported"] for d in units),
              "members": sum(d["members"] for d in units),
              "trained": {k: sum(d["trained"][k] for d in units) for k in ["total"] + CATS}}
    region["trained_share"] = region["trained"]["total"] / region["members"]
    region["events"] = sum(d["events"] for d in units)
    region["participants"] = sum(d["participants"] for d in units)
    fb = sum(d["finance"]["budget"] for d in units if d["finance"])
    ft = sum(d["finance"]["training"] for d in units if d["finance"])
    region["finance"] = {"budget": fb, "training": ft, "share": ft / fb}
    files = []
    for rp in reps:
        files.append({"file": rp.file, "unit": rp.unit, "status": rp.status,
                      "format": os.path.splitext(rp.file)[1][1:], "producer": rp.producer,
                      "clean": not any(i["kind"] == "defect" for i in rp.issues) and rp.status == "report"})
    for name, note in junk:
        files.append({"file": name, "unit": None, "status": "ignored", "format": os.path.splitext(name)[1][1:],
                      "producer": "junk", "clean": False})
    files.sort(key=lambda f: f["file"])
    issues = []
    for name, note in junk:
        issues.append({"rule": "file.ignored", "unit": None, "file": name, "sheet": None, "cell": None, "row": None,
                       "org": None, "field": None, "expected": None, "actual": None, "kind": "format", "note": note})
    for rp in reps:
        issues.extend(rp.issues)
    kinds = {"format": 0, "defect": 1, "inherent": 2}
    issues.sort(key=lambda i: (kinds[i["kind"]], i["unit"] or "", i["rule"]))
    return {
        "set": "samples", "period": PERIOD, "as_of": "2026-04-01",
        "figures_rule": "sums of the detail rows of each unit's accepted report as written (rows flagged by a "
                        "row-level issue are kept); the total row, hidden sheets, stray sheets, summary sheets and "
                        "superseded files are not counted; shares are fractions; null = no file reported it",
        "region": region, "units": units, "files": files, "issues": issues,
        "data_defects": sum(1 for i in issues if i["kind"] == "defect"),
    }


def main():
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    save_openpyxl(R.registry_book(ORGS), os.path.join(SAMPLES, "registry.xlsx"), formulas=False)
    reps = build_reports()
    write(reps)
    junk = [("~$Алға_2026-03.xlsx", "Excel owner file (left by Excel while the file was open)"),
            ("Темір ауданы ілеспе хат.docx", "Word cover letter")]
    write_bytes(os.path.join(INBOX, junk[0][0]), MF.owner_file("Aigul"))
    letter = ["Облыстық кәсіподақ ұйымына", "",
              "Темір аудандық кәсіподақ комитеті 2026 жылғы наурыз айындағы кәсіподақтық оқыту туралы есепті жолдайды.",
              "Қосымша: 1 файл (Есеп Темір наурыз 2026.xlsx).", "",
              "Аудандық кәсіподақ комитетінің төрағасы  ____________  Н. Утегенова"]
    write_bytes(os.path.join(INBOX, junk[1][0]), MF.cover_letter_docx(letter))
    exp = expected(reps, junk)
    with open(os.path.join(SAMPLES, "expected-2026-03.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(SAMPLES, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(reps, exp))
    print(f"{len(reps)} reports + {len(junk)} junk files under {INBOX}")


def fmt(v):
    return f"{int(v):,}".replace(",", " ") if v is not None else "—"


def readme(reps, exp):
    L = ["# Sample month: 2026-03\n",
         "What `jinaq consolidate` runs on by default. Generated by `gen/make_samples.py` (shared code in "
         "`tests/fixtures/gen/`, see its README); do not edit by hand. All organisations, names, BINs and figures "
         "are synthetic.\n",
         "- `inbox/`: what the regional specialist received for March 2026 (cumulative from 1 January, as of "
         "01.04.2026): one report per unit for all 14 units, a corrected copy of one report, an Excel owner file "
         "and a Word cover letter.",
         f"- `registry.xlsx`: the registry (sheet `Тізілім`): {len(ORGS)} organisations, members on 01.01.2026 "
         f"({fmt(sum(o.members for o in ORGS))} in all). Reported member counts are within ±2 of it, except one "
         "deliberate outlier.",
         "- `expected-2026-03.json`: the figures a correct consolidation gives (`region`, `units`, in the shape of "
         "`summary-<period>.json`) plus `files` and the expected `issues`.\n",
         "## How the figures are defined\n",
         "Sums of the detail rows of each unit's accepted report, as written (a row with a row-level issue still "
         "counts). Total rows, hidden sheets, stray sheets, summary sheets and the superseded file are not counted. "
         "`trained_share` = trained / members and `finance.share` = training / budget, as fractions; `finance` sums "
         "the units that sent a finance sheet. `events` counts event rows; in every unit the events' participants add "
         "up to the unit's trained total (no `events.participants_mismatch` is expected).\n",
         "## Files\n",
         "| file | unit | producer | what is special |", "|---|---|---|---|"]
    special = {
        "aktobe-city": "40 organisations; 4 title rows; merged two-row header \"оның ішінде\"; BIN; names in both "
                       "languages; shares by =ROUND formulas; events with survey columns; finance; the unit's own "
                       "summary sheet \"Жиынтық\" (formulas to the total row)",
        "alga": "table from column B; 2 title rows; no BIN; some members typed as text with a trailing dot; "
                "shares truncated; typed total \"Барлығы:\"; events dates as text",
        "aiteke-bi": "Russian; merged \"в том числе\"; BIN as numbers (leading zeros lost); share =trained/members "
                     "formatted as %; finance under the norm",
        "baiganin": ".xlsm; 1 title row; zero written as an empty cell; share as text \"16,9%\"; finance amounts as text",
        "kargaly": "xlwt .xls; Russian; categories before the total; some counts as text; share as text \"16,9\"; "
                   "hand-typed total row \"Всего\"; events dates as text dd.mm.yy",
        "kobda": "openpyxl: the =SUM total row has no cached values; merged header; sheets \"1-кесте\", "
                 "\"2-кесте\", \"3-кесте\"",
        "martok": ".ods; Russian; names in both languages; events dates as bare serial numbers; a stray empty sheet \"Лист2\"",
        "mugalzhar": "15 organisations; merged header with line breaks; hidden sheet \"Ақпан\" (February) to ignore; "
                     "unknown column \"Төрағаның аты-жөні\"; finance under the norm",
        "oiyl": "no title rows (unit and period only in the file name); note column \"Ескерту\"",
        "temir": "UPPERCASE headers; columns in a different order; share as a fraction with a % format; sheet \"Sheet1\"",
        "khromtau": "1904 date system; Russian; merged \"в том числе\"; finance; the unit's own summary sheet \"Свод\"",
        "shalkar": "no period in the file name (read it from the titles); table from column B; all counts typed "
                   "as text; share as text \"16,9%\"; finance",
        "yrgyz": ".ods; a blank row inside the table; zero written as an empty cell; events with survey columns",
        "direct": "openpyxl (typed values); sheet \"Форма 1\"; note column \"Примечание\"; unknown column "
                  "\"Контактный телефон\"; names in both languages",
    }
    for rp in reps:
        sp = special[rp.unit] if rp.status == "report" else "the original, superseded by the corrected copy " \
                                                             "(two schools' figures were not yet complete)"
        if rp.status == "report" and rp.unit == "alga":
            sp = "corrected copy (\"түзетілген\"): supersedes `Алға_2026-03.xlsx`; " + sp
        L.append(f"| `{rp.file}` | {rp.unit} | {rp.producer} | {sp} |")
    L.append("| `~$Алға_2026-03.xlsx` | — | junk | Excel owner file: ignore |")
    L.append("| `Темір ауданы ілеспе хат.docx` | — | junk | Word cover letter: ignore |")
    L.append("")
    L.append("## Expected figures\n")
    L.append("| unit | orgs (reported/registry) | members | trained | members* | audit | activists | chairs | "
             "conciliation | share | events | participants | finance budget / training / share |")
    L.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")

    def line(name, d):
        t = d["trained"]
        f = d["finance"]
        fs = f"{fmt(f['budget'])} / {fmt(f['training'])} / {f['share'] * 100:.2f} %" if f else "—"
        return (f"| {name} | {d['orgs_reported']}/{d['orgs_registry']} | {fmt(d['members'])} | {fmt(t['total'])} | "
                f"{fmt(t['members'])} | {fmt(t['audit'])} | {fmt(t['activists'])} | {fmt(t['chairs'])} | "
                f"{fmt(t['conciliation'])} | {d['trained_share'] * 100:.2f} % | {d['events']} | "
                f"{fmt(d['participants'])} | {fs} |")
    for d in exp["units"]:
        L.append(line(d["unit"], d))
    L.append(line("**REGION**", exp["region"]))
    L.append("\n`members*` = the rank-and-file category of trained people.\n")
    L.append("## What the tool should find\n")
    L.append("`kind`: **defect** = an injected data error to follow up with the district; **inherent** = follows "
             "from the figures (spending under the 10 % norm); **format** = notes about files and columns. "
             "Severity is the tool's choice; rule ids are from contracts.md.\n")
    L.append("| # | rule | kind | unit | file | sheet | cell / row | org | field | expected | actual | note |")
    L.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, i in enumerate(exp["issues"], 1):
        where = i["cell"] or (f"row {i['row']}" if i["row"] else "")
        L.append(f"| {n} | `{i['rule']}` | {i['kind']} | {i['unit'] or ''} | `{i['file']}` | {i['sheet'] or ''} | "
                 f"{where} | {i['org'] or ''} | {i['field'] or ''} | "
                 f"{'' if i['expected'] is None else i['expected']} | {'' if i['actual'] is None else i['actual']} | "
                 f"{i['note']} |")
    L.append("")
    L.append("Units without a defect or format note above are clean: no issue of warning or error severity is "
             "expected from them. There is no earlier period in the sample, so no `history.*` issue is expected "
             "on a first run.\n")
    L.append("## Organisation names\n")
    L.append("Names in the reports are written the way districts write them (short forms, Russian or Kazakh, quotes "
             "of every kind, double spaces, Latin look-alike letters, `№ 5`, with or without legal-form words). "
             "Each resolves to exactly one registry entry by: Latin look-alikes -> Cyrillic (A B E K M H O P C T X Y "
             "a e o p c x y), quotes removed (\" ' « » “ ” „ ‘ ’), lower case, runs of spaces collapsed, `№ 5` -> "
             "`№5`, legal-form words dropped (КММ КГУ МКҚК ГККП КМҚК ММ ГУ ЖШС ТОО КеАҚ НАО), then an exact match "
             "against the registry's full name or one of its short names.\n")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
