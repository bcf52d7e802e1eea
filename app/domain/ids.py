"""Typed ids: a database key is not a count, a position or an author's id.

`QuestionId` is the key of one stored version of a question (the `question` table's id); the
author's own id for a question is a plain `str` (`Question.id`, stored as `uid`). NewType costs
nothing at run time; mypy keeps an attempt's key from being passed where a question's is wanted.
Stdlib only.
"""

from __future__ import annotations

from typing import NewType

QuestionId = NewType("QuestionId", int)
ChoiceId = NewType("ChoiceId", int)
AttemptId = NewType("AttemptId", int)
ResponseId = NewType("ResponseId", int)
ProfileId = NewType("ProfileId", int)
BankId = NewType("BankId", int)
TestId = NewType("TestId", int)
TaskId = NewType("TaskId", int)
AreaId = NewType("AreaId", int)
ClassId = NewType("ClassId", int)  # a classroom (the `classroom` table)
CertificationId = NewType("CertificationId", int)  # one recorded certification result

# every typed id above: the storage models map each to an INTEGER column
TYPED_IDS = (
    AreaId,
    AttemptId,
    BankId,
    CertificationId,
    ChoiceId,
    ClassId,
    ProfileId,
    QuestionId,
    ResponseId,
    TaskId,
    TestId,
)
