#!/usr/bin/env python3
"""Checks that scripts/install_deps.sh installs every external program the tests run, so that a
package missing from its list fails here, on the developer's machine, and not on a fresh one.

  deps_test.py --ctest CTEST --build-dir BUILD --source-dir SOURCE [--install-deps SCRIPT]

What the tests need is read from the tests themselves, not from a list kept by hand:
  - `ctest --show-only=json-v1` gives every test's command line: its program (unless it was
    built here or lives in the source tree), every absolute path of a program among its
    arguments (e.g. --chromium /usr/bin/chromium) and the commands of `sh -c '...'`;
  - the scripts those commands run (.py, .sh, .mjs in the source tree, and the scripts they name)
    are read for the programs they run: shutil.which("dot"), subprocess.run(["x", ...]),
    `command -v x`, the first word of each shell command; for the Python modules they import
    (not the standard library, not modules beside the script), with the interpreter of the
    test; and for the npm packages they import, which must be in the package.json beside them.
Each program and module is then found on this machine and mapped to its Debian package with
`dpkg -S`; that package must be in `install_deps.sh --list`, be a direct dependency of one
there, or be Essential. A program or module that is missing fails, and so does one that no
package owns (installed by hand) unless a program of its name from such a package is installed
too (pyenv's python3 runs the tests here, Debian's /usr/bin/python3 on a fresh machine). The npm
packages of a package-lock.json that the tests use must accept the
Node.js that Debian ships (their engines field), since install_deps.sh installs that one.

The check is shown to be live every run: without each package of the list that a program
needs (and that nothing else in the list pulls in), the same check must fail.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

SCRIPT_SUFFIXES = (".py", ".sh", ".mjs", ".js")
PROGRAM_DIRS = ("/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/local/bin/", "/opt/")
SHELL_KEYWORDS = {"if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for",
                  "case", "esac", "in", "function", "select", "time", "!", "{", "}", "[[", "]]",
                  "coproc"}


def shell_builtins():
    out = subprocess.run(["bash", "-c", "compgen -b"], capture_output=True, text=True).stdout
    return set(out.split())


class Need:
    """One thing a test needs: a program (name or absolute path), a Python module (with the
    interpreter that imports it) or an npm package (with its package.json)."""

    def __init__(self, kind, name, where, via=None):
        self.kind, self.name, self.where, self.via = kind, name, where, via

    def key(self):
        return (self.kind, self.name, self.via)

    def __str__(self):
        if self.kind == "module":
            return f"Python module '{self.name}' ({self.via})"
        if self.kind == "npm":
            return f"npm package '{self.name}'"
        return f"program '{self.name}'"


# ---------------------------------------------------------------------------------------------
# Reading the tests.


def matching(text, i, opening, closing):
    """The index just past the bracket that closes the one opened before TEXT[i]."""
    depth = 1
    while i < len(text) and depth:
        if text.startswith(opening, i):
            depth += 1
        elif text.startswith(closing, i):
            depth -= 1
        i += 1
    return i


def strip_shell_comment(line):
    line = line.strip()
    if line.startswith("#"):
        return ""
    return re.sub(r"""(^|\s)#[^'"]*$""", "", line)


PREFIXES = {"exec", "env", "nice", "nohup", "time", "sudo", "command", "xargs", "!"}


