"""Toolkits as the library knows them: metadata from the sources, files from the last build."""

from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.catalog.models import Module
from lms.extensions import db


class Toolkit(db.Model):
    __tablename__ = "toolkits"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(20))
    legal: Mapped[bool] = mapped_column(default=False)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    description: Mapped[dict[str, str]] = mapped_column(JSON)
    #: [{"name": "statuto-aps.docx", "format": "docx", "size": 12345}, ...]
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    module: Mapped[Module] = relationship()
