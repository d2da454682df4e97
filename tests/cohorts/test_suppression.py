import pytest

from lms.cohorts.suppression import suppress, total


@pytest.mark.parametrize(
    ("cells", "shown"),
    [
        ({"a": 12, "b": 7}, {"a": 12, "b": 7}),
        ({"a": 12, "b": 3, "c": 9}, {"a": 12, "b": "<5", "c": "<5"}),  # 3 alone would follow from the total
        ({"a": 12, "b": 3, "c": 2}, {"a": 12, "b": "<5", "c": "<5"}),  # two hidden: the total hides both
        ({"a": 0, "b": 8}, {"a": 0, "b": 8}),  # zero reveals nobody
        ({"a": 4}, {"a": "<5"}),
        ({"a": 4, "b": 0}, {"a": "<5", "b": 0}),
    ],
)
def test_small_cells_and_the_cell_that_would_reveal_them_are_hidden(cells, shown):
    assert suppress(cells) == shown


def test_no_single_hidden_cell_can_be_recovered_from_the_total():
    cells = {"f": 20, "m": 9, "x": 1}
    shown = suppress(cells)
    hidden = [k for k, v in shown.items() if v == "<5"]
    assert len(hidden) != 1


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (3, "<5"), (5, 5)])
def test_totals(count, shown):
    assert total(count) == shown
