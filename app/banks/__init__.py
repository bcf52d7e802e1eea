"""Reading, validating and writing bank files (native YAML/JSON; CSV, XLSX, GIFT, Aiken, Moodle).

May import the domain and third-party parsers; never storage, services or Qt.
"""