def shell_commands(text, builtins):
    """The programs a shell text runs: `command -v X`, `which X`, `type -P X`, and the first word
    of each simple command (after assignments, keywords and prefixes such as env) that is a plain
    name, in command substitutions too. Quoted text, [[ ]] and (( )) run nothing."""
    found = []
    text = re.sub(r"\\\n", " ", text)
    functions = set(re.findall(r"^\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)", text, re.M))
    lines = [strip_shell_comment(line) for line in text.splitlines()]
    pending = [line for line in lines if line]
    while pending:
        line = pending.pop()
        for m in re.finditer(r"\b(?:command\s+-v|type\s+-P|which)\s+([A-Za-z][\w.+-]*)", line):
            found.append(m.group(1))
        # Command substitutions: scanned on their own, then replaced by a word.
        out, i = [], 0
        while i < len(line):
            if line.startswith("$((", i):
                j = matching(line, i + 3, "((", "))")
                out.append("0")
                i = j + 1
            elif line.startswith("$(", i):
                j = matching(line, i + 2, "(", ")")
                pending.append(line[i + 2:j - 1])
                out.append("$q")
                i = j
            else:
                out.append(line[i])
                i += 1
        line = "".join(out)
        line = re.sub(r"'[^']*'", "$q", line)
        line = re.sub(r'"(?:[^"\\]|\\.)*"', "$q", line)
        line = re.sub(r"\(\(.*?\)\)", " ", line)
        line = re.sub(r"\[\[.*?\]\]", " ", line)
        for piece in re.split(r"&&|\|\||[;|&()`]", line):
            words = piece.split()
            while words:
                word = words[0]
                if re.match(r"^[A-Za-z_]\w*=", word) or word in SHELL_KEYWORDS - {"for", "case",
                                                                                   "select", "in"}:
                    words = words[1:]
                elif word in PREFIXES and not (word == "command" and words[1:2] == ["-v"]):
                    if word not in builtins and word != "!":
                        found.append(word)
                    words = [w for w in words[1:] if not w.startswith("-")]
                else:
                    break
            if not words or words[0] in ("for", "case", "select", "in", "command"):
                continue
            word = words[0]
            if not re.fullmatch(r"[A-Za-z][\w.+-]*", word):
                continue
            if word in builtins or word in functions or word in {"which", "type"}:
                continue
            found.append(word)
    return found


def shell_scripts_named(text):
    """The .py/.sh/.mjs paths a shell text names outside comments, without their $variable/."""
    names = []
    for line in text.splitlines():
        line = strip_shell_comment(line)
        for m in re.finditer(r"[\w${}./-]+\.(?:py|sh|mjs)\b", line):
            names.append(re.sub(r"^.*(?:\$\w+|\$\{\w+\})/", "", m.group(0)))
    return names


def python_needs(path, text, interpreter):
    needs = []
    for m in re.finditer(r"""\b(?:shutil\.)?which\(\s*["']([^"']+)["']""", text):
        needs.append(Need("program", m.group(1), path))
    for m in re.finditer(r"""\bsubprocess\.(?:run|call|check_call|check_output|Popen)\(\s*\[\s*"""
                         r"""["']([^"']+)["']""", text):
        needs.append(Need("program", m.group(1), path))
    here = os.path.dirname(path)
    stdlib = set(sys.stdlib_module_names)
    for m in re.finditer(r"^[ \t]*(?:import[ \t]+([\w., \t]+?)|from[ \t]+([\w.]+)[ \t]+import\b.*?)"
                         r"[ \t]*(?:#.*)?$", text, re.M):
        names = [m.group(2)] if m.group(2) else [n.split()[0] for n in m.group(1).split(",")
                                                 if n.strip()]
        for name in names:
            top = name.split(".")[0]
            if not top or top == "__future__" or top in stdlib:
                continue
            if os.path.exists(os.path.join(here, top + ".py")) or \
               os.path.isdir(os.path.join(here, top)):
                continue  # a module of the tests themselves
            needs.append(Need("module", top, path, via=interpreter))
    return needs


def js_needs(path, text, node):
    needs = []
    specs = re.findall(r"""^\s*import\s*(?:[^'"();]*?\bfrom\s*)?['"]([^'"]+)['"]""", text, re.M)
    specs += re.findall(r"""\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)""", text)
    for spec in specs:
        if spec.startswith((".", "/", "node:")):
            continue
        parts = spec.split("/")
        name = "/".join(parts[:2]) if spec.startswith("@") else parts[0]
        needs.append(Need("npm", name, path, via=node))
    for m in re.finditer(r"""\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*['"]([^'"]+)['"]""",
                         text):
        needs.append(Need("program", m.group(1), path))
    return needs


