"""The pieces of the ``schematic`` command line; ``schematic.cli`` puts them together."""
