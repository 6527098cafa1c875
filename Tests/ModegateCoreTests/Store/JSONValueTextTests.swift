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

@Suite struct JSONParserTests {
    @Test func agreesWithFoundationOnValidDocuments() throws {
        let documents = [
            #"{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\"y\\z\n\t\u00e9\ud83d\ude00/"},"d":[]}"#,
            "  [ 1 , { } , [ ] , \"\" ]  ", "0", "-0.5", "\"plain\"", "1E+3", "[[[[[]]]]]",
        ]
        for text in documents {
            let ours = try JSONValue.parse(text)
            let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(ours == theirs, "\(text)")
        }
    }

    @Test func rejectsBrokenDocuments() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\":1,}", "nan", "[\"\u{01}\"]", "\"\\x\""] {
            #expect(throws: (any Error).self, "\(text)") { try JSONValue.parse(text) }
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: (any Error).self) { try JSONValue.parse(deep) }
    }

    @Test func roundTripsWhatItWrites() throws {
        let value: JSONValue = ["k": ["a\u{7}b", 1.25, -7, ["nested": nil]], "emoji": "🙂"]
        #expect(try JSONValue.parse(value.jsonText) == value)
    }
}
