"""Build hook: compile the number scanner with mypyc, as an optional speed-up.

``claimex/_scanner.py`` stays the one source of the scanner. This hook compiles a copy of it,
named ``claimex._scanner_native`` and stamped with the SHA-256 of the source it was built from;
``claimex.numbers`` uses that module only when the stamp matches the ``_scanner.py`` beside it,
so a compiled module never hides an edited source (it warns and runs the pure-Python one).

Any failure (no C compiler, no mypyc, an error while compiling) leaves a pure-Python build and
a warning. ``CLAIMEX_PURE_PYTHON=1`` skips the compilation (and mypy as a build requirement).
A wheel gets the extension inside; an editable install gets it beside the source
(``claimex/_scanner_native*.so``, ignored by git), where a later edit makes it stale, not wrong.

Run ``python hatch_build.py`` to rebuild it in place after editing ``_scanner.py``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

SOURCE = Path("claimex") / "_scanner.py"
NATIVE = "_scanner_native"
# the modules the scanner imports, for mypyc's type analysis (the package's __init__ is left
# empty: it imports the whole library, which the build environment does not have)
TYPE_SOURCES = ("numbers.py", "_lexicon.py", "errors.py")
BUILD_REQUIREMENTS = ["mypy>=1.10", "setuptools>=70"]
SKIP_VARIABLE = "CLAIMEX_PURE_PYTHON"


def compile_scanner(root: Path, destination: Path) -> list[Path]:
    """Compile ``root/claimex/_scanner.py`` as ``claimex._scanner_native`` into
    ``destination``; the built files (the module and mypyc's runtime library for it)."""
    source = root / SOURCE
    text = source.read_text(encoding="utf-8")
    stamp = hashlib.sha256(source.read_bytes()).hexdigest()
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    with tempfile.TemporaryDirectory(prefix="claimex-mypyc-") as work:
        package = Path(work) / "claimex"
        package.mkdir()
        (package / "__init__.py").write_text("", encoding="utf-8")
        for name in TYPE_SOURCES:
            shutil.copyfile(root / "claimex" / name, package / name)
        (package / f"{NATIVE}.py").write_text(
            f'{text}\n\nSOURCE_SHA256 = "{stamp}"  # what claimex.numbers checks\n',
            encoding="utf-8",
        )
        (Path(work) / "mypy.ini").write_text(
            "[mypy]\nignore_missing_imports = True\nfollow_imports = silent\n", encoding="utf-8"
        )
        done = subprocess.run(
            [sys.executable, "-m", "mypyc", f"claimex/{NATIVE}.py"],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"mypyc failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        built = sorted(package.glob(f"{NATIVE}*{suffix}"))
        if not built:
            raise RuntimeError(f"mypyc built no {NATIVE}*{suffix}")
        destination.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.copy2(path, destination / path.name)) for path in built]


def remove_native(directory: Path) -> None:
    """Delete the compiled scanner files in ``directory`` (before a build, or to go pure)."""
    for path in directory.glob(f"{NATIVE}*{sysconfig.get_config_var('EXT_SUFFIX')}"):
        path.unlink()


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script, outside a build
    BuildHookInterface = object


class ScannerBuildHook(BuildHookInterface):
    """The wheel target's hook: the compiled scanner in the wheel, or beside the source."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return [] if os.environ.get(SKIP_VARIABLE) else list(BUILD_REQUIREMENTS)

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        editable = version == "editable"
        package = Path(self.root) / "claimex"
        if editable:
            remove_native(package)  # an editable install rebuilds it, or goes pure
        if os.environ.get(SKIP_VARIABLE):
            self.app.display_info(f"{SKIP_VARIABLE} is set: the scanner stays pure Python")
            return
        self._work = "" if editable else tempfile.mkdtemp(prefix="claimex-native-")
        destination = package if editable else Path(self._work) / "claimex"
        try:
            built = compile_scanner(Path(self.root), destination)
        except Exception as error:  # any failure: build the pure-Python package
            self.app.display_warning(
                f"claimex: the scanner could not be compiled, it stays pure Python ({error})"
            )
            return
        self.app.display_info(f"claimex: compiled the scanner: {', '.join(p.name for p in built)}")
        if not editable:
            for path in built:
                build_data["force_include"][str(path)] = f"claimex/{path.name}"
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_work", ""):
            shutil.rmtree(self._work, ignore_errors=True)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    remove_native(here / "claimex")
    for built_path in compile_scanner(here, here / "claimex"):
        print(built_path)
