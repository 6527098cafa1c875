import Foundation
import ModegateCore

/// A tool session that counts every call it answers, and checks replies of tools that state an
/// `outputSchema` against it.
struct TalliedSession: ToolSession {
    let inner: any ToolSession
    let tally: ToolTally
    var conformance: OutputConformance?
    /// Times every call, for the trial's trace.
    var timeline = TrialTimeline()

    var tools: [ToolDescriptor] { inner.tools }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        let slot = tally.begin()
        let timed = timeline.begin(name, arguments: arguments)
        let start = DispatchTime.now().uptimeNanoseconds
        let reply = await inner.call(name, arguments: arguments)
        timeline.end(timed, isError: reply.isError, reply: reply.text)
        tally.add(slot: slot, name: name, arguments: arguments, reply: reply,
                  seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        if let conformance, let tool = inner.tools.first(where: { $0.name == name }) { conformance.check(reply, of: tool) }
        return reply
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> TrialError? { await inner.infrastructureFailure() }
    func serverRestarts() async -> MCPRestarts { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
