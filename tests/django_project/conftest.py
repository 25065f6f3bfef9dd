"""Set Django up for this project's tests, as a project without pytest-django would.

The SDK's own suite runs this project in a process of its own (tests/test_django.py), with
this directory as the working directory; collected from anywhere else, it is skipped.
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent

if Path.cwd().resolve() == HERE:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    django.setup()
else:
    collect_ignore_glob = ["*"]
