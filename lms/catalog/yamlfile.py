"""YAML that remembers the line of every key, so problems can name file and line."""

import re
from pathlib import Path

import yaml


class LineDict(dict):
    """A mapping from a YAML file; `.line` is where it starts, `.lines[key]` where each key is."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A sequence from a YAML file; `.lines[i]` is the line of item i."""

    line: int = 0
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans only: `no`, `on`, `yes` stay strings (option ids)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        raw = loader.construct_object(key_node, deep=True)
        key = str(raw).lower() if isinstance(raw, bool) else str(raw)
        if key in result:
            raise DuplicateKey(None, None, f"duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(path: Path) -> LineDict:
    """Parse a YAML file whose top level must be a mapping; raise YamlError with the line."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe subclass)
    except UnicodeDecodeError:
        raise YamlError(1, "the file is not UTF-8 text") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, f"YAML syntax: {error.problem or error}") from None
    if data is None:
        raise YamlError(1, "the file is empty")
    if not isinstance(data, LineDict):
        raise YamlError(1, "the file must be a mapping of 'key: value' lines")
    return data


class FileProblems:
    """Collects problems in source files, each with its file (shown relative to `base`) and line."""

    def __init__(self, base: Path):
        from lms.catalog.specs import Problem

        self._problem = Problem
        self.base = base
        self.problems: list = []

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.base))
        except ValueError:
            return str(path)

    def report(self, path: Path, line: int, message: str) -> None:
        self.problems.append(self._problem(self.shown(path), line, message))

    def yaml(self, path: Path) -> LineDict | None:
        """Parse a YAML file, reporting a missing file or a syntax error instead of raising."""
        if not path.is_file():
            self.report(path, 1, "file is missing")
            return None
        try:
            return load_yaml(path)
        except YamlError as error:
            self.report(path, error.line, error.message)
            return None