def script_needs(path, interpreter, source_dir, builtins, seen):
    """What a script of the source tree needs; for a shell script, also what the scripts of the
    source tree that it names need."""
    path = os.path.realpath(path)
    if path in seen:
        return []
    seen.add(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".py"):
        return python_needs(path, text, interpreter)
    if path.endswith((".mjs", ".js")):
        return js_needs(path, text, interpreter)
    needs = [Need("program", p, path) for p in shell_commands(text, builtins)]
    here = os.path.dirname(path)
    for ref in shell_scripts_named(text):
        for base in (here, source_dir):
            candidate = os.path.normpath(os.path.join(base, ref))
            if os.path.isfile(candidate):
                needs += script_needs(candidate, default_interpreter(candidate), source_dir,
                                      builtins, seen)
                break
    return needs


def default_interpreter(path):
    if path.endswith(".py"):
        return "/usr/bin/python3"
    if path.endswith((".mjs", ".js")):
        return shutil.which("node") or "node"
    return "bash"


def test_needs(ctest, build_dir, source_dir, self_name):
    out = subprocess.run([ctest, "--show-only=json-v1", "--test-dir", build_dir],
                         capture_output=True, text=True, check=True).stdout
    tests = json.loads(out)["tests"]
    builtins = shell_builtins()
    inside = (os.path.realpath(build_dir) + os.sep, os.path.realpath(source_dir) + os.sep)
    needs, seen = [], set()
    for test in tests:
        name, command = test["name"], test.get("command") or []
        if name == self_name or not command:
            continue
        program = command[0]
        resolved = os.path.realpath(program) if os.path.isabs(program) else None
        if resolved is None or not resolved.startswith(inside):
            needs.append(Need("program", program, f"test {name}"))
        args = command[1:]
        if os.path.basename(program) in ("sh", "bash", "dash") and args[:1] == ["-c"]:
            needs += [Need("program", p, f"test {name}")
                      for p in shell_commands(args[1], builtins)]
        for arg in args:
            if arg.startswith(PROGRAM_DIRS):
                needs.append(Need("program", arg, f"test {name}"))
            elif os.path.isfile(arg) and arg.endswith(SCRIPT_SUFFIXES) and \
                    os.path.realpath(arg).startswith(inside[1]):
                needs += script_needs(arg, program, source_dir, builtins, seen)
    unique = {}
    for need in needs:
        unique.setdefault(need.key(), need)
    return list(unique.values())


# ---------------------------------------------------------------------------------------------
# Debian packages.


def path_variants(path):
    """PATH, its real path and their merged-/usr twins (dpkg may record /bin/sh for /usr/bin/sh)."""
    out = []
    for p in (path, os.path.realpath(path)):
        for q in (p, p[4:] if p.startswith("/usr/") else "/usr" + p):
            if q not in out:
                out.append(q)
    return out


def dpkg_owners(paths):
    """{path: the Debian package that holds it} for the PATHS that a package holds (one call)."""
    if not paths:
        return {}
    r = subprocess.run(["dpkg-query", "-S", *paths], capture_output=True, text=True)
    owners = {}
    for line in r.stdout.splitlines():
        if line.startswith("diversion "):
            continue
        pkgs, _, owned = line.partition(": ")
        if owned in paths:
            owners.setdefault(owned, pkgs.split(",")[0].strip().split(":")[0])
    return owners


_STATUS = {}


def dpkg_status():
    """{installed package: (Essential, the names in its Depends and Pre-Depends)} (one call)."""
    if not _STATUS:
        r = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}\t${Package}\t"
                            "${Essential}\t${Depends}, ${Pre-Depends}\n"],
                           capture_output=True, text=True)
        for line in r.stdout.splitlines():
            status, package, essential, depends = (line.split("\t") + ["", "", ""])[:4]
            if status != "installed":
                continue
            names = {alt.strip().split(" ")[0].split(":")[0] for alt in re.split(r"[,|]", depends)}
            _STATUS[package] = (essential == "yes", names - {""})
    return _STATUS


def essential(package):
    return dpkg_status().get(package, (False, set()))[0]


def direct_dependencies(packages):
    deps = set()
    for p in packages:
        deps |= dpkg_status().get(p, (False, set()))[1]
    return deps


