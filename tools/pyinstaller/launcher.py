"""The bundle's entry point: the same main() as the `bayready` console script."""

from app.main import main

if __name__ == "__main__":
    raise SystemExit(main())
