#!/usr/bin/env bash
# Side by side, in one run: Parley's tagger and Apache OpenNLP's POS tagger, both trained on the UD English EWT
# train split, scored on EWT test with gold tokens: UPOS accuracy, tokens/s, and Parley/OpenNLP ratios.
# usage: bench/pos-vs-opennlp.sh [maxent|perceptron] [repeat=20]
# Needs dotnet, python3, and opennlp (installed with apt-get when missing; the peer script does the same).
# Data: $PARLEY_DATA or ../shared/data; peer scripts: $PARLEY_PEERS or ../shared/peers (from the repository root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${PARLEY_DATA:-$ROOT/../shared/data}"
PEERS="${PARLEY_PEERS:-$ROOT/../shared/peers}"
ALGO="${1:-maxent}"
REPEAT="${2:-20}"
TRAIN="$DATA/ud-english-ewt/en_ewt-ud-train.conllu"
TEST="$DATA/ud-english-ewt/en_ewt-ud-test.conllu"
[ -f "$TRAIN" ] && [ -f "$TEST" ] || { echo "UD English EWT not found under $DATA (set PARLEY_DATA)" >&2; exit 2; }
[ -x "$PEERS/opennlp-pos.sh" ] || { echo "peer script not found: $PEERS/opennlp-pos.sh (set PARLEY_PEERS)" >&2; exit 2; }

if ! command -v opennlp >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "installing opennlp with apt-get" >&2
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y opennlp >&2
fi

echo "building Parley (Release) into bench/.build" >&2
dotnet build -c Release "$ROOT/src/Parley.Cli" -o "$ROOT/bench/.build" -v quiet -nologo >&2
DLL="$ROOT/bench/.build/parley.dll"

echo "Parley: tagging EWT test $REPEAT times" >&2
PARLEY_JSON="$(dotnet "$DLL" eval pos --data "$TEST" --repeat "$REPEAT" | tail -1)"
echo "OpenNLP ($ALGO): training on EWT train, tagging EWT test" >&2
OPENNLP_JSON="$("$PEERS/opennlp-pos.sh" "$TRAIN" "$TEST" "$ALGO" 50 | tail -1)"

python3 - "$PARLEY_JSON" "$OPENNLP_JSON" "$ALGO" <<'PY'
import json, sys
p, o, algo = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
rows = [
    ("Parley (averaged perceptron)", p["upos_accuracy"], p["tokens_per_s"]),
    (f"Apache OpenNLP {o.get('opennlp_version', '')} ({algo})", o["upos_accuracy"], o["tokens_per_s"]),
]
print(f"{'tagger':44} {'UPOS acc.':>10} {'tokens/s':>10}")
for name, acc, speed in rows:
    print(f"{name:44} {100 * acc:10.2f} {speed:10,}")
acc_ratio = p["upos_accuracy"] / o["upos_accuracy"]
speed_ratio = p["tokens_per_s"] / o["tokens_per_s"]
print(f"Parley / OpenNLP: accuracy x{acc_ratio:.4f} ({100 * (p['upos_accuracy'] - o['upos_accuracy']):+.2f} points), speed x{speed_ratio:.2f}")
print("Both: gold tokens of EWT test, JVM start and model load excluded for OpenNLP; Parley's per-CPU-second rate:",
      f"{p['tokens_per_cpu_s']:,}")
print(json.dumps({"parley": p, "opennlp": o, "upos_accuracy_ratio": round(acc_ratio, 4), "tokens_per_s_ratio": round(speed_ratio, 2)}))
PY