MODULE_ORIGIN = ("import importlib.util, sys\n"
                 "s = importlib.util.find_spec(sys.argv[1])\n"
                 "print('' if s is None else s.origin if s.origin not in (None, 'namespace') else"
                 " list(s.submodule_search_locations)[0])")


class Located:
    """Where a need is on this machine: PATH (None when missing, with WHY), the Debian package
    OWNER that holds it (None: no package), and for a program that no package holds, TWIN: a
    program of the same name that a package holds (/usr/bin/python3 beside pyenv's)."""

    def __init__(self, path=None, why="", owner=None, twin=None):
        self.path, self.why, self.owner, self.twin = path, why, owner, twin


def locate_all(needs):
    paths = {}
    for need in needs:
        if need.kind == "program":
            path = need.name if os.path.isabs(need.name) else shutil.which(need.name)
            if path is None or not os.path.exists(path):
                paths[need.key()] = (None, "is not installed")
            else:
                paths[need.key()] = (path, "")
        elif need.kind == "module":
            interpreter = shutil.which(need.via) or need.via
            r = subprocess.run([interpreter, "-c", MODULE_ORIGIN, need.name], capture_output=True,
                               text=True)
            path = r.stdout.strip()
            if r.returncode != 0 or not path:
                paths[need.key()] = (None, f"cannot be imported by {need.via}")
            else:
                paths[need.key()] = (path, "")
    twins = {}
    for need in needs:
        path, _ = paths[need.key()]
        if need.kind == "program" and path:
            base = os.path.basename(path)
            twins[need.key()] = [f"{d}/{base}" for d in ("/usr/bin", "/bin", "/usr/sbin", "/sbin")
                                 if os.path.exists(f"{d}/{base}")]
    queries = sorted({v for path, _ in paths.values() if path and path not in ("built-in", "frozen")
                      for v in path_variants(path)} |
                     {v for ts in twins.values() for t in ts for v in path_variants(t)})
    owners = dpkg_owners(queries)

    def owner_of(path):
        return next((owners[v] for v in path_variants(path) if v in owners), None)

    located = []
    for need in needs:
        path, why = paths[need.key()]
        if path is None:
            located.append((need, Located(why=why)))
        elif path in ("built-in", "frozen"):
            located.append((need, Located(path, owner="(built in)")))
        else:
            owner = owner_of(path)
            twin = None
            if owner is None:
                twin = next(((t, owner_of(t)) for t in twins.get(need.key(), []) if owner_of(t)),
                            None)
            located.append((need, Located(path, owner=owner, twin=twin)))
    return located


# ---------------------------------------------------------------------------------------------
# npm packages and Debian's Node.js.


def parse_version(text):
    parts = [p for p in re.split(r"[.]", text.strip().lstrip("v=")) if p != ""]
    nums = []
    for p in parts[:3]:
        if p in ("x", "X", "*"):
            break
        m = re.match(r"\d+", p)
        if not m:
            break
        nums.append(int(m.group(0)))
    return nums  # [] means any; fewer than three numbers is a partial version


def satisfies(version, spec):
    """Whether VERSION (three numbers) meets an npm range SPEC (||, spaces, >=, >, <=, <, =, ^,
    ~, x-ranges, hyphen ranges). Raises ValueError on what it cannot read."""
    def cmp(a, b):
        return (a > b) - (a < b)

    def pad(nums, fill=0):
        return tuple(nums + [fill] * (3 - len(nums)))

    for alternative in spec.split("||"):
        alternative = alternative.strip()
        m = re.fullmatch(r"(\S+)\s+-\s+(\S+)", alternative)
        comparators = [">=" + m.group(1), "<=" + m.group(2)] if m else alternative.split()
        ok = True
        for c in comparators or ["*"]:
            m = re.fullmatch(r"(>=|<=|>|<|=|\^|~)?\s*v?([\dxX*][\w.*-]*)", c)
            if not m:
                raise ValueError(f"cannot read the range '{spec}'")
            op, nums = m.group(1) or "", parse_version(m.group(2))
            v = tuple(version)
            if not nums:
                good = op in ("", "=", ">=", "<=", "^", "~")
            elif op == ">=":
                good = cmp(v, pad(nums)) >= 0
            elif op == ">":
                good = cmp(v[:len(nums)], tuple(nums)) > 0
            elif op == "<":
                good = cmp(v, pad(nums)) < 0
            elif op == "<=":
                good = cmp(v[:len(nums)], tuple(nums)) <= 0
            elif op == "^":
                first = next((i for i, n in enumerate(nums) if n != 0), len(nums) - 1)
                upper = list(nums[:first]) + [nums[first] + 1]
                good = cmp(v, pad(nums)) >= 0 and cmp(v, pad(upper)) < 0
            elif op == "~":
                upper = [nums[0] + 1] if len(nums) == 1 else [nums[0], nums[1] + 1]
                good = cmp(v, pad(nums)) >= 0 and cmp(v, pad(upper)) < 0
            else:  # = or a plain (partial) version
                good = v[:len(nums)] == tuple(nums)
            ok = ok and good
        if ok:
            return True
    return False


