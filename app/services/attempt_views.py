"""Assembling an attempt's views (`AttemptState`, its `Score`) from the rows storage returns.

Called inside the exam service's transaction, on a Core connection (an ORM use case passes its
session's `connection()`); the SQL is in storage/queries/attempts_core.py. Must not import the
ORM: the exam path runs without it. No Qt.
"""

from __future__ import annotations

from typing import Any

from app.domain.bank import LABELS, Choice
from app.domain.ids import AttemptId
from app.domain.scoring import Score, ScoredItem, score_form
from app.domain.translation import (
    ENGLISH,
    LANGUAGES,
    full_stem_in,
    rendered_choices_in,
    translated,
)
from app.services.exam_views import AttemptState, ChoiceView, ItemText, ItemView
from app.storage.connection import Connection
from app.storage.queries import attempts_core as attempts
from app.storage.queries.translations import titles_in, translations_of


def attempt_state(s: Connection, a: Any, note: str = "", language: str = ENGLISH) -> AttemptState:
    """The attempt's view, its items' words in `language` where a current translation exists
    (English otherwise, marked `fallback`); every item carries each language it can be shown in,
    so the exam screen switches one question without asking again."""
    test = attempts.test_by_id(s, a.test_id)
    profile = attempts.profile(s, a.profile_id)
    assert test is not None and profile is not None
    areas = {ar.id: ar for ar in test.areas}
    rows = attempts.shown_items(s, a.id)
    stored = translations_of(s, [x.question.id for x in rows])
    titles = {lang: titles_in(s, test.id, lang) for lang in {k[1] for k in stored}}
    items = []
    for x in rows:
        r, q, task = x.response, x.question, x.task
        dq = attempts.question_of(q, task.code, x.choices)
        order = [int(c) for c in r.choice_order]
        authored = r.chosen  # where the author put the option; `order` maps shown -> authored
        if r.choice_id is not None:  # the option by identity, wherever the version holds it
            authored = next((c.position for c in x.choices if c.id == r.choice_id), authored)
        area = areas.get(q.area_id)
        english = ItemText(
            ENGLISH,
            dq.full_stem(),
            _shown(dq.rendered_choices(), order),
            q.explanation,
            area.title if area else "",
            task.text,
            q.exhibit_data,
            q.exhibit_caption,
        )
        texts = [english]
        for lang in LANGUAGES:
            st = stored.get((q.id, lang))
            if st is None or not st.current:  # stale: made from older English, not shown
                continue
            tq = translated(dq, st.words)
            t = titles.get(lang)
            texts.append(
                ItemText(
                    lang,
                    full_stem_in(tq, lang),
                    _shown(rendered_choices_in(tq, lang), order),
                    tq.explanation,
                    (t.areas.get(area.letter) if t and area else None) or english.area_title,
                    (t.tasks.get(task.code) if t else None) or task.text,
                    st.exhibit_data or q.exhibit_data,
                    tq.exhibit_caption,
                )
            )
        item = ItemView(
            position=r.position,
            question_id=q.id,
            uid=q.uid,
            area=area.letter if area else "?",
            area_title=english.area_title,
            task=task.code,
            task_text=task.text,
            style=q.style,
            stem=english.stem,
            choices=english.choices,
            explanation=q.explanation,
            scored=r.scored,
            chosen_shown=order.index(authored) if authored is not None else None,
            flagged=r.flagged,
            seconds=r.seconds,
            exhibit=q.exhibit_data,
            exhibit_name=q.exhibit,
            exhibit_caption=q.exhibit_caption,
            confidence=r.confidence,
            texts=tuple(texts),
        )
        items.append(item.in_language(language) if language != ENGLISH else item)
    for lang in LANGUAGES:
        if lang not in titles:
            titles[lang] = titles_in(s, test.id, lang)
    test_titles = tuple(
        (lang, t.title) for lang, t in sorted(titles.items()) if t is not None and t.title
    )
    title = dict(test_titles).get(language, test.title)
    return AttemptState(
        attempt_id=AttemptId(a.id),
        profile_id=a.profile_id,
        test_code=test.code,
        test_title=title,
        mode=a.mode,
        status=a.status,
        items=tuple(items),
        time_limit_s=a.time_limit_s,
        elapsed_s=a.elapsed_s,
        current_position=a.current_position,
        hide_countdown=profile.hide_countdown,
        note=note,
        translated_titles=test_titles,
    )


def _shown(rendered: tuple[Choice, ...], order: list[int]) -> tuple[ChoiceView, ...]:
    return tuple(
        ChoiceView(
            LABELS[i] if i < 4 else str(i + 1),
            rendered[o].text,
            rendered[o].correct,
            rendered[o].rationale,
        )
        for i, o in enumerate(order)
    )


def attempt_score(s: Connection, a: Any, state: AttemptState) -> Score:
    test = attempts.test_by_id(s, a.test_id)
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
