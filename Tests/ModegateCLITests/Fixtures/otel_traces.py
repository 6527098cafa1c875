"""GenAI traces of two agent arms, made with the real OpenTelemetry SDK and written as the
Collector's file exporter writes them (one OTLP JSON ExportTraceServiceRequest per line, ids in
hex), for `modegate import otel`'s end-to-end test.

    python otel_traces.py OUT_DIR [--cases N] [--repetitions R]

Writes OUT_DIR/baseline-1.jsonl and baseline-2.jsonl (the baseline's spans split over two files,
one span per line, children before their parents as a SimpleSpanProcessor exports them),
OUT_DIR/baseline-scores.jsonl (its rewards, kept apart from the traces), and
OUT_DIR/candidate.jsonl (batches of spans per line; rewards as span attributes). Times are
fixed, so every figure is reproducible.

Baseline (tool calling), per trial: 3 chat spans (100/20, 150/30, 200/40 tokens) and 3 MCP tool
calls: search on server 'search', then fetch twice on server 'docs'. Case c3's repetition 1 has a
failing fetch, does not complete and scores 0.
Candidate (Code Mode), per trial: 2 chat spans (300/50, 120/25 tokens) and one run_code call
whose program makes the same 3 MCP calls. Its case ids sit on a parent 'eval case' span, and it
records no repetition (modegate numbers them in start order).
"""

import argparse
import base64
import json
import os

from google.protobuf.json_format import MessageToDict
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import SpanKind, Status, StatusCode

BASE_NS = 1_793_577_600_000_000_000  # 2026-11-02T00:00:00Z
MS = 1_000_000


def hexify(document):
    """OTLP JSON writes trace and span ids as hex; protobuf's JSON mapping writes bytes as base64."""
    for resource_spans in document.get("resourceSpans", []):
        for scope_spans in resource_spans.get("scopeSpans", []):
            for span in scope_spans.get("spans", []):
                for key in ("traceId", "spanId", "parentSpanId"):
                    if span.get(key):
                        span[key] = base64.b64decode(span[key]).hex()
                for link in span.get("links", []):
                    for key in ("traceId", "spanId"):
                        if link.get(key):
                            link[key] = base64.b64decode(link[key]).hex()
    return document


