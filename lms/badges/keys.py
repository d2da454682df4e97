"""Ed25519 signing keys for Open Badges 3.0, stored encrypted, published in a did:web document."""

import base64
import hashlib
from urllib.parse import urlsplit

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from lms.badges.models import SigningKey
from lms.core.clock import utcnow
from lms.extensions import db


def did_web(base_url: str) -> str:
    """did:web identifier of the site (a port is percent-encoded, a path becomes colons)."""
    parts = urlsplit(base_url)
    did = "did:web:" + parts.netloc.replace(":", "%3A")
    path = parts.path.strip("/")
    return did + (":" + path.replace("/", ":") if path else "")


def _fernet(secret_key: str) -> Fernet:
    digest = hashlib.sha256(b"ponte-badge-signing-keys:" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _public_jwk(private: Ed25519PrivateKey) -> dict:
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": base64.urlsafe_b64encode(raw).rstrip(b"=").decode()}


def create_key(secret_key: str) -> SigningKey:
    """Generate a new current key; the previous one is retired but stays published."""
    for old in db.session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None))):
        old.retired_at = utcnow()
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())  # fmt: skip
    number = (db.session.scalar(select(db.func.count()).select_from(SigningKey)) or 0) + 1
    key = SigningKey(kid=f"key-{number}", public_jwk=_public_jwk(private),
                     private_key=_fernet(secret_key).encrypt(pem).decode())  # fmt: skip
    db.session.add(key)
    db.session.flush()
    return key


def current_key(secret_key: str) -> SigningKey:
    key = db.session.scalar(
        select(SigningKey).where(SigningKey.retired_at.is_(None)).order_by(SigningKey.id.desc())
    )
    return key or create_key(secret_key)


def private_key(key: SigningKey, secret_key: str) -> Ed25519PrivateKey:
    pem = _fernet(secret_key).decrypt(key.private_key.encode())
    return serialization.load_pem_private_key(pem, password=None)


def did_document(base_url: str) -> dict:
    """Every key ever used, so that credentials signed before a rotation still verify."""
    did = did_web(base_url)
    keys = list(db.session.scalars(select(SigningKey).order_by(SigningKey.id)))
    methods = [{"id": f"{did}#{k.kid}", "type": "JsonWebKey2020", "controller": did,
                "publicKeyJwk": k.public_jwk} for k in keys]  # fmt: skip
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [m["id"] for m in methods],
    }
