#!/usr/bin/env bash
# Runs the vector-jpa benchmarks and writes docs/benchmarks.md (+ docs/benchmarks/*.png).
#
# Usage: scripts/benchmark.sh [--scale small|default|large] [--only ingest,query,recall,filtered,build,text,text-filtered]
#                             [--no-build]
#   --scale small     5k rows, 200 queries, 1 thread: checks the harness end to end in a few minutes
#   --scale default   100k synthetic rows (384 and 1536 dims), all 60k Fashion-MNIST rows, 1/2/4/8 threads (< 30 min on 2 cores)
#   --scale large     1M synthetic rows
#   --only ...        run only these sections (the report then holds only them); 'text' is the real-text section:
#                     63,000 passages of the installed manual pages embedded with all-MiniLM-L6-v2 (ONNX, in-process;
#                     the first run embeds for 20-60 min on 2 cores, with progress; later runs read the cache);
#                     'text-filtered' filters the same table at 0.1 %, 1 %, 10 %, 50 % and 100 % selectivity:
#                     recall and QPS of vector-jpa's filter strategies against hand-written SQL (about 6 min)
#   --no-build        reuse the module already built in vector-jpa-benchmarks/target
#   --out FILE        write the report to FILE instead of docs/benchmarks.md (e.g. for a run of some sections)
#   --jfr             record a JFR profile of the client to vector-jpa-benchmarks/target/benchmark.jfr
#                     (read it with: jfr print --events jdk.ExecutionSample ... or JDK Mission Control)
# Needs: a PostgreSQL with pgvector (scripts/db.sh provides one), Debian's dataset-fashion-mnist package (installed
# here when missing, as root), English manual pages under /usr/share/man (the 'text' section), JDK 17+. Ground truth,
# and the text section's passages with their embeddings, are cached in ~/.cache/vector-jpa-benchmarks.
# Not a test and not run by CI: run it on a quiet machine, the numbers depend on it.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=default
only=""
build=1
jfr=()
out=docs/benchmarks.md
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --no-build) build=""; shift ;;
    --out) out=$2; shift 2 ;;
    --jfr) jfr=(-XX:StartFlightRecording=filename=vector-jpa-benchmarks/target/benchmark.jfr,settings=profile); shift ;;
    *) echo "benchmark.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  [ "$(id -u)" = 0 ] || { echo "benchmark.sh: install Debian's dataset-fashion-mnist package (as root)" >&2; exit 1; }
  echo "benchmark.sh: installing dataset-fashion-mnist" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2
fi

url=$(VECTOR_JPA_NO_DOCKER=1 scripts/db.sh)

if [ -n "$build" ]; then
  echo "benchmark.sh: building vector-jpa-benchmarks" >&2
  ./mvnw -B -ntp -q -Pbenchmarks -pl vector-jpa-benchmarks -am package -DskipTests
fi

args=(--jdbc-url "$url" --scale "$scale" --out "$out")
[ -n "$only" ] && args+=(--only "$only")
# The report names the commit it measured (with "+dirty" when the work tree has changes other than its own output).
VECTOR_JPA_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':(exclude)docs/benchmarks.md' ':(exclude)docs/benchmarks' 2>/dev/null || echo +dirty)"
export VECTOR_JPA_BENCH_COMMIT
cp="vector-jpa-benchmarks/target/classes:$(cat vector-jpa-benchmarks/target/classpath.txt)"
# Fixed heap so that GC behaves the same run to run; headless AWT for the PNG plots.
exec java -Xms4g -Xmx4g -XX:+UseParallelGC -Djava.awt.headless=true "${jfr[@]}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" dev.vectorjpa.benchmarks.BenchmarkApplication "${args[@]}"
