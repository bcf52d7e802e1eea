"""Assembling an attempt's views (`AttemptState`, its `Score`) from the rows storage returns.

Called inside the exam service's transaction; the SQL is in storage/queries/attempts.py. No Qt.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.bank import LABELS
from app.domain.ids import AttemptId
from app.domain.scoring import Score, ScoredItem, score_form
from app.services.exam_views import AttemptState, ChoiceView, ItemView
from app.storage.models import AttemptRow, ProfileRow, TestRow
from app.storage.queries import attempts
from app.storage.queries.banks import question_from_row


def attempt_state(s: Session, a: AttemptRow, note: str = "") -> AttemptState:
    test = s.get(TestRow, a.test_id)
    profile = s.get(ProfileRow, a.profile_id)
    assert test is not None and profile is not None
    areas = {ar.id: ar for ar in test.areas}
    items = []
    for r, q, task in attempts.shown_items(s, a.id):
        dq = question_from_row(q, task.code)
        rendered = dq.rendered_choices()
        order = [int(c) for c in r.choice_order]
        authored = r.chosen  # where the author put the option; `order` maps shown -> authored
        if r.choice_id is not None:  # the option by identity, wherever the version holds it
            authored = next((c.position for c in q.choices if c.id == r.choice_id), authored)
        shown = tuple(
            ChoiceView(
                LABELS[i] if i < 4 else str(i + 1),
                rendered[o].text,
                rendered[o].correct,
                rendered[o].rationale,
            )
            for i, o in enumerate(order)
        )
        area = areas.get(q.area_id)
        items.append(
            ItemView(
                position=r.position,
                question_id=q.id,
                uid=q.uid,
                area=area.letter if area else "?",
                area_title=area.title if area else "",
                task=task.code,
                task_text=task.text,
                style=q.style,
                stem=dq.full_stem(),
                choices=shown,
                explanation=q.explanation,
                scored=r.scored,
                chosen=order.index(authored) if authored is not None else None,
                flagged=r.flagged,
                seconds=r.seconds,
                exhibit=q.exhibit_data,
                exhibit_name=q.exhibit,
                exhibit_caption=q.exhibit_caption,
                confidence=r.confidence,
            )
        )
    return AttemptState(
        attempt_id=AttemptId(a.id),
        profile_id=a.profile_id,
        test_code=test.code,
        test_title=test.title,
        mode=a.mode,
        status=a.status,
        items=tuple(items),
        time_limit_s=a.time_limit_s,
        elapsed_s=a.elapsed_s,
        current_position=a.current_position,
        hide_countdown=profile.hide_countdown,
        note=note,
    )


def attempt_score(s: Session, a: AttemptRow, state: AttemptState) -> Score:
    test = s.get(TestRow, a.test_id)
    assert test is not None
    titles = {ar.letter: ar.title for ar in test.areas}
    # the mark recorded when the answer was given is the score: it never follows later edits
    # (nor an earlier build's re-import that reordered options under old answers)
    marked = attempts.marks(s, a.id)
    return score_form(
        [
            ScoredItem(i.area, i.scored, bool(marked.get(i.position)), i.answered, i.seconds)
            for i in state.items
        ],
        titles,
        target_percent=a.target_percent,
        elapsed_s=a.elapsed_s,
        limit_s=a.time_limit_s,
        test_minutes=test.minutes,
        test_items=test.scored_count + test.unscored_count,
    )
