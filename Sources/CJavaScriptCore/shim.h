#ifndef MODEGATE_CJAVASCRIPTCORE_SHIM_H
#define MODEGATE_CJAVASCRIPTCORE_SHIM_H

#if __APPLE__
#include <JavaScriptCore/JavaScriptCore.h>
#else
#include <JavaScriptCore/JavaScript.h>
#endif
#include <stdbool.h>

// Exported by libjavascriptcoregtk but absent from its public headers (see `nm -D`).
// Declared here with the signatures WebKit's private headers give them.

typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);

/// Terminates any script that runs longer than `limit` seconds in one entry into the engine.
void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                         JSShouldTerminateCallback callback, void *context);
void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

/// Turns `eval` and `new Function` off; `message` becomes the EvalError's text.
void JSGlobalContextSetEvalEnabled(JSGlobalContextRef ctx, bool enabled, JSStringRef message);

#endif
