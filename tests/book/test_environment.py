"""Binder's environment.yml stays consistent with the versions make installs."""

import ast
import json
import re
import sys
import tomllib
from pathlib import Path

import nbformat
import yaml
from IPython.core.inputtransformer2 import TransformerManager

from tools.lessons import LESSONS, ROOT


def pins(lines):
    found = {}
    for line in lines:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)==([^\s;#]+)\s*", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def test_environment_pins_match_constraints():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(
        d["pip"] for d in environment["dependencies"] if isinstance(d, dict)
    )
    binder = pins(pip_section)
    locked = pins((ROOT / "constraints.txt").read_text().splitlines())
    assert binder, "environment.yml pins nothing"
    assert {name: locked.get(name) for name in binder} == binder
    assert "python=3.11" in environment["dependencies"]


# Import name -> the pinned package that provides it in Binder.
PROVIDERS = {
    "numpy": "numpy",
    "matplotlib": "matplotlib",
    "ipywidgets": "ipywidgets",
    "IPython": "ipykernel",
    "scipy": "scipy",
    "PIL": "matplotlib",
}


def lesson_imports():
    modules = set()
    for path in LESSONS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            source = TransformerManager().transform_cell(
                cell.source
            )  # %magics to Python
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"infotheory"}


def test_environment_has_what_the_lessons_import():
    binder = pins(
        next(
            d["pip"]
            for d in yaml.safe_load((ROOT / "environment.yml").read_text())[
                "dependencies"
            ]
            if isinstance(d, dict)
        )
    )
    imports = lesson_imports()
    assert "numpy" in imports
    missing = {name for name in imports if PROVIDERS.get(name) not in binder}
    assert not missing, (
        f"lessons import {missing}; pin their packages in environment.yml"
    )


def extra(name: str) -> set[str]:
    """The packages an extra of pyproject.toml installs, its nested extras included."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"][name]
    found = set()
    for requirement in wanted:
        package = re.match(r"[A-Za-z0-9_.\-]+", requirement)[0]
        nested = re.fullmatch(r"infotheory\[(\w+)\]", requirement)
        found |= extra(nested[1]) if nested else {package.lower()}
    return found


# Import name -> the package that provides it.
PACKAGES = {"PIL": "matplotlib", "IPython": "ipykernel"}


def imports(paths) -> set[str]:
    """Third-party packages the files import, except optional imports (those inside
    a ``try`` that catches ImportError)."""
    modules = set()
    for path in paths:
        tree = ast.parse(path.read_text())
        optional = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Try)
            and any(
                ast.unparse(h.type or ast.Name("")) == "ImportError"
                for h in node.handlers
            )
            for statement in node.body
            for inner in ast.walk(statement)
        }
        for node in ast.walk(tree):
            if id(node) in optional:
                continue
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.split(".")[0])
    local = {"infotheory", "tests", "tools"}
    return {PACKAGES.get(m, m).lower() for m in modules - local} - set(
        sys.stdlib_module_names
    )


def test_the_library_and_its_tests_need_only_their_extras():
    library = ROOT / "lib" / "infotheory"
    drawing = ("plots", "widgets", "figure_words")
    math = [p for p in library.glob("*.py") if p.stem not in drawing]
    assert imports(math) == {"numpy"}
    plots = [library / "plots.py", library / "figure_words.py"]
    assert imports(plots) <= extra("plots")
    assert imports([library / "widgets.py"]) <= extra("widgets")
    assert imports((ROOT / "tests" / "lib").glob("*.py")) <= extra("test")


def test_jupyterlab_does_not_ask_readers_about_news_and_saves_widget_state():
    """make runs postBuild too, so this venv has the settings Binder readers get."""
    overrides = (
        Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    )
    settings = json.loads(overrides.read_text())
    news = settings["@jupyterlab/apputils-extension:notification"]
    assert news == {"fetchNews": "false", "checkForUpdates": False}
    assert settings["@jupyter-widgets/jupyterlab-manager:plugin"]["saveState"]
