"""The figures over the API: public, from published summaries only, with the /figures/ page's filters."""
from typing import Literal

from ninja import Query, Router

from deleg.analytics import selectors
from deleg.analytics.schemas import (
    AchievementOut,
    ChangeRow,
    CostRow,
    CountsOut,
    FiguresFilter,
    FundingOut,
)
from deleg.analytics.selectors import PUBLIC_SCOPE, Filters
from deleg.analytics.services import figures_refresh_if_stale
from deleg.api.schemas import ErrorOut

router = Router(tags=["figures"], auth=None)
_NAME = "(region|year|delegator|performer|field|kind|status)"
# What figures may be grouped by: a comma-separated list of names.
BY = f"^{_NAME}(,{_NAME})*$"


def _filters(query: FiguresFilter) -> Filters:
    figures_refresh_if_stale()
    return selectors.figures_filters({name: "" if value is None else str(value) for name, value in query.dict().items()})


def _by(by: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in by.split(",") if name.strip())


def _rows(rows: list[dict]) -> list[dict]:
    return [row | {"group": row["key"]} for row in rows]


@router.get("/figures/funding", response={200: FundingOut, 422: ErrorOut})
def funding(request, filters: Query[FiguresFilter], by: str = Query("year", pattern=BY)):
    """Planned and spent funding, unstated-role amounts apart, the execution rate, and compliance totals."""
    applied = _filters(filters)
    total = selectors.figures_funding(scope=PUBLIC_SCOPE, filters=applied, by=())[0]
    return {"source": PUBLIC_SCOPE.source,
            "rows": _rows(selectors.figures_funding(scope=PUBLIC_SCOPE, filters=applied, by=_by(by))),
            "total": total | {"group": {}}, "compliance": selectors.figures_compliance(scope=PUBLIC_SCOPE, filters=applied)}


@router.get("/figures/counts", response={200: CountsOut, 422: ErrorOut})
def counts(request, filters: Query[FiguresFilter], by: str = Query("region", pattern=BY)):
    """Events, participants, organisations, consultations, publications and groups the published results state."""
    applied = _filters(filters)
    total = selectors.figures_counts(scope=PUBLIC_SCOPE, filters=applied, by=())[0]
    return {"source": PUBLIC_SCOPE.source,
            "rows": _rows(selectors.figures_counts(scope=PUBLIC_SCOPE, filters=applied, by=_by(by))),
            "total": total | {"group": {}}}


@router.get("/figures/achievement", response={200: list[AchievementOut], 422: ErrorOut})
def achievement(request, filters: Query[FiguresFilter], limit: int = 50):
    """Published summaries' indicators against their targets, the agreements furthest behind first."""
    return selectors.figures_achievement(scope=PUBLIC_SCOPE, filters=_filters(filters), limit=min(max(limit, 1), 500))


@router.get("/figures/costs", response={200: list[CostRow], 422: ErrorOut})
def costs(request, filters: Query[FiguresFilter], by: str = Query("region", pattern=BY)):
    """Spent per participant and per event, only where both the spending and the count are stated."""
    return _rows(selectors.figures_costs(scope=PUBLIC_SCOPE, filters=_filters(filters), by=_by(by)))


@router.get("/figures/change", response={200: list[ChangeRow], 422: ErrorOut})
def change(request, filters: Query[FiguresFilter], by: Literal["region", "performer"] = "region"):
    """Each region's or performer's yearly figures with the change from the year before."""
    return _rows(selectors.figures_change(scope=PUBLIC_SCOPE, filters=_filters(filters), by=by))