def apt_policy(packages):
    """{package: (installed version or None, [(version, [its sources])])} from one apt-cache call
    ({} without apt-cache)."""
    if shutil.which("apt-cache") is None or not packages:
        return {}
    out = subprocess.run(["apt-cache", "policy", *packages], capture_output=True,
                         text=True).stdout
    policy, package, versions = {}, None, None
    for line in out.splitlines():
        if re.match(r"^\S+:$", line):
            package, versions = line[:-1], []
            policy[package] = [None, versions]
        elif package is None:
            continue
        elif m := re.match(r"^  Installed: (\S+)", line):
            policy[package][0] = None if m.group(1) == "(none)" else m.group(1)
        elif m := re.match(r"^ (?:\*\*\*| {3}) (\S+) \d+$", line):
            versions.append((m.group(1), []))
        elif m := re.match(r"^ {8}\d+ (.+)$", line):
            if versions:
                versions[-1][1].append(m.group(1))
    return {k: tuple(v) for k, v in policy.items()}


def debian_node_version(policy):
    """The lowest Node.js version that an apt source offers (Debian 12: 18.x), or None."""
    versions = []
    for version, sources in policy.get("nodejs", (None, []))[1]:
        if any(not s.startswith("/var/lib/dpkg/") for s in sources):
            nums = parse_version(re.sub(r"^\d+:", "", version).split("+")[0].split("-")[0])
            if len(nums) == 3:
                versions.append(nums)
    return min(versions) if versions else None


def nearest(path, name):
    d = os.path.dirname(os.path.realpath(path))
    while True:
        if os.path.isfile(os.path.join(d, name)):
            return os.path.join(d, name)
        if os.path.dirname(d) == d:
            return None
        d = os.path.dirname(d)


def check_npm(needs, node_version, problems):
    locks = set()
    for need in needs:
        if need.kind != "npm":
            continue
        manifest = nearest(need.where, "package.json")
        if manifest is None:
            problems.append(f"{need} ({need.where}): no package.json beside the script")
            continue
        with open(manifest, encoding="utf-8") as f:
            deps = json.load(f).get("dependencies", {})
        if need.name not in deps:
            problems.append(f"{need} ({need.where}) is not a dependency in {manifest}")
        installed = os.path.join(os.path.dirname(manifest), "node_modules", need.name,
                                 "package.json")
        if not os.path.isfile(installed):
            problems.append(f"{need} ({need.where}) is not in node_modules: "
                            "run scripts/install_deps.sh")
        lock = os.path.join(os.path.dirname(manifest), "package-lock.json")
        if os.path.isfile(lock):
            locks.add(lock)
        else:
            problems.append(f"{manifest} has no package-lock.json (install_deps.sh runs npm ci)")
    if node_version is None:
        print("deps_test: no apt-cache or no nodejs in the apt sources: Node.js engines not "
              "checked")
        return
    shown = ".".join(map(str, node_version))
    for lock in sorted(locks):
        before = len(problems)
        with open(lock, encoding="utf-8") as f:
            packages = json.load(f).get("packages", {})
        for where, meta in sorted(packages.items()):
            spec = (meta.get("engines") or {}).get("node") if isinstance(meta, dict) else None
            if not where or not spec:
                continue
            try:
                good = satisfies(node_version, spec)
            except ValueError as e:
                problems.append(f"{lock}: {where}: {e}")
                continue
            if not good:
                problems.append(f"{lock}: {where} {meta.get('version')} needs Node.js {spec}, "
                                f"but Debian's nodejs (what install_deps.sh installs) is {shown}")
        if len(problems) == before:
            print(f"deps_test: every package of {lock} accepts Debian's Node.js {shown}")


