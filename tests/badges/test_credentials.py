"""Open Badges 3.0: the signed credential verifies with an independent library, and fails when altered."""

import json

import pytest
from jwcrypto import jwk, jws

from lms.badges import services
from tests import factories
from tests.badges.test_awards import complete


def verify_with_jwcrypto(token: str, did_document: dict) -> dict:
    """Verify a VC-JWT the way a third party would: key from the did:web document, jwcrypto."""
    signed = jws.JWS()
    signed.deserialize(token)
    kid = signed.jose_header["kid"]
    method = next(m for m in did_document["verificationMethod"] if m["id"] == kid)
    signed.verify(jwk.JWK(**method["publicKeyJwk"]), alg="EdDSA")
    return json.loads(signed.payload)


@pytest.fixture
def award(db, courses):
    user = factories.make_user("amina", email="amina@example.org")
    complete(user, courses[0])
    db.session.commit()
    return services.awards_of(user.id)[0]


def test_credential_verifies_with_an_independent_library(client, award):
    token = client.get(f"/badges/assertions/{award.public_id}/credential.jwt").get_data(as_text=True)
    did = client.get("/.well-known/did.json").get_json()
    assert did["id"] == "did:web:127.0.0.1%3A5000"
    payload = verify_with_jwcrypto(token, did)
    assert "OpenBadgeCredential" in payload["type"]
    assert payload["issuer"]["id"] == did["id"]
    subject = payload["credentialSubject"]
    assert subject["achievement"]["name"] == "Le basi"
    assert subject["identifier"][0]["identityHash"] == award.recipient_hash


def test_altering_one_field_breaks_the_signature(client, award):
    token = client.get(f"/badges/assertions/{award.public_id}/credential.jwt").get_data(as_text=True)
    did = client.get("/.well-known/did.json").get_json()
    header, payload, signature = token.split(".")
    import base64

    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["credentialSubject"]["achievement"]["name"] = "Laurea in legge"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    with pytest.raises(jws.InvalidJWSSignature):
        verify_with_jwcrypto(f"{header}.{forged}.{signature}", did)


def test_key_rotation_keeps_earlier_credentials_verifiable(app, client, award):
    old = client.get(f"/badges/assertions/{award.public_id}/credential.jwt").get_data(as_text=True)
    result = app.test_cli_runner().invoke(args=["lms", "rotate-badge-key"])
    assert "#key-2" in result.output
    new = client.get(f"/badges/assertions/{award.public_id}/credential.jwt").get_data(as_text=True)
    did = client.get("/.well-known/did.json").get_json()
    assert len(did["verificationMethod"]) == 2
    assert verify_with_jwcrypto(old, did)["id"] == verify_with_jwcrypto(new, did)["id"]
    assert jws.JWS.from_jose_token(new).jose_header["kid"].endswith("#key-2")


def test_json_download_is_an_enveloped_credential(client, award):
    envelope = json.loads(client.get(f"/badges/assertions/{award.public_id}/credential.json").data)
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    assert envelope["id"].startswith("data:application/vc+jwt,ey")
