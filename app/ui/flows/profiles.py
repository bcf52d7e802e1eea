"""Learner profiles on home: choosing one, adding one, managing them, and the home lists
(profiles, tests with review counts, Today) for the profile chosen."""

from __future__ import annotations

from app.ui.flows import Flow


class ProfileFlow(Flow):
    def refresh_home(self) -> None:
        w = self.window
        w.home.show_profiles(self.services.profiles.list_profiles(), w.profile_id)
        cards = self.services.exams.test_cards(w.profile_id, language=w.translators.language.value)
        w.home.show_tests(cards, self.due())
        w.flows.study.refresh_today()
        w.tests_populated.emit()

    def due(self) -> dict[str, int]:
        pid = self.window.profile_id
        return self.services.reviews.due_counts(pid) if pid else {}

    def select(self, profile_id: int) -> None:
        w = self.window
        w.profile_id = profile_id
        profile = self.services.profiles.get(profile_id)
        w.settings.last_profile = profile.name
        w.save_settings()
        cards = self.services.exams.test_cards(profile_id, language=w.translators.language.value)
        w.home.show_tests(cards, self.due())
        w.flows.study.refresh_today()
        self.apply_language()

    def apply_language(self) -> None:
        """The interface in the selected profile's language (BAYREADY_LANG, then the system
        locale, when the profile has none)."""
        from app.ui.translation import startup_language

        w = self.window
        language = (
            None if w.profile_id is None else self.services.profiles.get(w.profile_id).language
        )
        w.apply_language(startup_language(language))

    def new_profile(self) -> None:
        from app.services.profiles import NAME_MAX

        w = self.window
        name = self.dialogs.ask_text(
            self.tr("New profile"), self.tr("Learner's name:"), max_length=NAME_MAX
        )
        if not name:
            return
        profiles = self.services.profiles
        p = w.flows.attempts.guard(lambda: profiles.create(name))
        if p is not None:
            w.profile_id = p.id
            w.settings.last_profile = name
            w.save_settings()
            self.refresh_home()
            self.apply_language()

    def manage_profiles(self) -> None:
        from app.ui.profiles_dialog import ProfilesDialog

        w = self.window
        self.dialogs.show_modal(ProfilesDialog(self.services.profiles, self.dialogs, w))
        ids = [p.id for p in self.services.profiles.list_profiles()]
        if w.profile_id not in ids:
            w.profile_id = self.services.profiles.ensure_default().id
        self.refresh_home()
        self.apply_language()
