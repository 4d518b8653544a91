"""The Indicators sheet: new and corrected figures, baselines and targets of each measure."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedSeq

from plansite.model.plan import Figure, Indicator, Measure
from plansite.sheets import yamledit
from plansite.sheets.changes.rows import Change, Documents, Row, WorkBase, find, quoted, short
from plansite.sheets.columns import INDICATORS, SHEET
from plansite.sheets.read import SheetRow
from plansite.sheets.values import figure_fields, figure_key, figure_values, figures

FIGURE_ORDER = list(Figure.model_fields)
MEASURE_ORDER = list(Measure.model_fields)
FIGURE_FIELDS = {
    "Period": "period",
    "Value": "value",
    "Unit": "unit",
    "As written": "raw",
    "Note": "note",
    "Source": "source",
}


class IndicatorRows(WorkBase):
    """Rows of the Indicators sheet."""

    def _indicators(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[INDICATORS]
        by_id = {i.id: i for i in self.ctx.plan.indicators}
        seen: dict[str, int] = {}
        for row in rows:
            r = Row(self, sheet, row, self._canon(sheet, row))
            ind_id, m_id, fig = r.get("Indicator id"), r.get("Measure id"), r.get("Figure")
            ind = by_id.get(ind_id)
            if ind is None:
                r.error(
                    "Indicator id",
                    f"{quoted(ind_id)} is not an indicator of this plan — choose one from the list"
                    if ind_id
                    else "choose the indicator the figure belongs to",
                )
                continue
            measure = next((m for m in ind.measures if m.id == m_id), None)
            if measure is None:
                known = ", ".join(m.id for m in ind.measures) or "none"
                r.error(
                    "Measure id",
                    f"{quoted(m_id)} is not a measure of {ind_id} (its measures: {known})"
                    if m_id
                    else f"choose the measure of {ind_id} the figure is for ({known})",
                )
                continue
            have = dict(figures(measure))
            if fig and fig not in have and fig not in ("baseline", "target"):
                r.error(
                    "Figure",
                    f"{quoted(fig)} is not a figure of {ind_id} / {m_id}: write baseline, target, "
                    "the number of one of its figures, or leave it blank to add a new figure",
                )
                continue
            if fig and self._seen(r, seen, figure_key(ind_id, m_id, fig), "Figure"):
                continue
            self._figure(r, ind, measure, fig, have.get(fig))

    def _figure(self, r: Row, ind: Indicator, m: Measure, fig: str, f: Figure | None) -> None:
        current = figure_fields(f)
        new = f is None
        if new:
            edited = {h: r.cells[h] for h in FIGURE_FIELDS if r.cells.get(h)}
            if not edited:
                return  # the empty row offered for a measure's first figure
        else:
            edited = self._edited(r, figure_key(ind.id, m.id, fig), figure_values(ind, m, fig, f))
        if not edited:
            return
        after = {**current, **{h: r.get(h, current[h]) for h in edited}}
        if "Value" in edited and after["Value"]:
            r.valid("Value", "number")
        if "Period" in edited:
            r.when("Period")
        for heading in ("Unit", "As written", "Note", "Source"):
            if heading in edited and after[heading]:
                r.valid(heading, "text")
        if not (after["Value"] or after["As written"]):
            r.error("Value", "a figure needs a value, or its wording under 'As written'")
        if not r.ok:
            return
        label = f"{ind.id} / {m.id}" + (f" / {fig}" if fig else "")
        what = {"baseline": "new baseline", "target": "new target"}.get(fig, "new figure")
        if new:
            shown = after["As written"] or " ".join(x for x in (after["Value"], after["Unit"]) if x)
            parts = [f"{what} {shown}" + (f" for {after['Period']}" if after["Period"] else "")]
        else:
            parts = [
                f"{h.lower()} {current[h] or 'none'} → {after[h] or 'none'}"
                if len(after[h]) < 40
                else f"{h.lower()} now {short(after[h])}"
                for h in edited
            ]

        def edit(docs: Documents) -> None:
            seq = docs.items(self.indicators_file, "indicators")
            measure = next(x for x in find(seq, ind.id)["measures"] if str(x.get("id")) == m.id)
            if fig in ("baseline", "target") and new:
                target = yamledit.new_map()
                yamledit.put(measure, fig, target, MEASURE_ORDER)
            elif fig in ("baseline", "target"):
                target = measure[fig]
            elif new:
                target = yamledit.new_map()
                if isinstance(measure.get("figures"), CommentedSeq):
                    yamledit.append(measure["figures"], target)
                else:
                    yamledit.put(measure, "figures", yamledit.new_seq([target]), MEASURE_ORDER)
            else:
                target = measure["figures"][int(fig) - 1]
            for heading in edited:
                key, text = FIGURE_FIELDS[heading], after[heading]
                if not text:
                    yamledit.drop(target, key)
                elif key == "value":
                    number = float(text)
                    yamledit.put(
                        target, key, int(number) if number.is_integer() else number, FIGURE_ORDER
                    )
                else:
                    yamledit.put(target, key, text, FIGURE_ORDER)

        self.changes.append(Change(INDICATORS, r.row.number, label, parts, edit))
