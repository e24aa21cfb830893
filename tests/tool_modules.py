"""The maintainers' converters under tools/ are scripts, not a package: load one by file for its tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def load_tool(name: str) -> ModuleType:
    """tools/<name>.py as a module; its siblings importable, as when it runs from tools/."""
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))  # a converter may import a sibling (convert_office_holders)
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