# ---------------------------------------------------------------------------------------------


def acceptable(owner, listed, dependencies):
    return owner in listed or owner in dependencies(listed) or essential(owner)


def check(located, listed, dependencies):
    """The problems of the Debian needs against a package list."""
    problems = []
    for need, at in located:
        where = f"{need} ({need.where})"
        if at.path is None:
            problems.append(f"{where} {at.why}")
        elif at.owner == "(built in)":
            continue
        elif at.owner is None and at.twin is None:
            problems.append(f"{where} is {at.path}, which no Debian package holds "
                            "(installed by hand?)")
        elif at.owner is None:
            twin, owner = at.twin
            if not acceptable(owner, listed, dependencies):
                problems.append(f"{where} is {at.path}, which no Debian package holds, and "
                                f"{twin} is from '{owner}', which scripts/install_deps.sh does "
                                "not install")
        elif not acceptable(at.owner, listed, dependencies):
            problems.append(f"{where} is {at.path} from the Debian package '{at.owner}', which "
                            "scripts/install_deps.sh does not install")
    return problems


def from_no_apt_source(package, policy):
    """The installed version of PACKAGE when no apt source offers it (a hand-installed .deb)."""
    installed, versions = policy.get(package, (None, []))
    for version, sources in versions:
        if version == installed and all(s.startswith("/var/lib/dpkg/") for s in sources):
            return installed
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ctest", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--install-deps", help="default: SOURCE/scripts/install_deps.sh")
    ap.add_argument("--self", default="deps_installed", help="this test's ctest name")
    args = ap.parse_args()
    install_deps = args.install_deps or os.path.join(args.source_dir, "scripts",
                                                     "install_deps.sh")

    listed = subprocess.run(["bash", install_deps, "--list"], capture_output=True, text=True,
                            check=True).stdout.split()
    if not listed:
        print(f"deps_test: FAILED: {install_deps} --list printed no packages", file=sys.stderr)
        return 1
    needs = test_needs(args.ctest, args.build_dir, args.source_dir, args.self)
    located = locate_all([n for n in needs if n.kind != "npm"])

    cache = {}

    def dependencies(packages):
        key = frozenset(packages)
        if key not in cache:
            cache[key] = direct_dependencies(packages)
        return cache[key]

    problems = check(located, listed, dependencies)
    owners = sorted({at.owner for _, at in located if at.owner in listed})
    policy = apt_policy(sorted(set(owners) | {"nodejs"}))
    check_npm(needs, debian_node_version(policy), problems)

    for need, at in sorted(located, key=lambda x: str(x[0])):
        owner = at.owner or (f"no package; {at.twin[0]} from {at.twin[1]}" if at.twin else None)
        print(f"deps_test: {need}: {at.path or at.why} -> {owner}")
    for owner in owners:
        version = from_no_apt_source(owner, policy)
        if version:
            print(f"deps_test: note: {owner} {version} here is from no apt source (installed by "
                  f"hand); a fresh machine gets Debian's {owner}")

    # The check is live: without a listed package that a need comes from (and that no other
    # listed package depends on), it fails.
    for owner in owners:
        fewer = [p for p in listed if p != owner]
        if acceptable(owner, fewer, dependencies):
            continue
        if check(located, fewer, dependencies):
            print(f"deps_test: negative check: without {owner} in the list the check fails")
        else:
            problems.append(f"the check is not live: it passes without {owner}")

    if problems:
        for p in problems:
            print(f"deps_test: FAILED: {p}", file=sys.stderr)
        return 1
    print(f"deps_test: passed: the {len(located)} programs and Python modules that the tests "
          f"use come from packages of {os.path.relpath(install_deps, args.source_dir)} --list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
