"""`bayready classroom init|add-learner|add-instructor|remove|list|save-password`.

Run by the owner of the shared PostgreSQL database. A new login's password is printed once, to
the person creating it, and nowhere else: never logged, never part of an error message.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.paths import AppPaths
from app.services.class_roster import ClassRosterService, Role, open_roster

EXIT_OK, EXIT_INVALID = 0, 1


def run_classroom(args: argparse.Namespace, paths: AppPaths) -> int:
    from app.services.setup import utc_now

    roster = open_roster(paths.db_url, paths.data_dir, utc_now)
    try:
        return _run(args, roster)
    finally:
        roster.close()


def _run(args: argparse.Namespace, roster: ClassRosterService) -> int:
    cmd = args.classroom_command
    if cmd == "init":
        groups = roster.init(args.class_name)
        print(
            f"classroom database {roster.database} ready: learners' logins join "
            f"{groups.learner}, instructors' {groups.instructor}"
            + (f"; class '{' '.join(args.class_name.split())}' exists" if args.class_name else "")
        )
        print("run `bayready classroom init` again after `bayready db upgrade` (safe to repeat)")
        return EXIT_OK
    if cmd in ("add-learner", "add-instructor"):
        role = Role.LEARNER if cmd == "add-learner" else Role.INSTRUCTOR
        added = roster.add_member(
            args.login,
            role,
            args.class_name,
            profile_name=args.profile,
            reset_password=args.reset_password,
        )
        profile = f", profile '{added.profile}'" if added.profile else ""
        state = "created" if added.created else "already existed; updated"
        print(f"{role.value} {added.login} in class '{added.class_name}'{profile}: login {state}")
        if added.password is not None:
            print(f"password for {added.login}: {added.password}")
            print(
                "  shown this once only - hand it to them privately. BayReady never logs it; "
                f"it is kept for this computer in {added.saved_in}."
            )
        else:
            print("  password unchanged (use --reset-password for a new one)")
        return EXIT_OK
    if cmd == "remove":
        outcome = roster.remove(args.login)
        print(
            {
                "dropped": f"removed {args.login}: the login is gone; its results stay for the "
                "instructor",
                "revoked": f"removed {args.login} from this database's classes (the login still "
                "exists for another database)",
                "absent": f"{args.login}: no such login; its class memberships are inactive",
            }[outcome]
        )
        return EXIT_OK
    if cmd == "list":
        members = roster.members()
        if not members:
            print("no class members yet: bayready classroom add-learner LOGIN --class NAME")
        for m in members:
            profile = f"  profile '{m.profile}'" if m.profile else ""
            state = "" if m.active else "  (removed)"
            print(f"{m.class_name}: {m.role:<10} {m.login}{profile}{state}")
        return EXIT_OK
    if cmd == "save-password":
        login = args.login
        if sys.stdin.isatty():
            password = getpass.getpass(f"password for {login or 'the --db login'}: ")
        else:
            password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            sys.stderr.write("error: no password given; nothing saved\n")
            return EXIT_INVALID
        where = roster.save_password(login, password)
        print(f"saved in {where}")
        return EXIT_OK
    sys.stderr.write(f"unknown classroom action {cmd!r}\n")
    return 2
