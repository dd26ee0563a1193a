"""The shape of the house, checked on the source (the layer contract itself is `lint-imports`, run by CI):
no import hidden in a function to dodge a cycle, a pure core, and no side effect in a form's save()."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["api", "core", "demo", "display", "organisations", "playlists", "screens", "themes"]
# Where a function-level import is Django's own pattern, not a dodge: an app's ready() imports what needs
# the app registry (signal handlers, permission policies).
ALLOWED_FUNCTION_IMPORTS = {"ready"}


def sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def function_imports(tree: ast.Module):
    """(function name, line) of every import inside a function."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield function.name, node.lineno


def imported_modules(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            yield node.module


def test_no_import_hides_in_a_function():
    found = [
        f"{path.relative_to(ROOT)}:{line} (in {name})"
        for path in sources()
        for name, line in function_imports(parsed(path))
        if name not in ALLOWED_FUNCTION_IMPORTS
    ]
    assert not found, "Imports inside functions (move them to the top; a cycle means a layer is wrong):\n" + "\n".join(
        found
    )


def test_the_core_uses_of_django_only_its_utilities():
    found = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "core").rglob("*.py"))
        for module in imported_modules(parsed(path))
        if module.split(".")[0] == "django" and not module.startswith("django.utils")
    ]
    assert not found, "The core is pure: no models, settings or apps:\n" + "\n".join(found)


WRITE_MODULES = ("services", "pushes", "live", "actions")


def side_effect_names(tree: ast.Module) -> set[str]:
    """Names a module imports from the write path (services, pushes, the live transport, actions)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1] in WRITE_MODULES:
            names |= {alias.asname or alias.name for alias in node.names}
    return names


def form_saves(tree: ast.Module):
    for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        for method in cls.body:
            if isinstance(method, ast.FunctionDef) and method.name == "save":
                yield cls.name, method


def test_no_form_save_writes_beyond_its_own_fields():
    """Pushes, pairing and other side effects live in services and actions, which every way of writing
    (admin, API, importer) goes through; a form's save() would be skipped by all but the admin."""
    found = []
    for path in sources():
        tree = parsed(path)
        writers = side_effect_names(tree)
        for cls, method in form_saves(tree):
            called = {
                node.func.id
                for node in ast.walk(method)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            }
            if called & writers:
                found.append(f"{path.relative_to(ROOT)}: {cls}.save() calls {sorted(called & writers)}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("def f():\n    import json\n", [("f", 2)]),
        ("class C:\n    def ready(self):\n        from . import x\n", [("ready", 3)]),
        ("import json\n", []),
    ],
)
def test_the_function_import_check_sees_what_it_must(source, expected):
    assert list(function_imports(ast.parse(source))) == expected


def test_the_form_save_check_sees_a_push():
    tree = ast.parse(
        "from screens.layouts.services import layout_changed\n"
        "class LayoutForm:\n"
        "    def save(self, commit=True):\n"
        "        layout_changed(layout=self.instance)\n"
    )
    assert [cls for cls, method in form_saves(tree)] == ["LayoutForm"]
    assert side_effect_names(tree) == {"layout_changed"}
