#!/usr/bin/env bash
# Formats every C++ file in place with the project's .clang-format (Qt style).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
find app ui tests -name '*.h' -o -name '*.cpp' | grep -v '/corpus/' | xargs clang-format -i
