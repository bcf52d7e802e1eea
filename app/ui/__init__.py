"""The Qt GUI: the only package that imports PySide6. application.py wires everything together."""
