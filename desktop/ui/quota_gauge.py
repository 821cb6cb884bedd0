"""Quota gauges: how much of a commendation quota the proposals use.

`count_gauge("Tập thể", 6, 5)` and `leader_gauge(usage)` compute what a gauge shows (plain
data, tested without widgets); `QuotaGauge` draws it with QPainter — a bar filled up to the
use, a tick at the limit, green inside the quota, red beyond it; `QuotaPanel` shows every
quota of a review, one line each (per award, per block where the plan's quotas have blocks).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from ..domain.plan import Plan
from ..domain.proposals import QuotaUsage, block_label, quota_scope
from ..domain.vnformat import number, percent

# state -> (fill, border)
GAUGE_COLORS = {
    "ok": (QColor("#a5d6a7"), QColor("#5a9e5d")),
    "full": (QColor("#81c784"), QColor("#2e7d32")),
    "over": (QColor("#ef9a9a"), QColor("#c62828")),
    "none": (QColor("#d5d5d5"), QColor("#9e9e9e")),
}


@dataclass(frozen=True)
class GaugeSpec:
    """What one gauge shows: its text, the fill (value of maximum), the limit's tick."""

    text: str
    value: float
    maximum: float
    mark: float | None  # where the limit is, on the same scale (None: no limit)
    state: str  # ok | full | over | none
    tooltip: str = ""


def count_gauge(label: str, used: int, limit: int | None, what: str = "") -> GaugeSpec:
    """'Tập thể 3/5' (ok), 'Tập thể 5/5' (full), 'Cá nhân 6/5 — thừa 1' (over);
    without a limit 'Cá nhân 2 (không giới hạn)'."""
    what = what or label.lower()
    if limit is None:
        return GaugeSpec(f"{label} {used} (không giới hạn)", used, max(used, 1), None, "none",
                         f"Kế hoạch không giới hạn số {what} ở hạn mức này.")
    state = "over" if used > limit else "full" if used == limit and limit else "ok"
    text = f"{label} {used}/{limit}"
    if state == "over":
        text += f" — thừa {used - limit}"
    tip = f"Đã đề nghị {used} {what}; hạn mức không quá {limit}."
    if state == "ok":
        tip += f" Còn {limit - used}."
    return GaugeSpec(text, used, max(used, limit, 1), limit, state, tip)


def leader_gauge(usage: QuotaUsage) -> GaugeSpec | None:
    """The share of leaders among the individuals proposed against the plan's maximum
    share: 'Lãnh đạo 3/7 = 42,86 % (tối đa 40 %)'. Without a maximum share, the count only
    (grey); None when no individual is proposed and the quota sets no share."""
    share_max = usage.quota.leader_share_max
    leaders, people, allowed = usage.leaders, usage.individuals, usage.leaders_allowed
    if share_max is None:
        if not people:
            return None
        return GaugeSpec(f"Lãnh đạo {leaders}/{people} (không giới hạn tỷ lệ)", leaders,
                         people, None, "none",
                         f"{leaders} trong {people} cá nhân được đề nghị là lãnh đạo; kế hoạch "
                         "không giới hạn tỷ lệ lãnh đạo ở hạn mức này.")
    share = leaders / people * 100 if people else 0.0
    over = allowed is not None and leaders > allowed
    state = "over" if over else "full" if people and leaders == allowed and leaders else "ok"
    text = f"Lãnh đạo {leaders}/{people}"
    if people:
        text += f" = {percent(share)}"
    text += f" (tối đa {number(share_max)} %)"
    tip = (f"{leaders} trong {people} cá nhân được đề nghị là lãnh đạo (Phó Trưởng phòng trở "
           f"lên); kế hoạch cho phép không quá {number(share_max)} % số cá nhân được đề nghị"
           f", tức tối đa {allowed or 0} người.")
    return GaugeSpec(text, share, 100.0, share_max, state, tip)


def usage_gauges(usage: QuotaUsage) -> list[GaugeSpec]:
    q = usage.quota
    specs = []
    if q.collectives is not None or usage.collectives:
        specs.append(count_gauge("Tập thể", usage.collectives, q.collectives, "tập thể"))
    if q.individuals is not None or usage.individuals:
        specs.append(count_gauge("Cá nhân", usage.individuals, q.individuals, "cá nhân"))
    leaders = leader_gauge(usage)
    if leaders is not None:
        specs.append(leaders)
    return specs


