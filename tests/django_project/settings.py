"""Settings of a small Django project that uses Schematic, for tests/test_django.py.

There is no API key here or in the environment of its test run: the views reach Schematic
only through ``schematic.django.client``, which the ``schematic_django`` fixture points
at a ``FakeSchematic``. Outside that fixture, with DEBUG off, the client refuses to start.
"""

SECRET_KEY = "only-for-tests"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
ROOT_URLCONF = "urls"
INSTALLED_APPS = ["shop"]
MIDDLEWARE: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

SCHEMATIC = {
    "FLAG_DEFAULTS": {"new-checkout": False},
    "FLAG_CHECK_TIMEOUT": 2.0,
}
