"""Why the embedded llama.cpp server died, said in one line: exit code or signal, log, and the fix.

A llama.cpp built for CPU features that the machine does not let a process use dies on its first
completion (AMX advertised by a VM that faults on it, AVX-512 missing on a laptop). The message
names the signal, quotes the last lines of the server's own log, gives the log's path, and says
which command rebuilds llama-cpp-python so that it runs everywhere.
"""

from __future__ import annotations

import signal
from importlib import metadata
from pathlib import Path

__all__ = [
    "NATIVE_NO_AMX_BUILD",
    "PORTABLE_BUILD",
    "PORTABLE_CMAKE_ARGS",
    "build_features",
    "cpu_flags",
    "describe_exit",
    "explain_crash",
    "log_tail",
    "quote_tail",
    "rebuild_command",
]

# x86-64-v3 (AVX2, FMA, F16C; every x86-64 CPU since about 2015), never -march=native: a native
# build on a CPU that advertises AMX uses AMX tiles, which some VMs fault on (ldtilecfg).
PORTABLE_CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
PORTABLE_BUILD = f'CMAKE_ARGS="{PORTABLE_CMAKE_ARGS}"'
# For a CPU below x86-64-v3 (no AVX2: low-end laptops, old servers), or for speed on the machine
# that builds it: llama.cpp's default -march=native, with AMX left out (ggml compiles its AMX
# kernels only under __AMX_INT8__). Measured here: 1.76x the portable build's prompt tokens/s on
# an AVX-512 CPU (docs/embedded.md), but the wheel then runs only on CPUs like the builder.
NATIVE_NO_AMX_BUILD = "CFLAGS=-mno-amx-int8 CXXFLAGS=-mno-amx-int8"


# signals by which native code dies: an instruction the CPU or VM refuses, a bad memory access
_NATIVE_CRASHES = frozenset({signal.SIGILL, signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE})

# llama.cpp's system_info names -> /proc/cpuinfo flags
_FEATURE_FLAGS = {
    "AVX": "avx",
    "AVX2": "avx2",
    "FMA": "fma",
    "F16C": "f16c",
    "BMI2": "bmi2",
    "AVX_VNNI": "avx_vnni",
    "AVX512": "avx512f",
    "AVX512_VBMI": "avx512vbmi",
    "AVX512_VNNI": "avx512_vnni",
    "AVX512_BF16": "avx512_bf16",
    "AMX_INT8": "amx_int8",
}


def rebuild_command(build: str = PORTABLE_BUILD) -> str:
    """The command that reinstalls the installed llama-cpp-python built with ``build``."""
    try:
        version = metadata.version("llama-cpp-python")
    except metadata.PackageNotFoundError:
        version = "0.3.36"
    return (
        f"{build} pip install --force-reinstall --no-cache-dir "
        f"--no-deps llama-cpp-python=={version}"
    )


def log_tail(path: Path, lines: int = 3, width: int = 160) -> list[str]:
    """The last non-empty lines of a log, each cut to ``width`` characters."""
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 16384))
            data = f.read().decode("utf-8", errors="replace")
    except OSError:
        return []
    kept = [" ".join(line.split()) for line in data.splitlines() if line.strip()]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in kept[-lines:]]


def quote_tail(path: Path) -> str:
    """The last lines of a log as one quoted line: ``«…» ⏎ «…»``, or ``(empty)``."""
    return " ⏎ ".join(f"«{line}»" for line in log_tail(path)) or "(empty)"


def build_features(log_text: str) -> set[str]:
    """The CPU features a llama.cpp build uses, from its log's ``CPU : SSE3 = 1 | …`` line."""
    for line in reversed(log_text.splitlines()):
        if "system_info" in line or line.lstrip().startswith("CPU :"):
            fields = (part.split("=") for part in line.replace(":", "|").split("|"))
            return {f[0].strip() for f in fields if len(f) == 2 and f[1].strip() == "1"}
    return set()


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> set[str]:
    """The flags this CPU advertises (empty where /proc/cpuinfo cannot be read)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    return set()


def describe_exit(returncode: int | None) -> str:
    """``exit code 3``, ``signal SIGSEGV``, or that the process is gone (not ours to reap)."""
    if returncode is None:
        return "the process is gone"
    if returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def explain_crash(
    returncode: int | None, log_path: Path, *, when: str, cpuinfo: Path = Path("/proc/cpuinfo")
) -> str:
    """One line: what died, when, the last lines of its log, the log's path, and what to do."""
    how = describe_exit(returncode)
    head = (
        f"the embedded model server died {when} ({how}); "
        f"its log ends with {quote_tail(log_path)}; full log: {log_path}"
    )
    native = returncode is not None and returncode < 0 and -returncode in _NATIVE_CRASHES
    if native:
        used = build_features(_read(log_path))
        flags = cpu_flags(cpuinfo)
        missing = sorted(f for f in used if f in _FEATURE_FLAGS and _FEATURE_FLAGS[f] not in flags)
        if "AMX_INT8" in used:
            why, args = (
                "this llama.cpp build uses AMX, which this CPU advertises but this machine "
                "(often a VM) does not let a process use; rebuild it portable",
                PORTABLE_BUILD,
            )
        elif missing and flags:
            lacks_avx2 = "avx2" not in flags
            why, args = (
                f"this llama.cpp build uses {', '.join(missing)}, which this CPU lacks; rebuild "
                + ("it for this CPU" if lacks_avx2 else "it portable"),
                NATIVE_NO_AMX_BUILD if lacks_avx2 else PORTABLE_BUILD,
            )
        else:
            why, args = (
                "llama.cpp crashed in native code, most often a build for other CPU features; "
                "rebuild it portable",
                PORTABLE_BUILD,
            )
        return f"{head}. {why} with: {rebuild_command(args)}"
    if returncode == -signal.SIGKILL:
        return f"{head}. It was killed: out of memory? The embedded server peaks near 6 GB of RAM."
    return (
        f"{head}. See the log for the cause, or point claimex at another server (CLAIMEX_BASE_URL)."
    )
