import ModegateCore
import Testing

/// The run's one stop channel: the first reason wins, from whichever side it comes.
@Suite struct RunStopTests {
    @Test func theFirstReasonWins() {
        let stop = RunStop()
        #expect(stop.reason == nil && stop.serverHalt == nil)
        stop.stop(.budget(.modelRequests(10)))
        stop.stop(.serverHalted("MCP server 'x' is gone"))
        stop.stop(.interrupted)
        #expect(stop.reason == .budget(.modelRequests(10)))
        #expect(stop.serverHalt == nil)
    }

    @Test func aHaltedServerIsNamed() {
        let stop = RunStop()
        stop.stop(.serverHalted("MCP server 'x' is gone"))
        stop.stop(.requested("decided"))
        #expect(stop.serverHalt == "MCP server 'x' is gone")
    }
}
