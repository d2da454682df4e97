"""The public directory lists only associations that opted in, and finds them by province and topic."""

import pytest

from lms.associations import services
from tests import factories


@pytest.fixture
def listed(db):
    founder = factories.make_user("awa")
    services.create(founder, name="Donne in rete", legal_form="aps", province="LT", municipality="Latina",
                    topics=["women", "language"], listed=True, contact_email="info@donne.example",
                    description="Corsi di italiano per mamme.")  # fmt: skip
    services.create(
        founder, name="Giovani Roma", legal_form="informal", province="RM", topics=["youth"], listed=True
    )
    services.create(founder, name="Gruppo riservato", legal_form="odv", province="LT", topics=["women"])
    db.session.commit()


def test_only_listed_associations_appear_even_to_visitors(client, listed):
    html = client.get("/associations/directory").get_data(as_text=True)
    assert "Donne in rete" in html and "Giovani Roma" in html and "Gruppo riservato" not in html
    assert "mailto:info@donne.example" in html


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("province=LT", ["Donne in rete"]),
        ("topic=youth", ["Giovani Roma"]),
        ("topic=women&province=RM", []),
        ("q=italiano", ["Donne in rete"]),
    ],
)
def test_search_by_province_topic_and_words(listed, query, names):
    args = dict(part.split("=") for part in query.split("&"))
    found = services.directory(args.get("province"), args.get("topic"), args.get("q"))
    assert [a.name for a in found] == names
