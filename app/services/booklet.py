"""The reference booklet a test's bank carries (L1's composite vehicle), as a frozen view for
the exam screen's side pane. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.banks.stored import stored_booklet
from app.domain.ids import TestId
from app.storage.connection import Connection
from app.storage.queries import bank_links as q

if TYPE_CHECKING:
    from app.storage.session import Session


@dataclass(frozen=True)
class BookletSection:
    id: str
    title: str
    body: str  # limited markup, as stems: render through app.ui.text
    exhibit: bytes | None = None
    exhibit_name: str | None = None


@dataclass(frozen=True)
class BookletView:
    test_code: str
    title: str
    sections: tuple[BookletSection, ...]
    # question uid -> the sections it names
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def sections_for(self, uid: str) -> tuple[str, ...]:
        known = {s.id for s in self.sections}
        return tuple(x for x in self.links.get(uid, ()) if x in known)


def load_booklet(s: Session | Connection, test_code: str) -> BookletView | None:
    """The booklet of the test's first enabled bank that has one, or None."""
    text = q.booklet_text(s, test_code)
    if not text:
        return None
    ref, exhibits, links = stored_booklet(text)
    return BookletView(
        test_code=test_code,
        title=ref.title,
        sections=tuple(
            BookletSection(
                x.id,
                x.title,
                x.body,
                exhibits.get(x.exhibit) if x.exhibit else None,
                x.exhibit,
            )
            for x in ref.sections
        ),
        links=links,
    )


def has_booklet(s: Session | Connection, test_id: TestId) -> bool:
    return q.has_booklet(s, test_id)
