import Foundation
import Testing
@testable import ModegateCore

@Suite struct JSONValueTextTests {
    @Test func matchesTheEncoderAndRoundTrips() throws {
        let value: JSONValue = [
            "b": [1, 2.5, -0.125, 1e21, "x\"y\\z\n\u{01}é🙂"], "a": nil, "c": ["nested": true, "empty": [], "obj": [:]],
        ]
        let text = value.jsonText
        #expect(text == #"{"a":null,"b":[1,2.5,-0.125,1e+21,"x\"y\\z\n\u0001é🙂"],"c":{"empty":[],"nested":true,"obj":{}}}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
        #expect(JSONValue.number(.nan).jsonText == "null")
    }
}
