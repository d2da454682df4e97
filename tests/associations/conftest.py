"""An association with its president, and signing in as an existing user, for the association tests."""

import pytest

from lms.associations import services
from tests import factories


@pytest.fixture
def make_association(db):
    def _make(name="Donne in rete", president="awa", **values):
        user = factories.get_user(president) or factories.make_user(president)
        association = services.create(user, name=name, **({"legal_form": "aps", "province": "RM"} | values))
        db.session.commit()
        return association

    return _make


@pytest.fixture
def sign_in(client, forms):
    """Sign the client in as an existing user (signing out whoever was in)."""

    def _sign_in(username):
        if 'action="/logout"' in client.get("/").get_data(as_text=True):
            forms.post("/logout", {}, page="/")
        response = forms.post("/login", {"username": username, "password": factories.PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)

    return _sign_in
