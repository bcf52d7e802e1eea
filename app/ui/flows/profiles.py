"""Learner profiles on home: choosing one, adding one, managing them, and the home lists
(profiles, tests with review counts, Today) for the profile chosen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from app.ui.flows import Flow
from app.ui.work import Ticket

if TYPE_CHECKING:
    from app.domain.i18n import Language
    from app.domain.ids import ProfileId
    from app.services.classroom import Capabilities
    from app.services.exams import InProgress
    from app.services.profiles import ProfileView
    from app.services.setup import AppServices
    from app.services.views import TestCard
    from app.ui.main_window import MainWindow

T = TypeVar("T")

# the interface language for a profile's own choice (None: BAYREADY_LANG or the system's)
LanguageFor = Callable[["Language | None"], "Language"]


@dataclass(frozen=True)
class HomeLists:
    """What home shows for one profile, read together on a worker thread."""

    profile: ProfileView
    profiles: list[ProfileView]
    cards: list[TestCard]  # titles in `language`
    due: dict[str, int]
    language: Language


def read_home(services: AppServices, profile_id: ProfileId, language_for: LanguageFor) -> HomeLists:
    """Home's lists for `profile_id` (on a worker thread: never widgets here)."""
    profiles = services.profiles.list_profiles()
    profile = next((p for p in profiles if p.profile_id == profile_id), None)
    if profile is None:  # not among those this login answers as: say it is gone
        profile = services.profiles.get(profile_id)
    language = language_for(profile.language)
    cards = services.exams.test_cards(profile_id, language=language.value)
    return HomeLists(profile, profiles, cards, services.reviews.due_counts(profile_id), language)


@dataclass(frozen=True)
class StartupLists:
    """What start-up's worker reads once the database is open, so that attaching the services
    on the GUI thread issues no query: the login's capabilities, the profile chosen (the last
    one used, else the first, made if there is none), its home lists and what it left in
    progress (offered for resuming)."""

    capabilities: Capabilities
    home: HomeLists
    in_progress: list[InProgress]


def read_startup(
    services: AppServices,
    last_profile: str | None,
    language_for: LanguageFor,
    capabilities: Capabilities | None = None,
) -> StartupLists:
    """On start-up's worker thread, after the database is open."""
    caps = capabilities or services.classroom.capabilities()
    wanted = services.profiles.find(last_profile) if last_profile else None
    pid = (wanted or services.profiles.ensure_default()).profile_id
    home = read_home(services, pid, language_for)
    return StartupLists(caps, home, services.exams.in_progress(pid))


class ProfileFlow(Flow):
    def __init__(self, window: MainWindow, services: AppServices) -> None:
        super().__init__(window, services)
        self.home_ticket: Ticket | None = None  # home's lists being read for the chosen profile
        # the chosen profile's own language (None: the system's) as last read with its lists or
        # chosen in the menu; the language menu checks it without a query
        self.language_choice: Language | None = None

    def refresh_home(self, *, with_language: bool = False) -> Ticket:
        """Home's lists (profiles, tests with last scores, reviews due, then Today) for the
        chosen profile, read on a worker thread. `with_language`: also the interface in the
        profile's language (the cards are then read in it). A newer refresh or another profile
        chosen meanwhile makes the result stale: it is dropped."""
        from app.ui.translation import language_for_profile

        w = self.window
        pid = self.pid
        services = self.services
        current = w.translators.language
        language_for = language_for_profile() if with_language else (lambda _l: current)

        def done(home: HomeLists) -> None:
            if w.profile_id == pid:
                self.show_home(home, with_language=with_language)

        self.home_ticket = w.tasks.submit(
            lambda _t: read_home(services, pid, language_for), done, key="home"
        )
        return self.home_ticket

    def show_home(self, home: HomeLists, *, with_language: bool = False) -> None:
        """Puts lists read on a worker on home (GUI thread; no query)."""
        w = self.window
        if with_language:
            self.language_choice = home.profile.language
        if with_language and w.translators.apply(home.language):
            w.rebuild_pages(refill=False)  # new pages in the profile's language, filled here
        w.home.show_profiles(home.profiles, home.profile.profile_id)
        w.home.show_tests(home.cards, home.due)
        w.flows.study.refresh_today()
        w.tests_populated.emit()

    def select(self, profile_id: ProfileId) -> None:
        """Home's profile chooser: the chosen learner's tests, counts and language, read on a
        worker thread; the previous learner's report or lists still loading are dropped."""
        w = self.window
        w.profile_id = profile_id
        w.flows.reports.on_profile_changed()
        from app.ui.translation import language_for_profile

        services, language_for = self.services, language_for_profile()

        def done(home: HomeLists) -> None:
            if w.profile_id != profile_id:
                return  # stale: yet another profile was chosen meanwhile
            w.settings.last_profile = home.profile.name
            w.save_settings()
            self.show_home(home, with_language=True)

        self.home_ticket = w.tasks.submit(
            lambda _t: read_home(services, profile_id, language_for), done, key="home"
        )

    def new_profile(self) -> None:
        """Home's New profile: the learner is added on a worker thread while home waits, then
        chosen (home's lists and language follow, read on a worker too)."""
        from app.services.profiles import NAME_MAX

        w = self.window
        name = self.dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if not name:
            return
        profiles = self.services.profiles

        def done(p: ProfileView) -> None:
            w.profile_id = p.profile_id
            w.flows.reports.on_profile_changed()
            w.settings.last_profile = p.name
            w.save_settings()
            self.refresh_home(with_language=True)

        self.submit(lambda: profiles.create(name), done, self.tr("Adding the profile..."))

    def manage_profiles(self) -> None:
        """Profiles dialog; then (on a worker) the chosen profile is checked - deleted, it
        gives way to the first one left, or a new default - and home is read again."""
        from app.ui.profiles_dialog import ProfilesDialog

        w = self.window
        dlg = ProfilesDialog(self.services.profiles, self.dialogs, w, run_sync=w.inline_work)
        self.dialogs.show_modal(dlg)
        profiles, chosen = self.services.profiles, w.profile_id

        def still_there() -> ProfileId:
            ids = [p.profile_id for p in profiles.list_profiles()]
            return (
                chosen
                if chosen in ids and chosen is not None
                else profiles.ensure_default().profile_id
            )

        def done(pid: ProfileId) -> None:
            if pid != w.profile_id:
                w.profile_id = pid
                w.flows.reports.on_profile_changed()
            self.refresh_home(with_language=True)

        self.submit(still_there, done, self.tr("Loading the profiles..."))

    def refused(self, error: Exception) -> bool:
        return self.window.flows.attempts.refused(error)  # a name taken, a profile gone