class QuotaGauge(QWidget):
    """A bar drawn with QPainter: filled to the use, a tick at the limit, the text inside."""

    def __init__(self, spec: GaugeSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec or GaugeSpec("", 0, 1, None, "none")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_spec(self.spec)

    def set_spec(self, spec: GaugeSpec) -> None:
        self.spec = spec
        self.setToolTip(spec.tooltip)
        self.setAccessibleName(spec.text)
        self.setAccessibleDescription(spec.tooltip)
        self.update()

    def text(self) -> str:
        return self.spec.text

    @property
    def state(self) -> str:
        return self.spec.state

    def sizeHint(self) -> QSize:  # noqa: N802
        bold = QFont(self.font())
        bold.setBold(True)  # the text of a gauge over its quota is bold
        fm = QFontMetrics(bold)
        return QSize(fm.horizontalAdvance(self.spec.text) + 24, fm.height() + 10)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()  # the whole text stays readable

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        spec = self.spec
        fill, border = GAUGE_COLORS.get(spec.state, GAUGE_COLORS["none"])
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(border, 1.2 if spec.state != "over" else 2.0))
        p.setBrush(QColor("#f5f5f5"))
        p.drawRoundedRect(rect, 3, 3)
        top = max(spec.maximum, 1e-9)
        inner = rect.adjusted(1.5, 1.5, -1.5, -1.5)
        width = inner.width() * min(max(spec.value / top, 0.0), 1.0)
        if width > 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(QRectF(inner.left(), inner.top(), width, inner.height()), 2, 2)
        if spec.mark is not None and 0 < spec.mark < top:
            x = inner.left() + inner.width() * spec.mark / top
            p.setPen(QPen(QColor("#37474f"), 2))  # short ticks: the text stays legible
            tick = max(3.0, rect.height() / 4)
            p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.top() + tick))
            p.drawLine(QPointF(x, rect.bottom() - tick), QPointF(x, rect.bottom()))
        font = QFont(self.font())
        font.setBold(spec.state == "over")
        p.setFont(font)
        p.setPen(QColor("#8e1010") if spec.state == "over" else QColor("#1f1f1f"))
        p.drawText(inner.adjusted(6, 0, -4, 0),
                   int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), spec.text)
        p.end()


class QuotaPanel(QWidget):
    """Every quota of a review, one line each: its award (and block) with the clause, then
    its gauges side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(10)
        self._layout.setVerticalSpacing(4)
        self.gauges: list[QuotaGauge] = []
        self.headers: list[QLabel] = []

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.gauges, self.headers = [], []

    def set_usage(self, plan: Plan | None, usage: Sequence[QuotaUsage],
                  empty_text: str = "") -> None:
        self.clear()
        if plan is None or not usage:
            label = QLabel(empty_text or "Kỳ này không có hạn mức khen thưởng.", self)
            label.setWordWrap(True)
            self._layout.addWidget(label, 0, 0)
            self.headers.append(label)
        one_award = len({u.quota.award for u in usage}) == 1
        for row, u in enumerate(usage):
            if plan is not None and one_award and u.quota.block is not None:
                scope = block_label(plan, u.quota.block)  # the award is in the page's title
            else:
                scope = quota_scope(plan, u.quota) if plan is not None else u.quota.award
            source = f" — mục {u.quota.source}" if u.quota.source else ""
            header = QLabel(f"<b>{html.escape(scope)}</b>{html.escape(source)}", self)
            header.setTextFormat(Qt.TextFormat.RichText)
            header.setToolTip(f"{quota_scope(plan, u.quota) if plan else u.quota.award}"
                              f"{source}")
            header.setWordWrap(True)  # long awards wrap; short headers keep one line
            bold = QFont(header.font())
            bold.setBold(True)
            width = QFontMetrics(bold).horizontalAdvance(scope) \
                + header.fontMetrics().horizontalAdvance(source) + 8
            header.setMinimumWidth(min(width, 380))
            header.setMaximumWidth(max(min(width, 380), 200))
            self._layout.addWidget(header, row, 0)
            self.headers.append(header)
            for col, spec in enumerate(usage_gauges(u), start=1):
                gauge = QuotaGauge(spec, self)
                gauge.setObjectName(f"gauge{len(self.gauges)}")
                self._layout.addWidget(gauge, row, col)
                self.gauges.append(gauge)
        for col in (1, 2, 3):
            self._layout.setColumnStretch(col, 1)

    def gauge_texts(self) -> list[str]:
        return [g.text() for g in self.gauges]

    def gauge(self, starts_with: str) -> QuotaGauge | None:
        """The first gauge whose text begins with `starts_with`."""
        for g in self.gauges:
            if g.text().startswith(starts_with):
                return g
        return None