class CollectorFileExporter(SpanExporter):
    """One ExportTraceServiceRequest per export call, one JSON line each, as the Collector's file
    exporter writes; after `lines_per_file` lines it moves on to the next of `paths`."""

    def __init__(self, paths, lines_per_file=None):
        self.paths = paths
        self.lines_per_file = lines_per_file
        self.lines = 0

    def export(self, spans):
        request = encode_spans(spans)
        document = hexify(MessageToDict(request, use_integers_for_enums=True))
        index = 0 if not self.lines_per_file else min(self.lines // self.lines_per_file, len(self.paths) - 1)
        with open(self.paths[index], "a", encoding="utf-8") as out:
            out.write(json.dumps(document, separators=(",", ":")) + "\n")
        self.lines += 1
        return SpanExportResult.SUCCESS

    def shutdown(self):
        pass


class Clock:
    """Fixed, increasing times: each trial starts a second after the last one ended."""

    def __init__(self):
        self.now = BASE_NS

    def tick(self, ms):
        self.now += ms * MS
        return self.now


def span(tracer, name, parent, start, attributes):
    return tracer.start_span(name, context=trace.set_span_in_context(parent) if parent else None,
                             kind=SpanKind.INTERNAL, attributes=attributes, start_time=start)


def chat(tracer, clock, parent, tokens):
    model = "gpt-4.1-mini"
    s = span(tracer, f"chat {model}", parent, clock.tick(1), {
        "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": model,
        "gen_ai.response.model": model + "-2026-04-14", "gen_ai.usage.input_tokens": tokens[0],
        "gen_ai.usage.output_tokens": tokens[1], "gen_ai.response.finish_reasons": ["tool_calls"],
    })
    s.end(end_time=clock.tick(40))


def mcp_tool(tracer, clock, parent, name, server, call_id, result, fail=False):
    s = span(tracer, f"execute_tool {name}", parent, clock.tick(1), {
        "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": name, "gen_ai.tool.call.id": call_id,
        "gen_ai.tool.type": "extension", "mcp.method.name": "tools/call", "mcp.session.id": f"session-{server}",
        "mcp.server.name": server, "network.transport": "pipe", "gen_ai.tool.call.arguments": json.dumps({"q": call_id}),
        **({} if fail else {"gen_ai.tool.call.result": result}),
    })
    if fail:
        s.set_attribute("error.type", "tool_error")
        s.set_status(Status(StatusCode.ERROR, "fetch failed: 503 from upstream"))
    s.end(end_time=clock.tick(5))


def baseline_trial(tracer, clock, case, repetition):
    agent = span(tracer, "invoke_agent support-agent", None, clock.tick(1000), {
        "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support-agent", "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4.1-mini", "modegate.case.id": case, "modegate.repetition": repetition,
    })
    failing = case == "c3" and repetition == 1
    chat(tracer, clock, agent, (100, 20))
    mcp_tool(tracer, clock, agent, "search", "search", f"{case}-{repetition}-1", '{"hits":["a","b"]}')
    mcp_tool(tracer, clock, agent, "fetch", "docs", f"{case}-{repetition}-2", '{"page":"aaaa"}')
    chat(tracer, clock, agent, (150, 30))
    mcp_tool(tracer, clock, agent, "fetch", "docs", f"{case}-{repetition}-3", '{"page":"bbbb"}', fail=failing)
    chat(tracer, clock, agent, (200, 40))
    if failing:
        agent.set_attribute("error.type", "tool_error")
        agent.set_status(Status(StatusCode.ERROR, "the agent gave up after a failed fetch"))
    agent.end(end_time=clock.tick(10))


def candidate_trial(tracer, clock, case, repetition):
    # The harness's own span carries the case; the agent's span under it does not.
    harness = span(tracer, "eval case", None, clock.tick(1000), {"modegate.case.id": case})
    agent = span(tracer, "invoke_agent support-agent", harness, clock.tick(1), {
        "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support-agent", "gen_ai.provider.name": "openai",
        "modegate.reward": 1.0, "modegate.completed": True,
    })
    chat(tracer, clock, agent, (300, 50))
    program = span(tracer, "execute_tool run_code", agent, clock.tick(1), {
        "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "run_code", "gen_ai.tool.call.id": f"{case}-{repetition}-p",
        "gen_ai.tool.call.result": '{"answer":"ok"}',
    })
    mcp_tool(tracer, clock, program, "search", "search", f"{case}-{repetition}-1", '{"hits":["a","b"]}')
    mcp_tool(tracer, clock, program, "fetch", "docs", f"{case}-{repetition}-2", '{"page":"aaaa"}')
    mcp_tool(tracer, clock, program, "fetch", "docs", f"{case}-{repetition}-3", '{"page":"bbbb"}')
    program.end(end_time=clock.tick(20))
    chat(tracer, clock, agent, (120, 25))
    agent.end(end_time=clock.tick(10))
    harness.end(end_time=clock.tick(1))


def provider(exporter, batched):
    tracer_provider = TracerProvider(resource=Resource.create({"service.name": "support-agent"}))
    processor = BatchSpanProcessor(exporter, max_export_batch_size=7) if batched else SimpleSpanProcessor(exporter)
    tracer_provider.add_span_processor(processor)
    return tracer_provider


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--cases", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=2)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    cases = [f"c{n + 1}" for n in range(args.cases)]
    clock = Clock()

    spans_per_trial = 7
    half = args.cases * args.repetitions * spans_per_trial // 2
    paths = [os.path.join(args.out, f"baseline-{n}.jsonl") for n in (1, 2)]
    base = provider(CollectorFileExporter(paths, lines_per_file=half), batched=False)
    tracer = base.get_tracer("otel_traces", "1.0")
    with open(os.path.join(args.out, "baseline-scores.jsonl"), "w", encoding="utf-8") as scores:
        for case in cases:
            for repetition in range(args.repetitions):
                baseline_trial(tracer, clock, case, repetition)
                failed = case == "c3" and repetition == 1
                scores.write(json.dumps({"case_id": case, "repetition": repetition, "reward": 0.0 if failed else 1.0,
                                         "completed": not failed}) + "\n")
    base.shutdown()

    candidate = provider(CollectorFileExporter([os.path.join(args.out, "candidate.jsonl")]), batched=True)
    tracer = candidate.get_tracer("otel_traces", "1.0")
    for case in cases:
        for repetition in range(args.repetitions):
            candidate_trial(tracer, clock, case, repetition)
    candidate.force_flush()
    candidate.shutdown()


if __name__ == "__main__":
    main()
