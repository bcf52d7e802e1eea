"""What the exam use cases hand to the ui: frozen views of an attempt, never ORM rows. No Qt.

Two positions of an option, never mixed, each with its own name: *authored* (where the author
wrote it in the question version: storage's `chosen`, the response table's column and
`ResponseRow.chosen`) and *shown* (where this attempt's shuffle put it on screen: `chosen_shown`,
in `ItemView` and `AnswerAck`). The ui sees shown positions only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.ids import AttemptId, ProfileId, QuestionId
from app.domain.scoring import Score
from app.services.recert import RecertPlan

CONFIDENCE_LEVELS = ("sure", "unsure", "guess")  # response.confidence 0, 1, 2


@dataclass(frozen=True)
class ChoiceView:
    label: str
    text: str
    correct: bool
    rationale: str


@dataclass(frozen=True)
class ItemText:
    """An item's words in one language; options in the item's shown order, each the same option
    (same key) whatever the language."""

    language: str
    stem: str
    choices: tuple[ChoiceView, ...]
    explanation: str
    area_title: str
    task_text: str
    exhibit: bytes | None = None
    exhibit_caption: str | None = None


@dataclass(frozen=True)
class ItemView:
    position: int
    question_id: QuestionId
    uid: str
    area: str
    area_title: str
    task: str
    task_text: str
    style: str
    stem: str
    choices: tuple[ChoiceView, ...]
    explanation: str
    scored: bool
    chosen_shown: int | None  # the option picked, by its position on screen
    flagged: bool
    seconds: float
    exhibit: bytes | None = None
    exhibit_name: str | None = None
    exhibit_caption: str | None = None
    confidence: int | None = None  # practice: 0 sure, 1 unsure, 2 guess (CONFIDENCE_LEVELS)
    language: str = "en"  # the language of the words above
    # another language was asked for but this item has no current translation into it: English
    fallback: bool = False
    texts: tuple[ItemText, ...] = ()  # every language the item can be shown in, English first

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(t.language for t in self.texts)

    def in_language(self, language: str) -> ItemView:
        """The same item (answer, flag, time) in `language`, or in English with `fallback` set
        when it has no current translation into it."""
        text = next((t for t in self.texts if t.language == language), None)
        if text is None:
            text = next((t for t in self.texts if t.language == "en"), None)
            if text is None:
                return self
        return replace(
            self,
            stem=text.stem,
            choices=text.choices,
            explanation=text.explanation,
            area_title=text.area_title,
            task_text=text.task_text,
            exhibit=text.exhibit,
            exhibit_caption=text.exhibit_caption,
            language=text.language,
            fallback=text.language != language,
        )

    @property
    def key(self) -> int:
        return next(i for i, c in enumerate(self.choices) if c.correct)

    @property
    def answered(self) -> bool:
        return self.chosen_shown is not None

    @property
    def correct(self) -> bool:
        return self.chosen_shown is not None and self.choices[self.chosen_shown].correct


@dataclass(frozen=True)
class AttemptState:
    attempt_id: AttemptId
    profile_id: ProfileId
    test_code: str
    test_title: str
    mode: str
    status: str
    items: tuple[ItemView, ...]
    time_limit_s: float | None
    elapsed_s: float
    current_position: int
    hide_countdown: bool
    note: str = ""
    # the test's title in each language it is translated into (English is `test_title`)
    translated_titles: tuple[tuple[str, str], ...] = ()

    def title_in(self, language: str) -> str:
        return dict(self.translated_titles).get(language, self.test_title)

    @property
    def answered(self) -> int:
        return sum(1 for i in self.items if i.answered)


@dataclass(frozen=True)
class AnswerAck:
    position: int
    chosen_shown: int | None
    correct: bool | None


@dataclass(frozen=True)
class AttemptReport:
    state: AttemptState
    score: Score


@dataclass(frozen=True)
class MockPlan:
    """What a mock about to start will be, for the intro screen (nothing is stored yet)."""

    test_code: str
    test_title: str
    profile_name: str
    scored_items: int  # drawn for this form (fewer than the blueprint when the pool is short)
    unscored_items: int  # research items added (0 when they are off)
    blueprint_scored: int
    blueprint_unscored: int
    blueprint_minutes: int
    time_multiplier: float
    hide_countdown: bool
    time_limit_s: float
    target_percent: float
    in_progress: AttemptId | None  # an attempt of this test in progress (would be abandoned)
    in_progress_mode: str | None
    recert: RecertPlan | None = None  # the recertification form, for the intro's choice
    has_booklet: bool = False  # the test's bank carries a reference booklet (F4 during the exam)

    @property
    def items(self) -> int:
        return self.scored_items + self.unscored_items


@dataclass(frozen=True)
class InProgress:
    attempt_id: AttemptId
    test_code: str
    mode: str
    answered: int
    items: int
    remaining_s: float | None


def with_item(state: AttemptState, item: ItemView) -> AttemptState:
    """A copy of the state with one item replaced (the UI keeps its view current this way)."""
    items = list(state.items)
    items[item.position] = item
    return replace(state, items=tuple(items))
