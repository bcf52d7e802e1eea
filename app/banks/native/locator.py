"""Where a problem is: a path in the parsed document -> (line, column) in the file.

The YAML node tree is composed only when the first problem is reported, so a valid bank never
pays for it.
"""

from __future__ import annotations

import yaml

from app.banks.native.loader import YAML_LOADER
from app.banks.native.schema import Path_


class Locator:
    """Maps a path in the parsed document to (line, col), computed only when a problem is found."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: dict[Path_, tuple[int, int]] | None = None
        self._collections: set[Path_] = set()

    def _build(self) -> dict[Path_, tuple[int, int]]:
        index: dict[Path_, tuple[int, int]] = {}
        collections = self._collections
        try:
            root = yaml.compose(self._text, Loader=YAML_LOADER)
        except yaml.YAMLError:
            return index

        seen: set[int] = set()
        # a loop over a stack, not recursion: a list nested 990 levels deep must not overflow
        stack: list[tuple[yaml.Node, Path_]] = [(root, ())] if root is not None else []
        while stack:
            node, path = stack.pop()
            if id(node) in seen:  # an alias: its target was indexed already (and may be huge)
                continue
            seen.add(id(node))
            index[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
                collections.add(path)
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
                    # the key's own position is more useful for "unknown field" messages
                    index[(*path, key, "__key__")] = (
                        k.start_mark.line + 1,
                        k.start_mark.column + 1,
                    )
                    stack.append((v, (*path, key)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((v, (*path, i)) for i, v in enumerate(node.value))
        return index

    def at(self, path: Path_, key: bool = False) -> tuple[int, int]:
        if self._index is None:
            self._index = self._build()
        # a list or mapping value is best shown at its key ("choices:"), a scalar at itself
        if (key or (path and path in self._collections and not isinstance(path[-1], int))) and (
            *path,
            "__key__",
        ) in self._index:
            return self._index[(*path, "__key__")]
        p = path
        while p:
            if p in self._index:
                return self._index[p]
            p = p[:-1]
        return (1, 1)
