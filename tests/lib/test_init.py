"""Tests of infotheory/__init__.py: one declaration of the public API, documented."""

import doctest
import inspect
import re
import subprocess
import sys

import pytest

import infotheory
from infotheory import (
    _units,
    _validation,
    arithmetic,
    calibration,
    classifier,
    coding,
    datasets,
    distributions,
    joint,
    learning,
    measures,
    ngram,
)

MODULES = [
    measures,
    joint,
    coding,
    arithmetic,
    distributions,
    learning,
    classifier,
    calibration,
    datasets,
    ngram,
]


def test_the_package_exports_exactly_the_public_names_of_its_modules():
    union = [name for module in MODULES for name in module.__all__]
    assert len(union) == len(set(union)), "a name is public in two modules"
    assert sorted(infotheory.__all__) == sorted(union)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_name_is_bound_in_the_package_and_defined_by_its_module(module):
    for name in module.__all__:
        assert getattr(infotheory, name) is getattr(module, name)
        if inspect.isfunction(module.__dict__[name]):
            assert module.__dict__[name].__module__ == module.__name__


@pytest.mark.parametrize(
    "module", [*MODULES, _units, _validation], ids=lambda m: m.__name__
)
def test_every_module_declares_all_its_public_names(module):
    # A function or class defined without a leading underscore is public: it must be
    # declared (in a public module, that makes the package export it).
    defined = {
        name
        for name, value in vars(module).items()
        if (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
        and not name.startswith("_")
    }
    assert defined <= set(module.__all__)
    assert all(hasattr(module, name) for name in module.__all__)


PUBLIC = [getattr(infotheory, name) for name in infotheory.__all__]
DOCUMENTED = [obj for obj in PUBLIC if inspect.isfunction(obj) or inspect.isclass(obj)]


def test_the_only_public_names_that_are_not_functions_or_classes_are_constants():
    others = [n for n in infotheory.__all__ if getattr(infotheory, n) not in DOCUMENTED]
    assert others == ["SUM_TOLERANCE"]  # documented in the modules that use it


@pytest.mark.parametrize("obj", DOCUMENTED, ids=lambda obj: obj.__name__)
def test_every_public_name_has_examples_that_run_as_doctests(obj):
    docstring = inspect.getdoc(obj) or ""
    assert re.search(r"^Examples\n--------\n", docstring, re.M), (
        f"{obj.__name__} has no Examples section"
    )
    # pytest --doctest-modules collects the docstrings of the module that defines
    # the object: the examples must be there, in the object's own docstring.
    tests = doctest.DocTestFinder(recurse=False).find(
        obj, module=sys.modules[obj.__module__]
    )
    assert any(test.examples for test in tests)
    assert obj.__module__ in {module.__name__ for module in MODULES}


def test_importing_the_package_loads_numpy_and_nothing_else_outside_the_stdlib():
    code = (
        "import sys; before = set(sys.modules); import infotheory; "
        "print(sorted({m.split('.')[0] for m in set(sys.modules) - before}"
        " - set(sys.stdlib_module_names)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.split() == ["['infotheory',", "'numpy']"]
