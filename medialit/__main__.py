"""Run the command line: ``python -m medialit --help``."""

from medialit.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
