"""A small Django project that uses Schematic; tests/test_django.py runs its tests."""
