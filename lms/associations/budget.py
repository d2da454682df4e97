"""An event budget: lines of income (by type) and costs, in euro cents; planned and actual totals.

Income types follow the fact sheet (§4.2, §4.5): members' fees and occasional public fundraising are not
taxed; sponsorship is always commercial (VAT number, invoice with 22% VAT); donations have no counterpart.
"""

from dataclasses import dataclass
from decimal import Decimal

INCOME_TYPES = (
    "members_fees",
    "occasional_fundraising",
    "sponsorship",
    "donations",
    "public_grants",
    "other",
)
COST_TYPES = ("venue", "permits", "equipment", "promotion", "food", "insurance", "travel", "other_cost")


def side_of(line_type: str) -> str:
    return "income" if line_type in INCOME_TYPES else "cost"


@dataclass(frozen=True)
class Totals:
    income: int
    costs: int

    @property
    def balance(self) -> int:
        return self.income - self.costs


def totals(lines: list[dict], actual: bool = False) -> Totals:
    """Planned (or actual) income and costs; lines without an actual amount count as 0 when actual."""
    key = "actual" if actual else "planned"
    income = sum(line.get(key) or 0 for line in lines if line["side"] == "income")
    costs = sum(line.get(key) or 0 for line in lines if line["side"] == "cost")
    return Totals(income, costs)


def by_type(lines: list[dict], side: str) -> dict[str, int]:
    """Planned amounts by type, for one side, in the order of the types."""
    types = INCOME_TYPES if side == "income" else COST_TYPES
    sums = {t: 0 for t in types}
    for line in lines:
        if line["side"] == side:
            sums[line["type"]] = sums.get(line["type"], 0) + (line.get("planned") or 0)
    return {t: v for t, v in sums.items() if v}


def to_cents(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount * 100).quantize(Decimal(1)))


def euros(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def has_sponsorship(lines: list[dict]) -> bool:
    return any(line["side"] == "income" and line["type"] == "sponsorship" for line in lines)


def has_occasional_fundraising(lines: list[dict]) -> bool:
    return any(line["side"] == "income" and line["type"] == "occasional_fundraising" for line in lines)
